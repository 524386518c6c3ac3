"""The page for a wrong address: GitHub Pages serves the root 404.html for every missing path of the
site, whatever the language folder, so it must serve readers of every language, with no script."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT
from pana.facts.data import load_facts
from pana.pages.render import Page

FACTS = load_facts(ROOT / "data")
SITE_PATH = urlparse(
    next(
        line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("site_url:")
    )
    .split(" ", 1)[1]
    .strip()
).path


class PagesLike(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its path, and the root 404.html for anything missing, as GitHub Pages does."""

    def translate_path(self, path: str) -> str:
        inside = path[len(SITE_PATH) - 1 :] if path.startswith(SITE_PATH) else "/missing"
        return super().translate_path(inside)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages_host(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLike, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_root_404_speaks_every_language_in_the_originals_frame(site):
    html = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert html.html["lang"] == "en"
    sections = html.select("section.pana-not-found")
    languages = [s.get("lang", html.html["lang"]) for s in sections]  # the minifier drops a lang equal to the page's
    assert languages == list(LANGUAGES)
    for section, language in zip(sections, languages, strict=True):
        page = Page(FACTS, language)
        text = " ".join(section.get_text(" ").split())
        assert page.t("not_found_title") in text
        assert page.deadline(page.step("apply")) in text
        assert page.deadline(page.route("no-checkpoint")) in text
        home = section.select_one("a")["href"]
        assert home == (SITE_PATH if language == "en" else f"{SITE_PATH}{language}/")
    for language in ("ru", "kk"):
        assert (site / language / "404.html").exists()


@pytest.mark.parametrize("missing", ["nothing/", "ru/old-page/", "kk/guide/x.html"])
def test_a_wrong_address_shows_it_with_no_script_and_leads_home(browser, pages_host, missing):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    response = tab.goto(f"{pages_host}{SITE_PATH}{missing}")
    assert response.status == 404
    text = tab.locator("article").inner_text()
    for language in LANGUAGES:
        assert FACTS.strings["not_found_title"][language] in text
    assert tab.locator("link[rel=stylesheet]").first.evaluate("link => link.sheet !== null")
    tab.click("section[lang=kk] a")
    assert tab.url == f"{pages_host}{SITE_PATH}kk/"
    assert tab.locator("h1").first.inner_text().startswith("Қазақстан")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_themes_own_words_are_in_the_pages_language(site, language):
    folder = site if language == "en" else site / language
    html = (folder / "guide" / "index.html").read_text(encoding="utf-8")
    assert FACTS.strings["made_with"][language] in html
    assert (
        f'title="{FACTS.strings["permalink"][language]}"' in html
        or f"title={FACTS.strings['permalink'][language]}" in html
    )
    if language != "en":
        assert "Made with" not in html and "Permanent link" not in html
