"""The real site, built once, read as HTML: what a reader of each language gets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, page_path
from pana.facts.data import load_facts
from pana.pages.phrases import Form, duration_phrase
from pana.pages.render import Page

FACTS = load_facts(ROOT / "data")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(path: Path) -> str:
    return " ".join(soup(path).select_one("article").get_text(" ").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_shows_every_step_with_its_deadline(site, language):
    text = visible_text(page_path(site, language, "guide"))
    page = Page(FACTS, language)
    for number, step in enumerate(FACTS.steps, start=1):
        assert f"{number}. {step.title[language]}" in text
        assert page.deadline_of(step.deadline) in text, step.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_gives_the_total_computed_from_the_data(site, language):
    text = visible_text(page_path(site, language, "guide"))
    from pana.facts.models import Duration, Unit

    # the longest path through the main chain: each step starts when the step it runs from ends
    ends: dict = {}
    for step in FACTS.steps:
        if step.in_total and not step.deadline.same_day:
            days, working = ends.get(step.deadline.from_, (0, 0))
            if step.deadline.unit is Unit.working_days:
                working += step.deadline.amount
            else:
                assert step.deadline.unit is Unit.calendar_days
                days += step.deadline.amount
            ends[step.id] = (days, working)
    days, working = max(ends.values())
    assert days and working
    for amount, unit in ((days, Unit.calendar_days), (working, Unit.working_days)):
        assert duration_phrase(Duration(amount=amount, unit=unit), FACTS, language, Form.count) in text
    page = Page(FACTS, language)
    for limit in FACTS.limits:  # the law's limits, shown apart from the steps' own
        assert page.deadline(limit) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_in_its_language(site, language):
    html = soup(page_path(site, language, "guide"))
    assert html.html["lang"] == language
    assert FACTS.strings["your_deadline"][language] in html.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["", "guide"])
def test_language_switcher_leads_to_the_same_page(site, language, page):
    path = page_path(site, language, page)
    here = "http://site.test/" + str(path.relative_to(site))
    links = {a["hreflang"]: a["href"] for a in soup(path).select("a[hreflang]")}
    assert set(links) == set(LANGUAGES)
    for other, href in links.items():
        target = urlparse(urljoin(here, href)).path.lstrip("/")
        target_file = site / target / "index.html" if not target.endswith(".html") else site / target
        assert target_file.resolve() == page_path(site, other, page).resolve()


def test_theme_words_are_translated(site):
    kk = soup(page_path(site, "kk", "guide"))
    assert kk.select_one("a.md-skip").get_text(strip=True) == "Мазмұнға өту"
    assert kk.select_one("input.md-search__input")["placeholder"] == "Іздеу"
    ru = soup(page_path(site, "ru", "guide"))
    assert ru.select_one("input.md-search__input")["placeholder"] == "Поиск"


@pytest.mark.parametrize("language,word", [("ru", "убежищ"), ("kk", "босқын"), ("en", "asylum")])
def test_each_language_searches_its_own_pages_only(site, language, word):
    folder = site if language == "en" else site / language
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(word in doc["text"].lower() or word in doc["title"].lower() for doc in index["docs"])
    for doc in index["docs"]:
        assert not re.match(r"^(ru|kk)/", doc["location"]), doc["location"]
        target = folder / doc["location"].split("#")[0] / "index.html"
        assert target.exists(), doc["location"]
        assert soup(target).html["lang"] == language
    config = soup(page_path(site, language, "guide")).select_one("#__config").string
    base = json.loads(config)["base"]
    assert base.endswith(f"/{language}/") if language != "en" else not base.endswith(("/ru/", "/kk/"))


def test_cyrillic_headings_get_readable_anchors(site):
    ids = [h.get("id") for h in soup(page_path(site, "ru", "guide")).select("h2, h3, details")]
    assert "шаги" in ids
    assert "step-apply" in ids
    assert not any(re.fullmatch(r"_\d+", i or "") for i in ids)


def test_make_check_knows_every_anchor_the_build_makes(site):
    """`make check` finds dead anchors without a build (pana.pages.anchors): the ids it expects of each
    page must be ids the built page really has, or it would refuse good links."""
    from pana.pages.anchors import ids_of
    from pana.pages.render import render_all
    from pana.printouts import printables

    rendered = render_all(FACTS, ROOT / "content", pdf_sizes={job.name: 0 for job in printables.jobs(FACTS)})
    for (language, name), markdown in rendered.items():
        page = name.removesuffix(".md").removesuffix("index").rstrip("/")
        built = {tag["id"] for tag in soup(page_path(site, language, page)).select("[id]")}
        assert ids_of(markdown) <= built, (language, name, ids_of(markdown) - built)


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_asks_a_third_party_host(site):
    offenders = []
    for path in all_pages(site):
        html = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in html.find_all(tag):
                url = element.get(attr) or ""
                if (
                    tag == "link"
                    and "stylesheet" not in (element.get("rel") or [])
                    and "preconnect" not in (element.get("rel") or [])
                ):
                    continue
                if urlparse(url).netloc:
                    offenders.append(f"{path.relative_to(site)}: <{tag} {attr}={url}>")
        for style in html.find_all("style"):
            if re.search(r"url\(\s*['\"]?https?://|@import", style.get_text()):
                offenders.append(f"{path.relative_to(site)}: <style> loads a remote resource")
    for css in site.rglob("*.css"):
        if re.search(r"@import\s+url\(\s*['\"]?https?://|fonts\.googleapis", css.read_text(encoding="utf-8")):
            offenders.append(str(css.relative_to(site)))
    assert offenders == []


def test_every_page_lists_the_sources_it_used(site):
    guide = soup(page_path(site, "ru", "guide"))
    sources = guide.select_one(".pana-sources")
    assert sources is not None
    assert "egov.kz" in sources.get_text()
    assert "21.09.2022" in sources.get_text()


@pytest.mark.parametrize("language,shown", [("en", False), ("ru", True), ("kk", True)])
def test_review_notice_while_not_reviewed(site, language, shown):
    text = visible_text(page_path(site, language, "guide"))
    assert (FACTS.strings["review_notice"][language] in text) is shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_apply_page_links_each_departments_address_to_its_office(site, language):
    html = soup(page_path(site, language, "apply"))
    links = {a["href"] for a in html.select("article a[href*='offices/#office-']")}
    departments = [o for o in FACTS.offices if o.body == "employment-department" and o.address]
    assert len(departments) >= 4
    for office in departments:
        assert f"../offices/#office-{office.id}" in links, office.id
        assert office.address[language] in html.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_copy_is_offered_near_the_top_and_from_the_home_page(site, language):
    about = soup(page_path(site, language, "about"))
    headings = [h.get("id") for h in about.select("article h2")]
    assert headings[0] == "offline"
    home = soup(page_path(site, language, ""))
    assert home.select_one("article a[href='about/#offline']") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_an_error_offers_a_way_without_an_account_and_warns_that_github_is_public(site, language):
    page = Page(FACTS, language)
    guide = soup(page_path(site, language, "guide"))
    actions = guide.select_one(".pana-page-actions")
    ways = actions.find("a", string=page.t("report_error"))
    assert ways["href"] == "../about/#report"
    github = actions.find("a", string=page.t("report_on_github"))
    assert github["href"].startswith("https://github.com/pana-kz/pana/issues/new?")
    report = soup(page_path(site, language, "about")).select_one("#report")
    items = report.find_next("ul").get_text(" ")
    assert "GitHub" in items and "offices/" in str(report.find_next("ul"))
    assert "@" not in items  # no invented e-mail address


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_checklist_page_has_a_print_button_beside_its_pdf(site, language):
    html = soup(page_path(site, language, "checklists/first-days"))
    links = html.select_one(".pana-pdf-links")
    button = links.select_one("button[data-pana-print]")
    assert button.get_text() == Page(FACTS, language).t("print_page")
    assert button.has_attr("hidden")  # shown by its script: without JavaScript it could do nothing
    assert links.select_one(f"a[download][href$='pana-first-days-{language}.pdf']") is not None
