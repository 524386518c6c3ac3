"""A reader's own dates, and the procedure's timeline, computed from data/procedure.yml.

`spec()` turns the checked data into a list of rules (which date each result is
counted from, by how much); `evaluate()` applies them with the date rules of
`dates.py`. The calculator's browser code receives the same rules, calendar and
counting choice as JSON and only does the date arithmetic, so the rules live
here, once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

import holidays
from babel import Locale
from babel.dates import format_date

from pana.facts.data import Facts
from pana.facts.models import REGISTRATION_EVENTS, Owner, Unit
from pana.pages.dates import Calendar, Suggestion, add, suggest

# The dates a reader can enter, in the calculator's order.
INPUTS = ("arrival", "crossing", "certificate", "status", "refusal", "complaint-answer")


@dataclass(frozen=True)
class Rule:
    key: str
    start: str  # an input or the key of an earlier rule
    amount: int
    unit: str
    before: bool
    reader: bool  # the reader's own deadline: a closed office on the last day matters
    title: object  # models.Text
    source: str
    caution: bool = False  # its source is not the law itself (confidence: medium)


def chain(facts: Facts) -> list:
    """The main chain of steps, each running from the registration or an earlier step of it."""
    return [s for s in facts.steps if s.in_total and not s.deadline.same_day]


def _from(event: str | None) -> str:
    """The rule a deadline's event is the result of: the registration is the `certificate` input."""
    return "certificate" if event in REGISTRATION_EVENTS else event


def spec(facts: Facts) -> list[Rule]:
    step = {s.id: s for s in facts.steps}
    route = {r.id: r for r in facts.routes}

    def of(key: str, start: str, item, reader: bool, deadline=None, title=None) -> Rule:
        d = deadline or item.deadline
        before = getattr(d, "before", False)  # a validity (Duration) runs forwards
        caution = getattr(item, "confidence", None) is not None
        return Rule(key, start, d.amount, d.unit, before, reader, title or item.title, item.source, caution)

    register, notice, renewal = step["register"], step["notice"], step["renewal"]
    rules = [
        of("apply", "arrival", step["apply"], True),
        of("no-checkpoint", "crossing", route["no-checkpoint"], True),
        of("certificate-ends", "certificate", register, True, register.validity, facts.strings["certificate_ends"]),
    ]
    rules += [of(s.id, _from(s.deadline.from_), s, s.owner is Owner.reader) for s in chain(facts)]
    rules += [of(limit.id, _from(limit.deadline.from_), limit, False) for limit in facts.limits]
    rules += [
        of("status-ends", "status", notice, True, notice.validity, facts.strings["status_ends"]),
        of("renewal", "status-ends", renewal, True),
        of("complaint", "refusal", step["complaint"], True),
        of("court", "complaint-answer", step["court"], True),
    ]
    return rules


@dataclass(frozen=True)
class Due:
    key: str
    day: dt.date  # the last day, as the sources' deadline and counting.yml's rules give it
    floor: dt.date  # the day the deadline runs from: no suggested day is earlier
    closed: Suggestion | None  # when offices are closed on the last day


def evaluate(rules: list[Rule], inputs: dict[str, dt.date], cal: Calendar) -> dict[str, Due]:
    """Every result that can be computed from the dates given."""
    known: dict[str, dt.date] = dict(inputs)
    origin: dict[str, dt.date] = dict(inputs)  # the date entered that each result comes from
    results = {}
    for rule in rules:
        if rule.start not in known:
            continue
        day = add(known[rule.start], rule.amount, Unit(rule.unit), cal, before=rule.before)
        origin[rule.key] = origin[rule.start]
        floor = origin[rule.key] if rule.before else known[rule.start]
        known[rule.key] = day
        results[rule.key] = Due(rule.key, day, floor, suggest(day, floor, cal))
    return results


def calendar(facts: Facts, first_year: int, last_year: int) -> Calendar:
    """The state's calendar with the orders and the counting choice of data/counting.yml."""
    counting = facts.counting
    orders = tuple((order.date, order.working) for order in counting.calendar.orders)
    return Calendar(first_year, last_year, orders, counting.calendar.known_until, counting.day_one)


def day_off_names(facts: Facts, cal: Calendar, language: str) -> dict[dt.date, str]:
    """The name of every day off in the calendar that is not a plain Saturday or Sunday.

    The `holidays` package names them in English and Kazakh; other languages take
    their names from counting.yml's `holiday_names` (a missing one fails the build).
    """
    locale = facts.locale(language)
    package = {"en": "en_US", "kk": "kk"}.get(Locale.parse(locale).language)
    english = holidays.country_holidays("KZ", years=range(cal.first_year, cal.last_year + 1), language="en_US")
    named = (
        holidays.country_holidays("KZ", years=range(cal.first_year, cal.last_year + 1), language=package)
        if package
        else None
    )
    ordered = {order.date for order in facts.counting.calendar.orders}
    names = {}
    for day in cal.days_off():
        if day in ordered or english.get(day, "").startswith("Day off"):
            names[day] = facts.strings["moved_day_off"][language]
        elif named is not None:
            names[day] = named[day]
        elif day in english:
            names[day] = _translated(facts, english[day], language)
    return names


def _translated(facts: Facts, english: str, language: str) -> str:
    base, _, note = re.match(r"(.*?)( \((observed|estimated)\))?$", english).groups()
    table = facts.counting.holiday_names.get(language, {})
    if base not in table:
        raise ValueError(
            f"data/counting.yml: holiday_names.{language}: no name for '{base}' (the holidays package's "
            f"English name); add `{base}: ...` in {language}"
        )
    return facts.strings[f"holiday_{note}"][language].format(name=table[base]) if note else table[base]


def weekday_names(facts: Facts, language: str) -> list[str]:
    """Monday to Sunday in the language, from Babel."""
    monday = dt.date(2024, 1, 1)
    return [format_date(monday + dt.timedelta(days=i), "EEEE", locale=facts.locale(language)) for i in range(7)]


def browser_data(facts: Facts, language: str, cal: Calendar) -> dict:
    """What the calculator page needs, as JSON: the rules, the calendar, the counting choice."""
    rules = [
        {**{k: v for k, v in asdict(r).items() if k not in ("title", "source")}, "title": r.title[language]}
        for r in spec(facts)
    ]
    return {
        "rules": rules,
        "dayOne": cal.day_one.value,
        "daysOff": {day.isoformat(): name for day, name in day_off_names(facts, cal, language).items()},
        "workingWeekendDays": [day.isoformat() for day in cal.working_weekend_days()],
        "weekdays": weekday_names(facts, language),
        "years": [cal.first_year, cal.last_year],
        "knownUntil": cal.known_until.isoformat() if cal.known_until else None,
    }


@dataclass(frozen=True)
class Row:
    """One step of the timeline: the latest day it can start and end, counted from the application.

    Working days depend on the calendar, so they are counted apart: a step ends at
    the latest on day `end_day` plus `end_working` working days.
    """

    step: object  # models.Step
    start_day: int
    start_working: int
    end_day: int
    end_working: int


def most_days(amount: int, unit: Unit) -> int:
    """The most calendar days a limit can take, for units other than working days."""
    return {
        Unit.calendar_days: amount,
        Unit.hours: -(-amount // 24),
        Unit.months: 31 * amount,
        Unit.years: 366 * amount,
    }[unit]


def timeline(facts: Facts) -> list[Row]:
    """Each step of the main chain starts when the step it runs from ends (data.py checks the order)."""
    ends: dict[str, tuple[int, int]] = {}
    rows = []
    for s in chain(facts):
        start_day, start_working = ends.get(s.deadline.from_, (0, 0))
        day, working = start_day, start_working
        if Unit(s.deadline.unit) is Unit.working_days:
            working += s.deadline.amount
        else:
            day += most_days(s.deadline.amount, Unit(s.deadline.unit))
        ends[s.id] = (day, working)
        rows.append(Row(s, start_day, start_working, day, working))
    return rows


def longest(rows: list[Row]) -> tuple[int, int]:
    """The end of the longest path through the chain: (calendar days, working days)."""
    return max((r.end_day, r.end_working) for r in rows)
