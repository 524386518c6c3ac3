"""Figures as numbers in each language's format and as inline SVG bar charts.

Charts are drawn at build time so the reader's phone downloads no charting
script; bars are horizontal so a long series still fits a 360-pixel screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from pana.facts.models import Point, Series, SeriesKind

WIDTH = 320  # viewBox units; the SVG scales to the column's width
LABEL_WIDTH = 44  # the year column; longer names (a month, a country) widen it
CHAR_WIDTH = 6.6  # about one letter at font-size 12
VALUE_ROOM = 84  # room after the longest bar for its value
ROW = 22
MIN_POINTS = 3  # fewer points read better as a table alone


def format_value(value: float, kind: SeriesKind, locale: str) -> str:
    """A figure as the reader's language writes it: 3,732,073 / 3 732 073, 19.88% / 19,88 %."""
    if kind is SeriesKind.percent:
        return format_percent(value / 100, format="#,##0.##%", locale=locale)
    if kind is SeriesKind.count:
        return format_decimal(int(value), locale=locale)
    return format_decimal(value, locale=locale)


def point_name(point: Point, language: str, locale: str, month_format: str = "LLLL yyyy") -> str:
    """What a figure is for: its group ('Afghanistan'), its month ('September 2024') or its year."""
    if point.label is not None:
        return point.label[language]
    if point.month:
        return format_date(dt.date(point.year, point.month, 1), month_format, locale=locale)
    return str(point.year)


def ordered(series: Series) -> list[Point]:
    """Groups in the order the data gives them; times oldest first."""
    if any(p.label for p in series.points):
        return list(series.points)
    return sorted(series.points, key=lambda p: p.when)


@dataclass(frozen=True)
class Bar:
    name: str
    label: str
    y: float
    width: float


@dataclass(frozen=True)
class Chart:
    id: str
    height: float
    bars: list[Bar]
    label_width: int = LABEL_WIDTH
    width: int = WIDTH


def has_chart(series: Series) -> bool:
    return len(series.points) >= MIN_POINTS


def bar_chart(series: Series, language: str, locale: str, month_format: str = "LLLL yyyy") -> Chart:
    """Bars proportional to the values (zero at the left edge), oldest first."""
    points = ordered(series)
    names = [point_name(p, language, locale, month_format) for p in points]
    label_width = max(LABEL_WIDTH, round(max(len(name) for name in names) * CHAR_WIDTH) + 6)
    largest = max(p.value for p in points) or 1
    room = WIDTH - label_width - VALUE_ROOM
    bars = [
        Bar(name, format_value(p.value, series.kind, locale), index * ROW, round(room * p.value / largest, 1))
        for index, (name, p) in enumerate(zip(names, points, strict=True))
    ]
    return Chart(id=f"chart-{series.id}", height=len(bars) * ROW, bars=bars, label_width=label_width)
