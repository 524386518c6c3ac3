"""Yearly figures as numbers in each language's format and as inline SVG bar charts.

Charts are drawn at build time so the reader's phone downloads no charting
script; bars are horizontal so a long series still fits a 360-pixel screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal, format_percent

from .models import Series, SeriesKind

WIDTH = 320  # viewBox units; the SVG scales to the column's width
LABEL_WIDTH = 44  # the year column
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


@dataclass(frozen=True)
class Bar:
    year: int
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


def bar_chart(series: Series, locale: str) -> Chart:
    """Bars proportional to the values (zero at the left edge), oldest year first."""
    points = sorted(series.points, key=lambda p: p.year)
    largest = max(p.value for p in points) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = [
        Bar(p.year, format_value(p.value, series.kind, locale), index * ROW, round(room * p.value / largest, 1))
        for index, p in enumerate(points)
    ]
    return Chart(id=f"chart-{series.id}", height=len(bars) * ROW, bars=bars)
