"""The text a reader sees, per language, against the patterns the December 2026 language review found:
words mixing Latin and Cyrillic letters, «баспана» (housing) for asylum, a body named other than the
glossary names it, a sentence in the sources footer starting in lower case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT
from pana.facts.data import load_facts

FACTS = load_facts(ROOT / "data")
MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі])\w+\b")
# names the review found beside the glossary's, which a reader would take for other bodies
OTHER_NAMES = {
    "ru": ["орган занятости", "органы занятости", "органов занятости", "органа занятости"],
    "kk": ["Босқындар істері жөніндегі агенттігі", "Босқындар ісі жөніндегі агенттігі"],
    "en": [],
}


def pages(site: Path, language: str) -> list[Path]:
    folder = site if language == "en" else site / language
    skip = {site / other for other in LANGUAGES if other != "en"}
    return [
        path
        for path in sorted(folder.rglob("index.html"))
        if language != "en" or not any(parent in skip for parent in path.parents)
    ]


def article(path: Path) -> BeautifulSoup:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = html.select_one("article")
    for hidden in found.select("script, svg, .pana-sources"):
        hidden.decompose()
    return found


def sources_footer(path: Path) -> str:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    footer = html.select_one(".pana-sources")
    return " ".join(footer.get_text(" ").split()) if footer else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_mixes_latin_and_cyrillic_letters(site, language):
    for path in pages(site, language):
        found = MIXED.findall(article(path).get_text(" "))
        assert not found, (path, found)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_asylum_is_never_called_housing(site, language):
    for path in pages(site, language):
        # «саяси баспана» is political asylum, another thing, which the refugee page explains
        assert not re.search(r"(?<!саяси )баспана", article(path).get_text(" ").lower()), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_bodies_go_by_their_glossary_names(site, language):
    for path in pages(site, language):
        text = " ".join(article(path).get_text(" ").split())
        for name in OTHER_NAMES[language]:
            assert name not in text, (path, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_sentences_start_with_a_capital(site, language):
    footers = [sources_footer(path) for path in pages(site, language)]
    assert any(footers)
    for footer in footers:
        lower = re.findall(r"[.!?] ([a-zа-яёәғқңөұүһі]\w*)", footer)
        assert not lower, lower


def test_the_patterns_catch_what_the_review_found():
    assert MIXED.findall("1,3 MБ and Pana or Алматы") == ["MБ"]
    assert re.findall(r"[.!?] ([a-zа-яёәғқңөұүһі]\w*)", "не указано. проверено Pana") == ["проверено"]
    assert re.search(r"(?<!саяси )баспана", "баспана сұрау") and not re.search(r"(?<!саяси )баспана", "саяси баспана")


def test_lookalike_letters_become_cyrillic_only_in_cyrillic_words():
    from pana.pages.render import one_script

    assert one_script("1,3 MБ") == "1,3 МБ"
    assert one_script("1.3 MB, Pana") == "1.3 MB, Pana"
