"""The guide a stressed reader scans on a phone: every step one line (number, title, deadline)
that opens on a tap, "open all / close all", an address's #anchor opens its step, and printing
prints every step open, with or without JavaScript. The same for the refusal grounds.
In headless Chromium, on the real built site."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, ROOT
from pana.facts.data import load_facts
from pana.pages.render import Page

from tools.reader import PHONE, guide_screens

FACTS = load_facts(ROOT / "data")


def root(language: str) -> str:
    return "" if language == "en" else f"{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_step_is_one_closed_line_with_its_deadline(page, served_site, language):
    page.goto(served_site + root(language) + "guide/")
    steps = page.locator("details.pana-step")
    assert steps.count() == len(FACTS.steps)
    words = Page(FACTS, language)
    for number, step in enumerate(FACTS.steps):
        summary = steps.nth(number).locator("> summary")
        line = summary.inner_text()
        assert line.startswith(f"{number + 1}. {step.title[language]}")
        assert words.deadline_short(step) in line
        whose = words.t("your_deadline") if step.owner.value == "reader" else words.t("authority_deadline_short")
        assert whose in line
        assert steps.nth(number).get_attribute("open") is None
        assert not steps.nth(number).locator("li").first.is_visible()


def test_the_readers_own_deadlines_stand_out(page, served_site):
    page.goto(served_site + "guide/")
    apply = page.locator("#step-apply .pana-step__due")
    fingerprints = page.locator("#step-fingerprints .pana-step__due")
    assert int(apply.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert int(fingerprints.evaluate("e => getComputedStyle(e).fontWeight")) < 700


def test_a_tap_opens_a_step_and_shows_its_whole_deadline(page, served_site):
    page.goto(served_site + "ru/guide/")
    page.locator("#step-apply > summary").click()
    body = page.locator("#step-apply")
    assert body.get_attribute("open") is not None
    words = Page(FACTS, "ru")
    assert words.deadline(words.step("apply")) in body.inner_text()


def test_open_all_and_close_all(page, served_site):
    page.goto(served_site + "kk/guide/")
    words = Page(FACTS, "kk")
    page.get_by_role("button", name=words.t("open_all")).click()
    assert page.locator("details.pana-step:not([open])").count() == 0
    page.get_by_role("button", name=words.t("close_all")).click()
    assert page.locator("details.pana-step[open]").count() == 0


def test_an_anchor_opens_its_step(page, served_site):
    page.goto(served_site + "guide/#step-register")
    assert page.locator("#step-register").get_attribute("open") is not None
    assert page.locator("#step-register li").first.is_visible()
    page.goto(served_site + "refusal/")
    page.locator("a[href$='guide/#step-notice']").first.click()
    page.wait_for_url("**/guide/#step-notice")
    assert page.locator("#step-notice").get_attribute("open") is not None


def test_printing_prints_every_step_open_even_without_javascript(browser, served_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "ru/guide/")
    assert not tab.locator("#step-interview li").first.is_visible()
    assert not tab.locator(".pana-details-controls").is_visible()  # buttons that could do nothing
    tab.locator("#step-interview > summary").click()  # the browser's own <details>: no script needed
    assert tab.locator("#step-interview li").first.is_visible()
    tab.emulate_media(media="print")
    for step in FACTS.steps:
        assert tab.locator(f"#step-{step.id} li").first.is_visible(), step.id
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_refusal_grounds_are_one_line_each(page, served_site, language):
    page.goto(served_site + root(language) + "refusal/")
    grounds = page.locator("details.pana-step")
    assert grounds.count() == len(FACTS.grounds)
    for number, ground in enumerate(FACTS.grounds):
        line = grounds.nth(number).locator("> summary").inner_text()
        assert line.startswith(f"{number + 1}. {ground.text[language].replace('*', '')[:20]}")
    assert page.locator("details.pana-step[open]").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_steps_fit_on_about_two_phone_screens(page, served_site, language):
    # before the steps collapsed the guide was 17 (en) to 20 (ru) screens of 360 × 740
    screens = guide_screens(page, served_site, root(language))
    assert screens["steps"] <= 2.0, screens
    assert screens["page"] <= 8.0, screens
