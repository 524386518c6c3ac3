"""The date rules of the procedure, in one place: the reference for the timeline,
the calculator's browser code (tested against it) and the tests.

Conventions, stated once:
- calendar days: the date plus N days;
- working days: the Nth following day that is neither a Saturday, a Sunday nor
  a public holiday of Kazakhstan (from the `holidays` package, observed days
  included); working Saturdays the government sets by decree are not known;
- hours: counted from some time on the starting day, so 24 hours end on the next
  day (N hours end on the date N/24 days later, rounded up);
- months and years: the same day N months later, or the month's last day when it
  has fewer days (31 January + 1 month = 28 or 29 February; 29 February + 1 year
  = 28 February);
- a deadline counted back ("1 month before") uses the same month rule backwards.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache

import holidays

from .models import Unit


@cache
def public_holidays(first_year: int, last_year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("KZ", years=range(first_year, last_year + 1)))


@dataclass(frozen=True)
class Calendar:
    """Which days offices are open, for the years the holidays are known."""

    first_year: int
    last_year: int

    @property
    def holidays(self) -> frozenset[dt.date]:
        return public_holidays(self.first_year, self.last_year)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def last_open_day(self, day: dt.date) -> dt.date:
        """`day` itself if offices are open, otherwise the last working day before it."""
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add(day: dt.date, amount: int, unit: Unit, cal: Calendar, before: bool = False) -> dt.date:
    """The last day of a time limit of `amount` `unit` counted from `day` (or back from it)."""
    sign = -1 if before else 1
    unit = Unit(unit)
    if unit is Unit.calendar_days:
        return day + dt.timedelta(days=sign * amount)
    if unit is Unit.hours:
        return day + dt.timedelta(days=sign * -(-amount // 24))
    if unit is Unit.months:
        return add_months(day, sign * amount)
    if unit is Unit.years:
        return add_months(day, sign * 12 * amount)
    counted = 0
    while counted < amount:
        day += dt.timedelta(days=sign)
        counted += cal.is_working_day(day)
    return day
