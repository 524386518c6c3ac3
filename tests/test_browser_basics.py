"""What a reader's browser shows: the language switch and search, in headless Chromium."""

from __future__ import annotations

import pytest


def test_language_switch_goes_to_the_same_page(page, served_site):
    page.goto(served_site + "guide/")
    page.click("button[aria-label='Select language']")
    page.click("a[hreflang='kk']")
    page.wait_for_url("**/kk/guide/")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("h1").inner_text().startswith("Қадамдық нұсқаулық")


@pytest.mark.parametrize(
    "path,query,expected_prefix",
    [("ru/guide/", "убежищ", "/ru/"), ("kk/guide/", "босқын", "/kk/"), ("guide/", "asylum", "/")],
)
def test_search_finds_pages_of_the_readers_language_only(page, served_site, path, query, expected_prefix):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(served_site + path)
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.keyboard.press("End")  # the theme searches on keyup; fill() sends none
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs
    for href in hrefs:
        local = href.split("127.0.0.1", 1)[-1].split("/", 1)[-1]
        local = "/" + local
        if expected_prefix == "/":
            assert not local.startswith(("/ru/", "/kk/")), href
        else:
            assert local.startswith(expected_prefix), href
