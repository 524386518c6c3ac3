"""Deadline phrases: each language's grammar from data/grammar.yml, its plural categories from Babel."""

import shutil

import pytest
import yaml
from conftest import ROOT
from pana.facts.data import load_facts
from pana.facts.models import Duration, Unit
from pana.pages.phrases import Form, duration_phrase

from bench.bench import with_texts_in

FACTS = load_facts(ROOT / "data")

WITHIN_CALENDAR_DAYS = {
    "en": {
        1: "within 1 calendar day",
        2: "within 2 calendar days",
        3: "within 3 calendar days",
        5: "within 5 calendar days",
        11: "within 11 calendar days",
        21: "within 21 calendar days",
        22: "within 22 calendar days",
        25: "within 25 calendar days",
    },
    "ru": {
        1: "в течение 1 календарного дня",
        2: "в течение 2 календарных дней",
        3: "в течение 3 календарных дней",
        5: "в течение 5 календарных дней",
        11: "в течение 11 календарных дней",
        21: "в течение 21 календарного дня",
        22: "в течение 22 календарных дней",
        25: "в течение 25 календарных дней",
    },
    "kk": {n: f"{n} күнтізбелік күн ішінде" for n in (1, 2, 3, 5, 11, 21, 22, 25)},
}

COUNT_WORKING_DAYS = {
    "en": {
        1: "1 working day",
        2: "2 working days",
        3: "3 working days",
        5: "5 working days",
        11: "11 working days",
        21: "21 working days",
        22: "22 working days",
        25: "25 working days",
    },
    "ru": {
        1: "1 рабочий день",
        2: "2 рабочих дня",
        3: "3 рабочих дня",
        5: "5 рабочих дней",
        11: "11 рабочих дней",
        21: "21 рабочий день",
        22: "22 рабочих дня",
        25: "25 рабочих дней",
    },
    "kk": {n: f"{n} жұмыс күні" for n in (1, 2, 3, 5, 11, 21, 22, 25)},
}

FOR_MONTHS = {
    "en": {
        1: "for 1 month",
        2: "for 2 months",
        3: "for 3 months",
        5: "for 5 months",
        11: "for 11 months",
        21: "for 21 months",
        22: "for 22 months",
        25: "for 25 months",
    },
    "ru": {
        1: "на 1 месяц",
        2: "на 2 месяца",
        3: "на 3 месяца",
        5: "на 5 месяцев",
        11: "на 11 месяцев",
        21: "на 21 месяц",
        22: "на 22 месяца",
        25: "на 25 месяцев",
    },
    "kk": {n: f"{n} айға" for n in (1, 2, 3, 5, 11, 21, 22, 25)},
}


def cases(table):
    return [(lang, n, text) for lang, row in table.items() for n, text in row.items()]


@pytest.mark.parametrize("language,amount,expected", cases(WITHIN_CALENDAR_DAYS))
def test_within_calendar_days(language, amount, expected):
    assert duration_phrase(Duration(amount=amount, unit=Unit.calendar_days), FACTS, language, Form.within) == expected


@pytest.mark.parametrize("language,amount,expected", cases(COUNT_WORKING_DAYS))
def test_count_of_working_days(language, amount, expected):
    assert duration_phrase(Duration(amount=amount, unit=Unit.working_days), FACTS, language, Form.count) == expected


@pytest.mark.parametrize("language,amount,expected", cases(FOR_MONTHS))
def test_for_months(language, amount, expected):
    assert duration_phrase(Duration(amount=amount, unit=Unit.months), FACTS, language, Form.for_) == expected


@pytest.mark.parametrize(
    "language,unit,form,expected",
    [
        ("ru", Unit.working_days, Form.ahead, "за 2 рабочих дня"),
        ("ru", Unit.hours, Form.within, "в течение 2 часов"),
        ("ru", Unit.years, Form.for_, "на 2 года"),
        ("kk", Unit.hours, Form.for_, "2 сағатқа"),
        ("kk", Unit.years, Form.ahead, "2 жыл бұрын"),
        ("en", Unit.hours, Form.within, "within 2 hours"),
    ],
)
def test_other_units_and_forms(language, unit, form, expected):
    assert duration_phrase(Duration(amount=2, unit=unit), FACTS, language, form) == expected


def test_russian_hours_after_21():
    assert duration_phrase(Duration(amount=21, unit=Unit.hours), FACTS, "ru", Form.count) == "21 час"
    assert duration_phrase(Duration(amount=21, unit=Unit.hours), FACTS, "ru", Form.within) == "в течение 21 часа"


@pytest.mark.parametrize(
    "locale,form,expected",
    [
        ("en", Form.within, "within 24 hours (one day)"),
        ("ru", Form.within, "в течение 24 часов (одних суток)"),
        ("kk", Form.within, "24 сағат (бір тәулік) ішінде"),
        ("en", Form.count, "24 hours (one day)"),
        ("ru", Form.count, "24 часа (одни сутки)"),
        ("kk", Form.count, "24 сағат (бір тәулік)"),
    ],
)
def test_24_hours_are_also_one_day_as_the_sources_say(locale, form, expected):
    assert duration_phrase(Duration(amount=24, unit=Unit.hours), FACTS, locale, form) == expected
    assert "(" not in duration_phrase(Duration(amount=48, unit=Unit.hours), FACTS, locale, form)


def edited_data(tmp_path, edit):
    """A copy of data/ whose grammar.yml and languages.yml `edit` has changed, loaded."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    files = {
        name: yaml.safe_load((data / name).read_text(encoding="utf-8")) for name in ("grammar.yml", "languages.yml")
    }
    edit(data, files)
    for name, value in files.items():
        (data / name).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_facts(data)


def test_the_words_are_the_data_s(tmp_path):
    def edit(data, files):
        files["grammar.yml"]["languages"]["en"]["phrases"]["within"]["text"] = "no later than {amount} {noun} after it"
        files["grammar.yml"]["languages"]["ru"]["nouns"]["months"]["accusative"]["few"] = "месяца подряд"

    facts = edited_data(tmp_path, edit)
    assert duration_phrase(Duration(amount=5, unit=Unit.calendar_days), facts, "en") == (
        "no later than 5 calendar days after it"
    )
    assert duration_phrase(Duration(amount=3, unit=Unit.months), facts, "ru", Form.for_) == "на 3 месяца подряд"
    assert duration_phrase(Duration(amount=5, unit=Unit.months), facts, "ru", Form.for_) == "на 5 месяцев"


# a made-up language with Arabic's six plural categories (qaa-qtz are ISO 639's codes for local use)
SIX = {"zero": "z", "one": "o", "two": "t", "few": "f", "many": "m", "other": "x"}


def test_a_new_language_is_data_only_even_with_six_plural_categories(tmp_path):
    def edit(data, files):
        files["languages.yml"]["languages"]["qaa"] = {"name": "Made-up", "review": "not_reviewed", "locale": "ar"}
        nouns = {unit.value: {"plain": {c: f"{unit.value}-{v}" for c, v in SIX.items()}} for unit in Unit}
        files["grammar.yml"]["languages"]["qaa"] = {
            "phrases": {form.value: {"case": "plain", "text": f"{form.value}: {{noun}} x{{amount}}"} for form in Form},
            "nouns": nouns,
            "one_day": {"plain": "one-day"},
        }
        for file in data.glob("*.yml"):
            if file.name not in files:
                value = yaml.safe_load(file.read_text(encoding="utf-8"))
                file.write_text(yaml.safe_dump(with_texts_in(value, ["qaa"]), allow_unicode=True), encoding="utf-8")

    facts = edited_data(tmp_path, edit)
    said = {
        n: duration_phrase(Duration(amount=n, unit=Unit.calendar_days), facts, "qaa", Form.ahead)
        for n in (1, 2, 3, 11, 100)
    }
    assert said == {
        1: "ahead: calendar_days-o x1",
        2: "ahead: calendar_days-t x2",
        3: "ahead: calendar_days-f x3",
        11: "ahead: calendar_days-m x11",
        100: "ahead: calendar_days-x x100",
    }
    assert (
        duration_phrase(Duration(amount=24, unit=Unit.hours), facts, "qaa", Form.for_) == "for: hours-m (one-day) x24"
    )
