"""The date rules: the Python reference against dates worked out by hand, and the calculator page's
own form in headless Chromium against the same table."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, page_path
from pana.data import load_facts
from pana.dates import Calendar, add
from pana.models import Unit
from pana.plan import evaluate, spec, timeline
from pana.render import Page
from test_bad_data import replace_once

FACTS = load_facts(ROOT / "data")
CAL = Calendar(dt.date.today().year - 1, dt.date.today().year + 4)
D = dt.date.fromisoformat

# (input, date entered, result, its last day, the last working day before it when offices are closed)
CASES = [
    ("arrival", "2026-03-16", "apply", "2026-03-21", "2026-03-20"),  # Nauryz falls on a Saturday
    ("arrival", "2026-03-18", "apply", "2026-03-23", "2026-03-20"),  # Nauryz Monday
    ("arrival", "2026-03-20", "apply", "2026-03-25", "2026-03-20"),  # Nauryz moved days off
    ("arrival", "2026-12-27", "apply", "2027-01-01", "2026-12-31"),  # New Year, turn of the year
    ("arrival", "2026-12-28", "apply", "2027-01-02", "2026-12-31"),  # New Year's second day, a Saturday
    ("arrival", "2026-11-16", "apply", "2026-11-21", "2026-11-20"),  # Saturday
    ("arrival", "2026-11-17", "apply", "2026-11-22", "2026-11-20"),  # Sunday
    ("arrival", "2026-11-18", "apply", "2026-11-23", None),  # Monday, open
    ("arrival", "2028-02-25", "apply", "2028-03-01", None),  # leap year: 29 February counts
    ("arrival", "2027-02-25", "apply", "2027-03-02", None),  # no 29 February
    ("arrival", "2026-12-31", "no-checkpoint", "2027-01-01", "2026-12-31"),  # one day, into a holiday
    ("arrival", "2026-05-08", "no-checkpoint", "2026-05-09", "2026-05-08"),  # Victory Day on a Saturday
    ("certificate", "2026-11-30", "certificate-ends", "2027-02-28", "2027-02-26"),  # month end, Sunday
    ("certificate", "2027-11-30", "certificate-ends", "2028-02-29", None),  # month end in a leap year
    ("certificate", "2026-01-31", "certificate-ends", "2026-04-30", None),  # 31st into a 30-day month
    ("certificate", "2026-12-22", "certificate-ends", "2027-03-22", "2027-03-19"),  # Nauryz 2027
    ("certificate", "2026-12-30", "questionnaire", "2027-01-02", None),  # the authorities' limit: no shift
    ("certificate", "2026-01-05", "notice", "2026-04-01", None),  # 5 working days across Nauryz
    ("certificate", "2026-10-12", "notice", "2027-01-05", None),  # across New Year and its observed day
    ("certificate", "2026-02-20", "notice", "2026-05-15", None),  # across 7 May and observed Victory Day
    ("certificate", "2028-02-27", "fingerprints", "2028-03-01", None),  # leap February
    ("status", "2028-02-29", "status-ends", "2029-02-28", None),  # 29 February + 1 year
    ("status", "2026-12-16", "status-ends", "2027-12-16", "2027-12-15"),  # Independence Day
    ("status", "2026-03-08", "status-ends", "2027-03-08", "2027-03-05"),  # Women's Day, a Monday
    ("status", "2026-03-31", "renewal", "2027-02-28", "2027-02-26"),  # 1 month before 31 March
    ("status", "2027-05-31", "renewal", "2028-04-30", "2028-04-28"),  # month end, Sunday
    ("status", "2026-04-09", "renewal", "2027-03-09", None),  # day after Women's Day, open
    ("status", "2027-01-07", "status-ends", "2028-01-07", "2028-01-06"),  # Orthodox Christmas
]


@pytest.mark.parametrize("given,entered,key,last,open_day", CASES)
def test_python_reference(given, entered, key, last, open_day):
    result = evaluate(spec(FACTS), {given: D(entered)}, CAL)[key]
    assert result.day == D(last)
    assert result.open_day == D(open_day or last)


@pytest.mark.parametrize(
    "start,amount,unit,before,expected",
    [
        ("2026-12-31", 24, Unit.hours, False, "2027-01-01"),  # 24 hours end the next day
        ("2026-12-31", 25, Unit.hours, False, "2027-01-02"),
        ("2026-01-31", 1, Unit.months, False, "2026-02-28"),
        ("2028-01-31", 1, Unit.months, False, "2028-02-29"),
        ("2026-03-20", 1, Unit.working_days, False, "2026-03-26"),  # Friday before Nauryz: next Thursday
        ("2027-03-31", 1, Unit.months, True, "2027-02-28"),
        ("2026-12-31", 1, Unit.years, False, "2027-12-31"),
    ],
)
def test_date_rules(start, amount, unit, before, expected):
    assert add(D(start), amount, unit, CAL, before=before) == D(expected)


def test_the_table_is_big_enough():
    assert len(CASES) >= 28 and len(CASES) + 7 >= 30


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_calculator_page_agrees_with_the_reference(page, served_site, language):
    page.goto(served_site + ("" if language == "en" else f"{language}/") + "calculator/")
    for given, entered, key, last, open_day in CASES:
        page.fill(f"#calc-{given}", entered)
        item = page.locator(f"#calc-result-{key}")
        shown = item.locator(".pana-date").inner_text()
        assert shown == D(last).strftime("%d.%m.%Y"), (given, entered, key)
        closed = item.locator(".pana-closed")
        if open_day:
            assert closed.get_attribute("data-open-day") == D(open_day).strftime("%d.%m.%Y"), (given, entered, key)
        else:
            assert closed.count() == 0, (given, entered, key)


def test_calculator_works_with_no_network(browser, served_site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(served_site + "ru/calculator/")
    context.set_offline(True)
    tab.fill("#calc-arrival", "2026-03-16")
    assert tab.locator("#calc-result-apply .pana-date").inner_text() == "21.03.2026"
    context.close()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_without_javascript_the_rules_are_in_words(site, language):

    text = BeautifulSoup(page_path(site, language, "calculator").read_text(encoding="utf-8"), "html.parser").get_text(
        " "
    )
    text = " ".join(text.split())
    assert Page(FACTS, language).deadline_of(FACTS.steps[0].deadline) in text


def test_timeline_follows_the_data():
    rows = timeline(FACTS)
    chain = [s for s in FACTS.steps if s.in_total and not s.deadline.same_day]
    assert [r.step.id for r in rows] == [s.id for s in chain]
    assert rows[-1].end_day == sum(s.deadline.amount for s in chain if s.deadline.unit is Unit.calendar_days)
    assert rows[-1].end_working == sum(s.deadline.amount for s in chain if s.deadline.unit is Unit.working_days)


def test_changing_one_amount_changes_the_timeline_everywhere(project, tmp_path):

    replace_once(
        project / "data/procedure.yml",
        "deadline: {amount: 15, unit: calendar_days, from: check}",
        "deadline: {amount: 20, unit: calendar_days, from: check}",
    )
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    for language, expected in (
        ("en", "day 80 + 5 working days"),
        ("ru", "80-й день + 5 рабочих дней"),
        ("kk", "80-күн + 5 жұмыс күні"),
    ):
        html = BeautifulSoup(page_path(site, language, "timeline").read_text(encoding="utf-8"), "html.parser")
        assert expected in html.select_one("svg desc").get_text()
        assert expected in " ".join(html.select_one("article ol").get_text(" ").split())
