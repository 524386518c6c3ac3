"""The content pages, read from the built site in every language: complete, sourced, plain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, page_path
from pana.facts.data import load_facts
from pana.facts.models import Duration
from pana.pages.phrases import Form, duration_phrase
from pana.pages.render import Page

FACTS = load_facts(ROOT / "data")
CONTENT_PAGES = sorted(
    p.relative_to(ROOT / "content/en").with_suffix("").as_posix() for p in (ROOT / "content/en").rglob("*.md")
)
READING_EASE_FLOOR = 60  # Flesch reading ease: 60 and above is plain English (about grade 8–9)
# the figures page is tables and the official names of series and treaties, not prose
PROSE_PAGES = [page for page in CONTENT_PAGES if page != "figures"]


def article_text(path: Path) -> str:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for noise in article.select(".headerlink"):
        noise.decompose()
    return " ".join(article.get_text(" ").split())


def built(site: Path, language: str, page: str) -> Path:
    name = "" if page == "index" else page.removesuffix("/index")
    return page_path(site, language, name)


def test_every_page_exists_in_every_language(site):
    for language in LANGUAGES:
        for page in CONTENT_PAGES:
            path = built(site, language, page)
            assert path.exists(), path
            html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert html.html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_refusal_ground_is_on_the_refusal_page(site, language):
    text = article_text(built(site, language, "refusal"))
    assert len(FACTS.grounds) == 9
    for ground in FACTS.grounds:
        assert ground.text[language] in text
        assert ground.means[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_shows_its_sources(site, language):
    # the accessibility statement is about the site itself (what its tests check): no fact of a source
    for page in (page for page in CONTENT_PAGES if page != "accessibility"):
        html = BeautifulSoup(built(site, language, page).read_text(encoding="utf-8"), "html.parser")
        block = html.select_one(".pana-sources")
        assert block is not None, page
        assert block.select("a[href^='http']"), page


# A number (not a year) followed by a unit of time: every one on a page must be a phrase the data produces.
DEADLINE_PATTERNS = {
    "en": r"\b\d{1,3}\s+(?:calendar days?|working days?|hours?|months?|years?)\b",
    "ru": r"\b\d{1,3}\s+(?:календарн\w+ (?:дн\w*|день)|рабоч\w+ (?:дн\w*|день)|час\w*|месяц\w*)|(?:на|в течение|за)\s+\d{1,3}\s+(?:год|года|лет)\b",
    "kk": r"\b\d{1,3}\s+(?:күнтізбелік күн|жұмыс күн\w*|сағат(?:қа)?|ай(?:ға)?|жыл(?:ға)?)\b",
}


def phrases_from_data(language: str) -> set[str]:
    page = Page(FACTS, language)
    durations, deadlines = [], []
    for item in [*FACTS.steps, *FACTS.routes]:
        if item.deadline:
            deadlines.append(item.deadline)
        deadlines.extend(old.deadline for old in item.superseded if old.deadline)
        if getattr(item, "validity", None):
            durations.append(item.validity)
    found = set()
    texts = [page.deadline_of(d) for d in deadlines]
    texts += [duration_phrase(d, FACTS, language, form) for d in durations for form in Form]
    texts += [duration_phrase(d, FACTS, language, Form.count) for d in page.total()]
    texts += [
        duration_phrase(Duration(amount=d.amount, unit=d.unit), FACTS, language, form)
        for d in deadlines
        if not d.same_day
        for form in Form
    ]
    for text in texts:
        found.update(re.findall(DEADLINE_PATTERNS[language], text))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_states_a_deadline_that_is_not_rendered_from_data(site, language):
    allowed = phrases_from_data(language)
    assert allowed
    stray = []
    for path in sorted((site if language == "en" else site / language).rglob("index.html")):
        if language == "en" and path.relative_to(site).parts[0] in ("ru", "kk"):
            continue
        for match in re.findall(DEADLINE_PATTERNS[language], article_text(path)):
            if match not in allowed:
                stray.append(f"{path.relative_to(site)}: {match}")
    assert stray == []


def test_offices_show_only_what_the_data_holds(site):
    known_phones = {phone for office in FACTS.offices for phone in office.phones}
    for language in LANGUAGES:
        text = article_text(built(site, language, "offices"))
        for office in FACTS.offices:
            assert office.name[language] in text
            if office.address:
                assert office.address[language] in text
        assert set(re.findall(r"\+7 \d{3} \d{3} \d{2} \d{2}", text)) == known_phones
    for path in site.rglob("*.html"):
        phones = set(re.findall(r"\+7[ \d]{10,14}\d", path.read_text(encoding="utf-8")))
        assert {p.strip() for p in phones} <= known_phones, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_lists_every_term(site, language):
    text = article_text(built(site, language, "glossary"))
    for term in FACTS.terms.values():
        assert term.explain[language] in text


@pytest.mark.parametrize("page", PROSE_PAGES)
def test_english_reads_plainly(site, page):
    article = BeautifulSoup(built(site, "en", page).read_text(encoding="utf-8"), "html.parser").select_one("article")
    for noise in article.select(".pana-sources, .headerlink, table, svg, .pana-print-only"):
        noise.decompose()
    text = " ".join(article.get_text(" ").split())
    ease = textstat.flesch_reading_ease(text)
    print(f"{page}: Flesch reading ease {ease}, grade {textstat.flesch_kincaid_grade(text)}")
    assert ease >= READING_EASE_FLOOR, f"{page} reads at {ease}; shorten sentences and words"


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_the_apply_deadline_on_a_phones_first_screen(page, served_site, language):
    page.goto(served_site + ("" if language == "en" else f"{language}/"))
    box = page.locator(".admonition.danger").first
    expected = Page(FACTS, language).deadline_of(FACTS.steps[0].deadline)
    assert expected in box.inner_text()
    bounds = box.bounding_box()
    assert bounds["y"] + bounds["height"] <= 640
