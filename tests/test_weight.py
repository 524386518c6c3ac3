"""The weight report runs on the built site and prints what pages cost a reader; the first
visit to every heavy page stays within the budget for slow mobile data."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import weight  # noqa: E402
from pana.site.unused_css import seen_words  # noqa: E402

# gzip bytes of everything a first visit downloads, on every page: issue 19's target is 30 KB;
# the heaviest page, the Russian calculator, was 29.2 KB when the theme's script (34.9 KB) began
# to load only with search (before: 55-62 KB). 2.8 KB of margin leaves editors room for a few
# more steps or sentences; more than that and a page should be made lighter, not the budget raised.
FIRST_VISIT_BUDGET = 32_000
HEAVIEST = [
    f"{language}{page}" for language in ("", "ru/", "kk/") for page in ("", "guide/", "calculator/", "refusal/")
]


@pytest.fixture(scope="module")
def rows(site, browser) -> list[dict]:
    """The heaviest pages in every language, measured once for the tests."""
    return weight.measure(site, only=HEAVIEST, browser=browser)


def test_weight_report_measures_every_kind_of_file(rows):
    print("\n" + weight.table(rows))
    for row in rows:
        assert row["html"] > 0 and row["css"] > 0 and row["js"] > 0
        assert row["first"] == row["html"] + row["css"] + row["js"] + row["search"] + row["other"]
        assert row["repeat"] == row["html"] < row["first"]


def test_first_visit_stays_within_budget_in_every_language(rows):
    for row in rows:
        assert row["first"] <= FIRST_VISIT_BUDGET, row
        assert row["search"] == 0, row  # the index and the theme's worker wait for the search dialog
        assert row["js"] < 4_000, row  # Pana's own small scripts; the theme's waits for search


def test_the_themes_script_loads_when_search_opens_and_not_before(page, served_site):
    bundle: list[str] = []
    page.on("request", lambda request: "/bundle." in request.url and bundle.append(request.url))
    page.goto(served_site + "ru/guide/", wait_until="networkidle")
    assert bundle == []
    page.set_viewport_size({"width": 360, "height": 740})
    with page.expect_request("**/bundle.*.min.js"):
        page.locator("label[for='__search']").first.click()
    page.keyboard.type("жалоба")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item > a").first.get_attribute("href").endswith("refusal/")


def test_purgecss_is_run_again_only_when_a_word_it_could_use_changes(tmp_path):
    css = '.md-banner{color:red}a[href^="http"]{margin:33px}@media screen{.md-typeset{margin:0}}'
    page = tmp_path / "index.html"
    page.write_text('<p class="md-banner">banana 33 <a href="https://x">screen</a></p>', encoding="utf-8")
    seen = seen_words(css, [page])
    # names in selectors and at-rules, and words holding a partly matched value ("https" holds "http");
    # not the text ("banana"), nor a number that only a declaration has ("33"), nor an unstyled tag ("p")
    assert seen == {"md-banner", "a", "href", "https", "screen"}


def test_the_themes_search_key_still_opens_search(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served_site + "kk/", wait_until="networkidle")
    with page.expect_request("**/bundle.*.min.js"):
        page.keyboard.press("/")
    page.keyboard.type("шағым")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item > a").first.get_attribute("href").endswith("refusal/")
