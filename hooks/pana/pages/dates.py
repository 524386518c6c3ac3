"""The date rules of the procedure, in one place: the reference for the timeline,
the calculator's browser code (tested against it) and the tests.

How a count runs is data (data/counting.yml, each rule with its source or
marked as Pana's advice); this module applies it:
- calendar days: every day counts; `day_one` says whether the event's own day
  is day 0 (next-day) or day 1 (event-day);
- working days: the days that are working days in Kazakhstan's calendar, from
  the `holidays` package (public holidays, days off moved from a weekend, and
  weekend days made working days), corrected by the orders in counting.yml;
- hours: they end on the date N/24 days later (rounded up), at the time of day
  the count started;
- months and years: the same date N months later, or the month's last day when
  it has fewer days (31 January + 1 month = 28 or 29 February);
- a count back ("1 month before") uses the same rules backwards.
A last day that is a day off is never moved: the sources do not say what
happens then. `suggest` only finds the working days around it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import holidays

from pana.facts.models import DayOne, Unit

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    """Which days offices are open: the state's calendar, for the years it is loaded for.

    `orders` are days moved by orders the `holidays` package does not know yet
    (date -> whether it is a working day); `known_until` is the last day whose
    moved days are known.
    """

    first_year: int
    last_year: int
    orders: tuple[tuple[dt.date, bool], ...] = ()
    known_until: dt.date | None = None
    day_one: DayOne = DayOne.next_day

    @cached_property
    def state(self) -> holidays.HolidayBase:
        return holidays.country_holidays("KZ", years=range(self.first_year, self.last_year + 1))

    @cached_property
    def _orders(self) -> dict[dt.date, bool]:
        return dict(self.orders)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self._orders:
            return self._orders[day]
        return self.state.is_working_day(day)

    def days_off(self) -> list[dt.date]:
        """Every public holiday and moved day off in the loaded years, weekends included."""
        days = {day for day in self.state if self.first_year <= day.year <= self.last_year}
        days |= {day for day, working in self.orders if not working}
        return sorted(day for day in days if not self.is_working_day(day))

    def working_weekend_days(self) -> list[dt.date]:
        """Saturdays and Sundays made working days, in the loaded years."""
        days = set(self.state.weekend_workdays) | {day for day, working in self.orders if working}
        return sorted(d for d in days if self.first_year <= d.year <= self.last_year and self.is_working_day(d))


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add(day: dt.date, amount: int, unit: Unit, cal: Calendar, before: bool = False) -> dt.date:
    """The last day of a time limit of `amount` `unit` counted from `day` (or back from it)."""
    sign = -1 if before else 1
    unit = Unit(unit)
    counts_event_day = cal.day_one is DayOne.event_day
    if unit is Unit.calendar_days:
        return day + dt.timedelta(days=sign * (amount - counts_event_day))
    if unit is Unit.hours:
        return day + dt.timedelta(days=sign * -(-amount // 24))
    if unit is Unit.months:
        return add_months(day, sign * amount)
    if unit is Unit.years:
        return add_months(day, sign * 12 * amount)
    counted = 1 if counts_event_day and cal.is_working_day(day) else 0
    while counted < amount:
        day += sign * ONE_DAY
        counted += cal.is_working_day(day)
    return day


@dataclass(frozen=True)
class Suggestion:
    """What the calculator tells a reader whose last day is a day off.

    `working_day` is the last working day on or before the last day and never
    before `floor` (the day the deadline runs from), or None when there is none;
    `next_open` is the first working day after the last day.
    """

    working_day: dt.date | None
    next_open: dt.date


def suggest(last: dt.date, floor: dt.date, cal: Calendar) -> Suggestion | None:
    """None when offices are open on the last day."""
    if cal.is_working_day(last):
        return None
    day = last
    while day >= floor and not cal.is_working_day(day):
        day -= ONE_DAY
    next_open = last + ONE_DAY
    while not cal.is_working_day(next_open):
        next_open += ONE_DAY
    return Suggestion(day if day >= floor else None, next_open)
