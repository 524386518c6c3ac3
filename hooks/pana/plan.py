"""A reader's own dates, and the procedure's timeline, computed from data/procedure.yml.

`spec()` turns the checked data into a list of rules (which date each result is
counted from, by how much); `evaluate()` applies them with the date rules of
`dates.py`. The calculator's browser code receives the same rules as JSON and
only does the date arithmetic, so the rules live here, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from .data import Facts
from .dates import Calendar, add
from .models import Owner, Unit

INPUTS = ("arrival", "certificate", "status")


@dataclass(frozen=True)
class Rule:
    key: str
    start: str  # an input (arrival, certificate, status) or the key of an earlier rule
    amount: int
    unit: str
    before: bool
    reader: bool  # the reader's own deadline: a closed office on the last day matters
    title: object  # models.Text
    source: str


def _chain(facts: Facts) -> list:
    """The main chain of steps, one after the other, as the guide's longest total counts them."""
    return [s for s in facts.steps if s.in_total and not s.deadline.same_day]


def spec(facts: Facts) -> list[Rule]:
    step = {s.id: s for s in facts.steps}
    route = {r.id: r for r in facts.routes}
    apply, crossing = step["apply"].deadline, route["no-checkpoint"].deadline
    register, notice, renewal = step["register"], step["notice"], step["renewal"]
    rules = [
        Rule("apply", "arrival", apply.amount, apply.unit, False, True, step["apply"].title, step["apply"].source),
        Rule(
            "no-checkpoint",
            "arrival",
            crossing.amount,
            crossing.unit,
            False,
            True,
            route["no-checkpoint"].title,
            route["no-checkpoint"].source,
        ),
        Rule(
            "certificate-ends",
            "certificate",
            register.validity.amount,
            register.validity.unit,
            False,
            True,
            facts.strings["certificate_ends"],
            register.source,
        ),
    ]
    fingerprints = step["fingerprints"].deadline
    rules.append(
        Rule(
            "fingerprints",
            "certificate",
            fingerprints.amount,
            fingerprints.unit,
            False,
            False,
            step["fingerprints"].title,
            step["fingerprints"].source,
        )
    )
    start = "certificate"
    for s in _chain(facts):
        rules.append(
            Rule(s.id, start, s.deadline.amount, s.deadline.unit, False, s.owner is Owner.reader, s.title, s.source)
        )
        start = s.id
    rules.append(
        Rule(
            "status-ends",
            "status",
            notice.validity.amount,
            notice.validity.unit,
            False,
            True,
            facts.strings["status_ends"],
            notice.source,
        )
    )
    rules.append(
        Rule(
            "renewal",
            "status-ends",
            renewal.deadline.amount,
            renewal.deadline.unit,
            renewal.deadline.before,
            True,
            renewal.title,
            renewal.source,
        )
    )
    return rules


@dataclass(frozen=True)
class Due:
    key: str
    day: dt.date
    open_day: dt.date  # the last working day on or before `day`; differs when offices are closed


def evaluate(rules: list[Rule], inputs: dict[str, dt.date], cal: Calendar) -> dict[str, Due]:
    """Every result that can be computed from the dates given."""
    known: dict[str, dt.date] = dict(inputs)
    results = {}
    for rule in rules:
        if rule.start not in known:
            continue
        day = add(known[rule.start], rule.amount, Unit(rule.unit), cal, before=rule.before)
        known[rule.key] = day
        results[rule.key] = Due(rule.key, day, cal.last_open_day(day) if rule.reader else day)
    return results


def browser_data(facts: Facts, language: str, cal: Calendar) -> dict:
    """What the calculator page needs, as JSON: the rules, the holidays, the labels."""
    rules = [
        {**{k: v for k, v in asdict(r).items() if k not in ("title", "source")}, "title": r.title[language]}
        for r in spec(facts)
    ]
    return {
        "rules": rules,
        "holidays": sorted(day.isoformat() for day in cal.holidays),
        "years": [cal.first_year, cal.last_year],
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
    rows, day, working = [], 0, 0
    for s in _chain(facts):
        start_day, start_working = day, working
        if Unit(s.deadline.unit) is Unit.working_days:
            working += s.deadline.amount
        else:
            day += most_days(s.deadline.amount, Unit(s.deadline.unit))
        rows.append(Row(s, start_day, start_working, day, working))
    return rows
