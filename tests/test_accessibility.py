"""Accessibility: axe-core finds nothing on any page of any language, at phone and desktop width;
the keyboard reaches the content and every control."""

from __future__ import annotations

import pytest
from conftest import ROOT
from test_browser_reader import every_page

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations_on_any_page(browser, site, served_site, width):
    # axe is injected as an inline script, which the pages' Content Security Policy refuses
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    tab = context.new_page()
    found = []
    for path in every_page(site):
        tab.goto(served_site + path)
        tab.add_script_tag(content=AXE)
        violations = tab.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']}))"
            ".violations.map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
        )
        found += [f"{path or '/'}: {v}" for v in violations]
    context.close()
    assert found == []


def test_a_skip_link_reaches_the_content(page, served_site):
    page.goto(served_site + "ru/guide/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("a => a === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("decodeURIComponent(location.hash)") == "#" + skip.get_attribute("href").split("#")[1]


def test_keyboard_reaches_the_language_switcher_and_search(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served_site + "kk/")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "document.activeElement.getAttribute('hreflang') || document.activeElement.className || document.activeElement.tagName"
            )
        )
    assert {"en", "ru"} <= reached, reached
    assert any("md-search__input" in r for r in reached), reached


def test_every_page_can_be_read_without_javascript(browser, site, served_site):
    """The accessibility page says so: the text is in the HTML, the theme's script only adds to it."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    unreadable = []
    for path in every_page(site):
        tab.goto(served_site + path)
        heading, article = tab.locator("article h1"), tab.locator("article")
        if not (heading.is_visible() and len(article.inner_text()) > 200):
            unreadable.append(path)
    context.close()
    assert unreadable == []


@pytest.mark.parametrize("language", ["", "ru/", "kk/"])
def test_the_accessibility_statement_is_in_the_menu_and_leads_to_reporting(page, served_site, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served_site + language)
    page.locator("nav a[href$='accessibility/']").first.click()
    page.wait_for_url(f"**/{language}accessibility/")
    assert len(page.locator("article h2").all()) == 3  # tested, limits, report
    page.locator("article a[href$='about/#report']").first.click()
    page.wait_for_url(f"**/{language}about/#report")
