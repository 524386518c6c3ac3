"""The date rules: the Python reference against dates worked out by hand from the sources, properties
that hold for every start date (Hypothesis), and the calculator page's own script in headless
Chromium against the Python for every start date of four years."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, page_path
from hypothesis import given, settings
from hypothesis import strategies as st
from pana.facts.data import load_facts
from pana.facts.models import DayOne, Unit
from pana.pages.dates import add, suggest
from pana.pages.plan import INPUTS, calendar, evaluate, spec, timeline
from pana.pages.render import Page
from test_bad_data import replace_once

FACTS = load_facts(ROOT / "data")
YEAR = dt.date.today().year
CAL = calendar(FACTS, YEAR - 1, YEAR + 4)  # the years the calculator page is built with
RULES = spec(FACTS)
D = dt.date.fromisoformat
FIRST, LAST = dt.date(CAL.first_year, 1, 1), dt.date(CAL.first_year + 3, 12, 31)  # 2025-2028 when built in 2026

# (input, date entered, result, its last day, the working day suggested when offices are closed on it:
#  None when they are open, "none" when no working day is left between the start and the last day)
CASES = [
    # the cases
    ("crossing", "2026-12-12", "no-checkpoint", "2026-12-13", "none"),  # Saturday crossing: Sunday, nothing open
    ("arrival", "2027-03-19", "apply", "2027-03-24", "2027-03-19"),  # Nauryz: the suggestion is the start itself
    ("crossing", "2026-12-18", "no-checkpoint", "2026-12-19", "2026-12-18"),  # Friday: go the same day
    ("crossing", "2026-12-02", "no-checkpoint", "2026-12-03", None),  # Wednesday: Thursday is open
    # 5 calendar days to apply
    ("arrival", "2026-03-16", "apply", "2026-03-21", "2026-03-20"),  # Nauryz falls on a Saturday
    ("arrival", "2026-03-18", "apply", "2026-03-23", "2026-03-20"),  # Nauryz Monday
    ("arrival", "2026-03-20", "apply", "2026-03-25", "2026-03-20"),  # Nauryz moved days off
    ("arrival", "2026-12-27", "apply", "2027-01-01", "2026-12-31"),  # New Year, turn of the year
    ("arrival", "2026-11-16", "apply", "2026-11-21", "2026-11-20"),  # Saturday
    ("arrival", "2026-11-18", "apply", "2026-11-23", None),  # Monday, open
    ("arrival", "2028-02-25", "apply", "2028-03-01", None),  # leap year: 29 February counts
    ("arrival", "2027-02-25", "apply", "2027-03-02", None),  # no 29 February
    ("arrival", "2025-01-01", "apply", "2025-01-06", None),  # across the moved day off of 3 January 2025
    # the certificate, fingerprints and the law's limits, from the registration
    ("certificate", "2026-11-30", "certificate-ends", "2027-02-28", "2027-02-26"),  # month end, Sunday
    ("certificate", "2027-11-30", "certificate-ends", "2028-02-29", None),  # month end in a leap year
    ("certificate", "2026-01-31", "certificate-ends", "2026-04-30", None),  # 31st into a 30-day month
    ("certificate", "2026-12-02", "fingerprints", "2026-12-05", None),  # the authorities' limit: no advice
    ("certificate", "2026-12-02", "decision-time", "2027-03-02", None),  # 3 months (Art. 11(1))
    ("certificate", "2026-12-02", "decision-longest", "2027-12-02", None),  # one year
    ("certificate", "2026-12-30", "questionnaire", "2027-01-02", None),
    ("certificate", "2026-01-05", "notice", "2026-04-01", None),  # 5 working days across Nauryz
    ("certificate", "2026-10-12", "notice", "2027-01-05", None),  # across New Year and its observed day
    # refugee status
    ("status", "2028-02-29", "status-ends", "2029-02-28", None),  # 29 February + 1 year, a Wednesday
    ("status", "2026-12-16", "status-ends", "2027-12-16", "2027-12-15"),  # Independence Day
    ("status", "2026-03-31", "renewal", "2027-02-28", "2027-02-26"),  # 1 month before 31 March: a Sunday
    ("status", "2026-04-09", "renewal", "2027-03-09", None),  # day after Women's Day, open
    ("status", "2027-01-07", "status-ends", "2028-01-07", "2028-01-06"),  # Orthodox Christmas
    # challenging a refusal (Administrative Procedural Code)
    ("refusal", "2026-11-30", "complaint", "2027-02-28", "2027-02-26"),  # 3 months, ends on a Sunday
    ("refusal", "2026-12-02", "complaint", "2027-03-02", None),
    ("complaint-answer", "2027-01-31", "court", "2027-02-28", "2027-02-26"),  # 1 month, to the month's end
    ("complaint-answer", "2026-12-21", "court", "2027-01-21", None),
]


def test_named_cases_hold_their_weekdays():
    """The table's own claims about which days are closed, checked against the calendar itself."""
    assert not CAL.is_working_day(D("2026-12-13")) and not CAL.is_working_day(D("2026-12-12"))
    assert CAL.is_working_day(D("2027-03-19")) and not CAL.is_working_day(D("2027-03-24"))
    assert CAL.is_working_day(D("2025-01-05")), "Sunday 5 January 2025 was made a working day"


@pytest.mark.parametrize("given_input,entered,key,last,suggested", CASES)
def test_python_reference(given_input, entered, key, last, suggested):
    result = evaluate(RULES, {given_input: D(entered)}, CAL)[key]
    assert result.day == D(last)
    rule = next(r for r in RULES if r.key == key)
    if not rule.reader or suggested is None:
        assert rule.reader is False or result.closed is None
        return
    assert result.closed is not None
    assert result.closed.working_day == (None if suggested == "none" else D(suggested))


@pytest.mark.parametrize(
    "start,amount,unit,before,expected",
    [
        ("2025-01-02", 5, Unit.working_days, False, "2025-01-10"),  # Sunday 5 January 2025 is a working day
        ("2024-05-03", 1, Unit.working_days, False, "2024-05-04"),  # Saturday 4 May 2024 too
        ("2026-12-31", 24, Unit.hours, False, "2027-01-01"),  # 24 hours end the next day
        ("2026-01-31", 1, Unit.months, False, "2026-02-28"),
        ("2028-01-31", 1, Unit.months, False, "2028-02-29"),
        ("2026-03-20", 1, Unit.working_days, False, "2026-03-26"),  # Friday before Nauryz: next Thursday
        ("2027-03-31", 1, Unit.months, True, "2027-02-28"),
        ("2026-12-31", 1, Unit.years, False, "2027-12-31"),
    ],
)
def test_date_rules(start, amount, unit, before, expected):
    assert add(D(start), amount, unit, CAL, before=before) == D(expected)


def test_the_rule_for_day_one_is_data():
    """counting.yml's `day_one` drives the count: with the event's day as day 1, a day less."""
    import dataclasses

    event_day = dataclasses.replace(CAL, day_one=DayOne.event_day)
    assert add(D("2026-11-18"), 5, Unit.calendar_days, event_day) == D("2026-11-22")
    assert add(D("2026-11-18"), 1, Unit.working_days, event_day) == D("2026-11-18")  # a Wednesday counts
    assert add(D("2026-11-21"), 1, Unit.working_days, event_day) == D("2026-11-23")  # a Saturday does not


def test_an_order_the_package_does_not_know_changes_the_count():
    import dataclasses

    saturday = D("2026-11-21")
    ordered = dataclasses.replace(CAL, orders=((saturday, True),))
    assert add(D("2026-11-20"), 1, Unit.working_days, ordered) == saturday
    assert add(D("2026-11-20"), 1, Unit.working_days, CAL) == D("2026-11-23")


DATES = st.dates(min_value=FIRST, max_value=LAST)


@settings(max_examples=400, deadline=None)
@given(start=DATES, amount=st.integers(min_value=1, max_value=40))
def test_working_days_agree_with_the_holidays_package(start, amount):
    """Every working-day count equals `holidays`' own (its calendar has the same moved days)."""
    state = holidays.country_holidays("KZ", years=range(CAL.first_year, CAL.last_year + 1))
    last = add(start, amount, Unit.working_days, CAL)
    assert last == state.get_nth_working_day(start, amount)
    assert state.get_working_days_count(start + dt.timedelta(days=1), last) == amount


@settings(max_examples=400, deadline=None)
@given(entered=DATES, given_input=st.sampled_from(INPUTS))
def test_no_suggested_day_is_before_its_start_and_none_is_closed(entered, given_input):
    for due in evaluate(RULES, {given_input: entered}, CAL).values():
        assert due.day >= entered or next(r for r in RULES if r.key == due.key).before
        if due.closed is None:
            assert CAL.is_working_day(due.day)
            continue
        assert not CAL.is_working_day(due.day)
        assert due.closed.next_open > due.day and CAL.is_working_day(due.closed.next_open)
        working = due.closed.working_day
        if working is None:  # then no day from the start to the last day is a working day
            days = (due.floor + dt.timedelta(days=n) for n in range((due.day - due.floor).days + 1))
            assert not any(CAL.is_working_day(day) for day in days)
        else:
            assert due.floor <= working <= due.day and CAL.is_working_day(working)
            assert working >= entered


@settings(max_examples=200, deadline=None)
@given(day=DATES)
def test_suggest_never_goes_below_its_floor(day):
    floor = day - dt.timedelta(days=3)
    found = suggest(day, floor, CAL)
    assert found is None or found.working_day is None or floor <= found.working_day <= day


def _python_results(given_input: str, entered: dt.date) -> list[dict]:
    results = evaluate(RULES, {given_input: entered}, CAL)
    return [
        {
            "key": due.key,
            "day": due.day.isoformat(),
            "floor": due.floor.isoformat(),
            "workingDay": due.closed.working_day.isoformat() if due.closed and due.closed.working_day else None,
            "nextOpen": due.closed.next_open.isoformat() if due.closed else None,
        }
        for due in results.values()
    ]


def test_the_page_script_agrees_with_python_on_every_date(page, served_site):
    """Every start date of four years, every input, every deadline: the browser and Python agree."""
    page.goto(served_site + "calculator/")
    days = [FIRST + dt.timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    compared = 0
    for given_input in INPUTS:
        browser = page.evaluate(
            "([input, days]) => days.map((day) => window.panaDeadlines(input, day))",
            [given_input, [day.isoformat() for day in days]],
        )
        for day, shown in zip(days, browser, strict=True):
            assert shown == _python_results(given_input, day), (given_input, day)
            compared += len(shown)
    print(f"\n{compared} deadline dates compared between the page's script and Python")
    assert compared > len(days) * len(INPUTS)


# What the page says in each language when a last day is a day off, from strings.yml
WORDS = {language: Page(FACTS, language).calculator_words() for language in ("en", "ru", "kk")}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_calculator_page_shows_the_named_cases(page, served_site, language):
    page.goto(served_site + ("" if language == "en" else f"{language}/") + "calculator/")
    words = WORDS[language]
    for given_input, entered, key, last, suggested in CASES:
        page.fill(f"#calc-{given_input}", entered)
        item = page.locator(f"#calc-result-{key}")
        assert item.locator(".pana-date").inner_text() == D(last).strftime("%d.%m.%Y"), (given_input, entered, key)
        closed = item.locator(".pana-closed")
        rule = next(r for r in RULES if r.key == key)
        if suggested is None:
            assert closed.count() == 0 or not rule.reader, (given_input, entered, key)
            continue
        text = closed.inner_text()
        assert words["unsettled"] in text
        if suggested == "none":
            assert words["no_working_day"] in text and "+7 727" in text
        else:
            assert closed.get_attribute("data-working-day") == D(suggested).strftime("%d.%m.%Y")
            assert words["advice"].replace("{day}", D(suggested).strftime("%d.%m.%Y")) in text


def test_the_day_off_is_named(page, served_site):
    page.goto(served_site + "ru/calculator/")
    page.fill("#calc-arrival", "2027-03-19")
    text = page.locator("#calc-result-apply .pana-closed").inner_text()
    assert "24.03.2027 — выходной день: Наурыз мейрамы" in text
    page.fill("#calc-crossing", "2026-12-12")
    assert "воскресенье" in page.locator("#calc-result-no-checkpoint .pana-closed").inner_text()


def test_a_date_past_the_known_calendar_says_so(page, served_site):
    page.goto(served_site + "calculator/")
    page.fill("#calc-status", "2026-12-02")
    assert "known until 31.12.2026" in page.locator("#calc-result-status-ends").inner_text()
    page.fill("#calc-arrival", "2026-11-18")
    assert page.locator("#calc-result-apply .pana-unknown").count() == 0


def test_calculator_works_with_no_network(browser, served_site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(served_site + "ru/calculator/")
    context.set_offline(True)
    tab.fill("#calc-arrival", "2026-03-16")
    assert tab.locator("#calc-result-apply .pana-date").inner_text() == "21.03.2026"
    context.close()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_without_javascript_the_rules_are_in_words(browser, served_site, language):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + ("" if language == "en" else f"{language}/") + "calculator/")
    text = " ".join(tab.locator("article").inner_text().split())
    page = Page(FACTS, language)
    assert page.t("calc_noscript") in text
    assert page.deadline_of(FACTS.steps[0].deadline) in text
    for rule in FACTS.counting.rules:
        assert " ".join(rule.text[language].split()) in text
    context.close()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_unsourced_rules_are_labelled_as_advice(site, language):
    html = BeautifulSoup(page_path(site, language, "calculator").read_text(encoding="utf-8"), "html.parser")
    page = Page(FACTS, language)
    items = {" ".join(li.get_text(" ").split()): li for li in html.select("article li")}
    for rule in FACTS.counting.rules:
        item = next(li for text, li in items.items() if text.startswith(" ".join(rule.text[language].split())))
        if rule.advice:
            assert page.t("advice_label") in item.get_text()
        else:
            links = {a["href"] for a in item.select("a")}
            assert links == {str(FACTS.sources[source].url) for source in rule.sources}


def test_timeline_follows_the_data():
    rows = timeline(FACTS)
    ends = {}
    for row in rows:
        start = ends.get(row.step.deadline.from_, (0, 0))
        assert (row.start_day, row.start_working) == start
        ends[row.step.id] = (row.end_day, row.end_working)
    assert [r.step.id for r in rows][:2] == ["fingerprints", "questionnaire"]  # both from the registration
    assert rows[0].start_day == rows[1].start_day == 0


def test_changing_one_amount_changes_the_timeline_everywhere(warm_project, tmp_path):
    replace_once(
        warm_project / "data/procedure.yml",
        "deadline: {amount: 15, unit: calendar_days, from: records-check}",
        "deadline: {amount: 20, unit: calendar_days, from: records-check}",
    )
    site = tmp_path / "site"
    assert build(warm_project, site).returncode == 0
    for language, expected in (
        ("en", "day 80 + 5 working days"),
        ("ru", "80-й день + 5 рабочих дней"),
        ("kk", "80-күн + 5 жұмыс күні"),
    ):
        html = BeautifulSoup(page_path(site, language, "timeline").read_text(encoding="utf-8"), "html.parser")
        assert expected in html.select_one("svg desc").get_text()
        assert expected in " ".join(html.select_one("article ol").get_text(" ").split())
