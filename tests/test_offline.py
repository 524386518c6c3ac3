"""The offline copy: unzipped and opened from file:// in Chromium with the network cut,
its links, language switch and search work, and it asks nothing of any server."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlparse, urlsplit
from urllib.request import url2pathname

import pytest


@pytest.fixture(scope="module")
def unzipped(built_project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(built_project / "offline" / "pana-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "pana"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    failed: list[str] = []

    def note_failure(request) -> None:
        # the next page's navigation may cut a late load short (the favicon): that file is there
        cut_short = request.failure == "net::ERR_ABORTED" and request.url.startswith("file:")
        if not (cut_short and Path(url2pathname(urlparse(request.url).path)).is_file()):
            failed.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", note_failure)
    page.requests, page.failed = requests, failed
    yield page
    context.close()


def test_the_zip_holds_every_language_and_no_source_maps(built_project):
    with zipfile.ZipFile(built_project / "offline" / "pana-offline.zip") as archive:
        names = archive.namelist()
    for language in ("", "ru/", "kk/"):
        assert f"pana/{language}guide.html" in names
        assert f"pana/{language}search/search_index.js" in names
    assert "pana/assets/javascripts/iframe-worker.js" in names
    assert not [name for name in names if name.endswith(".map")]


def test_links_and_the_language_switch_work_from_file(offline_page, unzipped):
    page = offline_page
    page.goto(unzipped.joinpath("index.html").as_uri())
    page.click("article a[href='guide.html']")
    assert page.url.endswith("/pana/guide.html")
    assert page.locator("h1").inner_text().startswith("Step-by-step guide")
    page.click("button[aria-label='Select language']")
    page.click("a[hreflang='kk']")
    page.wait_for_url("**/pana/kk/guide.html")
    assert page.locator("h1").inner_text().startswith("Қадамдық нұсқаулық")
    assert {url.split(":", 1)[0] for url in page.requests} == {"file"}
    assert not page.failed


def test_search_works_from_file_in_the_readers_language(offline_page, unzipped):
    page = offline_page
    page.goto(unzipped.joinpath("ru", "guide.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type("беженцы")
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=30_000)
    assert first.get_attribute("href").endswith("/pana/ru/refugee.html")
    assert {url.split(":", 1)[0] for url in page.requests} == {"file"}
    assert not page.failed


def test_the_about_page_offers_the_zip_with_its_size(site, built_project):
    size = (built_project / "offline" / "pana-offline.zip").stat().st_size
    assert (site / "pana-offline.zip").stat().st_size == size
    for about, words in [("about", "Download the offline copy"), ("ru/about", "Скачать копию")]:
        html = (site / about / "index.html").read_text(encoding="utf-8")
        assert words in html
        assert "pana-offline.zip" in html
    megabytes = f"{size / 1e6:.1f}"
    assert f"{megabytes} MB" in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert f"{megabytes.replace('.', ',')} МБ" in (site / "ru" / "about" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["", "ru/", "kk/"])
def test_the_calculator_works_from_file(offline_page, unzipped, language):
    """Its script is found from file:// (its address comes from the theme's `url` filter), with no network."""
    page = offline_page
    page.goto(unzipped.joinpath(f"{language}calculator.html").as_uri())
    page.fill("#calc-arrival", "2027-03-19")
    assert page.locator("#calc-result-apply .pana-date").inner_text() == "24.03.2027"
    assert page.locator("#calc-result-apply .pana-closed").get_attribute("data-working-day") == "19.03.2027"
    assert {url.split(":", 1)[0] for url in page.requests} == {"file"}
    assert not page.failed


def test_a_failed_offline_build_ends_with_the_problem_not_a_traceback(project):
    import subprocess
    import sys

    from conftest import ROOT

    file = project / "data/procedure.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("from: arrival}", "from: arival}", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "offline.py"), str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "unknown event 'arival'" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.rstrip().endswith("fix the problems listed above, then run it again.")


def local_targets(page: Path) -> list[tuple[str, str]]:
    """(what, address) of everything a page of the offline copy links to or loads: links and
    download buttons, stylesheets, scripts, images, icons, forms; not other hosts' pages."""
    from bs4 import BeautifulSoup

    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")):
        for element in html.find_all(tag, attrs={attribute: True}):
            if tag == "link" and "canonical" in element.get("rel", []):
                continue  # the page's address online, for search engines: nothing is loaded from it
            found.append((f"<{tag} {attribute}>", element[attribute]))
    found += [("<form action>", form["action"]) for form in html.find_all("form", action=True)]
    return found


def ids_in(page: Path) -> set[str]:
    from bs4 import BeautifulSoup

    return {tag["id"] for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("[id]")}


def test_every_link_button_script_stylesheet_image_and_pdf_resolves_from_file(unzipped):
    from urllib.parse import unquote

    pages = sorted(unzipped.rglob("*.html"))
    assert len([p for p in pages if p.parts[-2] in ("ru", "kk")]) >= 2  # every language is walked
    broken, checked, pdfs = [], 0, set()
    for page in pages:
        for what, address in local_targets(page):
            parts = urlsplit(address)
            if parts.scheme in ("https", "mailto", "tel") and what == "<a href>":
                continue  # a link a reader follows online; nothing the copy loads
            if parts.scheme or address.startswith("//"):
                broken.append(f"{page.relative_to(unzipped)}: {what} {address} asks another host")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                broken.append(
                    f"{page.relative_to(unzipped)}: {what} {address} is a folder: file:// shows no index.html"
                )
            elif not target.is_file():
                broken.append(f"{page.relative_to(unzipped)}: {what} {address} is not in the copy")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_in(target):
                broken.append(f"{page.relative_to(unzipped)}: {what} {address}: no #{parts.fragment} there")
            if target.suffix == ".pdf" and target.is_file():
                pdfs.add(target)
            checked += 1
    assert broken == []
    assert checked > 1000
    assert len(pdfs) == len(list((unzipped / "pdf").glob("*.pdf"))) > 0  # every PDF is offered by a page
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf


@pytest.mark.parametrize("language", ["", "ru/", "kk/"])
def test_every_page_loads_everything_it_needs_from_file_with_the_network_off(offline_page, unzipped, language):
    page = offline_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    folder = unzipped / language if language else unzipped
    pages = sorted(
        p for p in folder.rglob("*.html") if language or p.relative_to(unzipped).parts[0] not in ("ru", "kk")
    )
    for file in pages:
        page.goto(file.as_uri(), wait_until="networkidle")  # not cutting the last loads short
    assert {url.split(":", 1)[0] for url in page.requests} == {"file"}
    assert not page.failed
    assert errors == []


def test_a_checklists_pdf_button_and_print_button_work_from_file(offline_page, unzipped):
    page = offline_page
    page.goto(unzipped.joinpath("kk", "checklists", "first-days.html").as_uri())
    button = page.locator("a[download][href$='pana-first-days-kk.pdf']")
    # from file:// Chromium treats each file as its own origin and opens the PDF rather than saving
    # it: what matters is that the address the browser resolves is the PDF in the copy
    resolved = Path(url2pathname(urlsplit(button.evaluate("a => a.href")).path))
    assert resolved == unzipped / "pdf" / "pana-first-days-kk.pdf"
    assert resolved.read_bytes().startswith(b"%PDF-")
    page.evaluate("window.print = () => { window.printed = true }")
    page.locator("[data-pana-print]").click()
    assert page.evaluate("window.printed") is True
