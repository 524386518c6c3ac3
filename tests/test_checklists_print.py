"""A checklist page printed from the browser: no site navigation, the list itself, boxes and lines."""

from __future__ import annotations

import pytest

HIDDEN_ON_PAPER = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]


@pytest.mark.parametrize(
    "path", ["checklists/first-days/", "ru/checklists/procedure/", "kk/checklists/after-decision/"]
)
def test_print_layout_shows_the_list_without_navigation(page, served_site, path):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(served_site + path)
    assert page.locator(".md-header").is_visible()
    assert not page.locator(".pana-address").is_visible()  # paper-only parts stay off the screen
    page.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        assert not page.locator(selector).first.is_visible(), selector
    assert not page.locator(".pana-pdf-links").is_visible()
    assert page.locator("article h1").is_visible()
    assert page.locator("li.task-list-item").first.is_visible()
    assert page.locator(".pana-blanks .pana-blank").first.is_visible()
    assert page.locator(".pana-address svg").is_visible()
    # an empty square to tick: white inside, a dark border, no check-mark mask
    box = page.locator(".task-list-indicator").first.evaluate(
        "e => { const s = getComputedStyle(e, '::before');"
        " return [s.backgroundColor, s.borderTopStyle, s.borderTopColor, s.maskImage || s.webkitMaskImage]; }"
    )
    assert box == ["rgb(255, 255, 255)", "solid", "rgb(0, 0, 0)", "none"]
