"""The figures and detention pages: every figure in the reader's number format, charts with text, years shown."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal, format_percent
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, page_path
from pana.facts.data import load_facts
from pana.facts.models import Point, Series, SeriesKind, Text
from pana.pages.charts import bar_chart, has_chart
from pana.pages.render import Page

FACTS = load_facts(ROOT / "data")


def html_of(site, language, page) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, language, page).read_text(encoding="utf-8"), "html.parser")


def expected(value: float, kind: SeriesKind, language: str) -> str:
    if kind is SeriesKind.percent:
        return format_percent(value / 100, format="#,##0.##%", locale=language)
    return format_decimal(int(value) if kind is SeriesKind.count else value, locale=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_is_on_the_figures_page_in_the_languages_format(site, language):
    html = html_of(site, language, "figures")
    for series in FACTS.statistics.series:
        section = html.find(id=f"series-{series.id}")
        assert section is not None, series.id
        table = section.find_next("table")
        cells = {
            (row.find_all("td")[0].get_text(strip=True), row.find_all("td")[1].get_text(strip=True))
            for row in table.select("tbody tr")
        }
        page = Page(FACTS, language)
        for point in series.points:
            if point.label:
                name = point.label[language]
            else:
                name = page.date(f"{point.year}-{point.month:02d}") if point.month else str(point.year)
            value = expected(point.value, series.kind, language)
            assert any(cell[0].startswith(name) and cell[1] == value for cell in cells), (series.id, point, cells)


NEWEST = {  # newer-official-sources.md: the Ministry's and UNHCR's latest figures
    "applications-official": [383, 11],
    "asylum-seekers-official": [628, 368, 265, 176],
    "refugees-official": [310, 301, 304],
    "asylum-seekers-origin-2024": [175, 135],
}


def test_the_newest_official_figures_are_there_each_with_its_source(site):
    series = {s.id: s for s in FACTS.statistics.series}
    for series_id, values in NEWEST.items():
        assert [p.value for p in series[series_id].points] == values
    rate = {p.year: (p.value, p.source) for p in series["recognition-rate"].points}
    assert rate[2015] == (42, "caravan-rate") and rate[2021] == (1, "caravan-rate")
    text = " ".join(html_of(site, "kk", "figures").get_text(" ").split())
    assert "2024 жылғы қыркүйек" in text and "Шілде 2024" not in text
    for source in ("arasha-2024", "mgorod-2025", "caravan-rate", "kibhr"):
        assert FACTS.sources[source].title["kk"] in text


def test_big_numbers_use_the_languages_group_separator(site):
    assert "3,732,073" in html_of(site, "en", "figures").get_text()
    for language in ("ru", "kk"):
        assert "3\u00a0732\u00a0073" in html_of(site, language, "figures").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_chart_is_inline_svg_with_a_text_alternative(site, language):
    html = html_of(site, language, "figures")
    charts = html.select("figure.pana-chart svg")
    assert len(charts) == sum(has_chart(s) for s in FACTS.statistics.series) >= 4
    for svg in charts:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).get_text(strip=True)
        desc = svg.find(id=desc_id).get_text()
        assert desc.count(":") == len(svg.find_all("rect"))
        assert not svg.find(attrs={"href": True}) and not svg.find("image")


@pytest.mark.parametrize("language", LANGUAGES)
def test_treaties_are_listed_with_years_and_counted(site, language):
    text = html_of(site, language, "figures").get_text(" ")
    treaties = FACTS.statistics.treaties
    for treaty in treaties.ratified:
        assert treaty.name[language] in text
    assert str(len(treaties.ratified)) in text and str(treaties.relevant) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_detention_fact_shows_its_year(site, language):
    html = html_of(site, language, "detention")
    items = {" ".join(li.get_text(" ").split()) for li in html.select("article li")}
    for fact in FACTS.detention:
        line = next((item for item in items if fact.text[language] in item), None)
        assert line is not None, fact.id
        assert str(fact.year) in line.replace(fact.text[language], ""), fact.id


def test_bars_are_proportional_to_values():
    series = Series(
        id="s",
        kind=SeriesKind.count,
        title=Text(en="t", ru="t", kk="t"),
        source="gdp-2024",
        points=[Point(year=2020, value=50), Point(year=2019, value=100), Point(year=2021, value=25)],
    )
    chart = bar_chart(series, "ru", "ru")
    assert [bar.name for bar in chart.bars] == ["2019", "2020", "2021"]
    widths = [bar.width for bar in chart.bars]
    assert (
        widths[0] > 0
        and widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
        and widths[2] == pytest.approx(widths[0] / 4, abs=0.1)
    )
    assert [bar.y for bar in chart.bars] == sorted(bar.y for bar in chart.bars)


def test_a_series_with_one_year_gets_no_chart():
    one = next(s for s in FACTS.statistics.series if len(s.points) == 1)
    assert not has_chart(one)
