"""Every page of every language as a reader's browser gets it: private, phone-sized, printable, shareable."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES


def every_page(site: Path) -> list[str]:
    """Each page's path below the site root, as a URL path ('', 'guide/', 'ru/guide/', …)."""
    return sorted(
        "" if p.parent == site else f"{p.parent.relative_to(site).as_posix()}/" for p in site.rglob("index.html")
    )


def test_the_crawl_covers_every_language(site):
    pages = every_page(site)
    for language in ("ru", "kk"):
        assert sum(p.startswith(f"{language}/") for p in pages) == sum(not p.startswith(("ru/", "kk/")) for p in pages)


def test_no_request_leaves_the_site_and_none_fails(browser, site, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    problems, requests = [], 0
    for path in every_page(site):
        tab = context.new_page()
        seen = []
        tab.on("response", lambda r, seen=seen: seen.append((r.status, r.url)))
        tab.on("requestfailed", lambda r, seen=seen: seen.append(("failed", r.url)))
        tab.goto(served_site + path, wait_until="networkidle")
        for status, url in seen:
            if not url.startswith(served_site) or status == "failed" or status >= 400:
                problems.append(f"{path}: {status} {url}")
        requests += len(seen)
        tab.close()
    context.close()
    print(f"{len(every_page(site))} pages, {requests} requests, all to the site itself")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(browser, site, served_site, language):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    tab = context.new_page()
    wide = []
    for path in every_page(site):
        if (path.startswith(("ru/", "kk/")) and not path.startswith(f"{language}/")) or (
            language == "en" and path.startswith(("ru/", "kk/"))
        ):
            continue
        tab.goto(served_site + path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide.append(f"{path}: {width}px")
    context.close()
    assert wide == []


@pytest.mark.parametrize("path", ["guide/", "ru/guide/", "kk/checklists/first-days/"])
def test_print_hides_navigation_and_keeps_the_content(page, served_site, path, tmp_path):
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto(served_site + path)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article h1").is_visible()
    assert page.locator("article h2, article h3").first.is_visible()
    page.screenshot(path=str(tmp_path / "print.png"), full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_a_title_and_description_for_link_previews(site, language):
    folder = site if language == "en" else site / language
    for index in folder.rglob("index.html"):
        if language == "en" and index.relative_to(site).parts[0] in ("ru", "kk"):
            continue
        head = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").head
        assert head.find("meta", property="og:title")["content"].strip()
        assert head.find("meta", property="og:description")["content"].strip()
        assert head.find("meta", property="og:locale")["content"] == language
        assert not head.find("meta", property="og:image")
        assert not head.select("link[rel=alternate][hreflang]"), "the theme would fetch a sitemap beside each"


def test_sitemap_gives_every_page_its_languages_with_absolute_addresses(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    assert len(urls) == len(every_page(site))
    for url in urls:
        links = url.findall("x:link", ns)
        assert {link.get("hreflang") for link in links} == set(LANGUAGES)
        assert all(link.get("href").startswith("https://") for link in links)


def test_language_links_are_relative_for_an_offline_copy(site):
    html = BeautifulSoup((site / "ru" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in html.select("a[hreflang]")]
    assert hrefs and not any(h.startswith(("/", "http")) for h in hrefs)
