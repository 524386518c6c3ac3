"""Deadline phrases in English, Russian and Kazakh, built from structured data.

Babel gives the plural category of a number in each language; the tables here
give the noun forms for each category and grammatical case. Russian needs the
case as well as the category: «в течение 5 календарных дней» (genitive) but
«на 3 месяца» (accusative). Kazakh keeps the noun singular after a number.
"""

from __future__ import annotations

import functools
from enum import StrEnum

from babel import Locale

from .models import Duration, Unit


class Form(StrEnum):
    """How a phrase uses the number: which preposition and case."""

    within = "within"  # within 5 calendar days / в течение 5 календарных дней / 5 күнтізбелік күн ішінде
    for_ = "for"  # for 3 months / на 3 месяца / 3 айға
    count = "count"  # 2 working days / 2 рабочих дня / 2 жұмыс күні
    ahead = "ahead"  # (1 month) before … / за 1 месяц до … / 1 ай бұрын


EN = {
    Unit.calendar_days: ("calendar day", "calendar days"),
    Unit.working_days: ("working day", "working days"),
    Unit.hours: ("hour", "hours"),
    Unit.months: ("month", "months"),
    Unit.years: ("year", "years"),
}

# Russian: case -> plural category -> noun phrase.
RU = {
    Unit.calendar_days: {
        "acc": {"one": "календарный день", "few": "календарных дня", "many": "календарных дней"},
        "gen": {"one": "календарного дня", "few": "календарных дней", "many": "календарных дней"},
    },
    Unit.working_days: {
        "acc": {"one": "рабочий день", "few": "рабочих дня", "many": "рабочих дней"},
        "gen": {"one": "рабочего дня", "few": "рабочих дней", "many": "рабочих дней"},
    },
    Unit.hours: {
        "acc": {"one": "час", "few": "часа", "many": "часов"},
        "gen": {"one": "часа", "few": "часов", "many": "часов"},
    },
    Unit.months: {
        "acc": {"one": "месяц", "few": "месяца", "many": "месяцев"},
        "gen": {"one": "месяца", "few": "месяцев", "many": "месяцев"},
    },
    Unit.years: {
        "acc": {"one": "год", "few": "года", "many": "лет"},
        "gen": {"one": "года", "few": "лет", "many": "лет"},
    },
}

# Kazakh: the noun stays singular; (plain, dative) forms, the dative following vowel harmony.
KK = {
    Unit.calendar_days: ("күнтізбелік күн", "күнтізбелік күнге"),
    Unit.working_days: ("жұмыс күні", "жұмыс күніне"),
    Unit.hours: ("сағат", "сағатқа"),
    Unit.months: ("ай", "айға"),
    Unit.years: ("жыл", "жылға"),
}


# 24 hours are also "one day" in the sources (UNHCR's page says one day, the 2022 page 24 hours),
# so a count of exactly 24 hours says both: (plain, genitive) forms of "one day".
ONE_DAY = {"en": ("one day", "one day"), "ru": ("одни сутки", "одних суток"), "kk": ("бір тәулік", "бір тәулік")}


@functools.cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def plural_category(amount: int, locale: str) -> str:
    """Babel's CLDR plural category (one, few, many, other) of `amount`."""
    return _locale(locale).plural_form(amount)


def duration_phrase(duration: Duration, locale: str, form: Form = Form.within) -> str:
    """'within 5 calendar days', 'на 3 месяца', '2 жұмыс күні', ...

    `locale` is Babel's name for the language (see Facts.locale); its language picks
    the grammar here, its plural rules the noun's form.
    """
    n, unit = duration.amount, Unit(duration.unit)
    language = _locale(locale).language
    if unit is Unit.hours and n == 24 and language in ONE_DAY:
        return _with_one_day(_phrase(n, unit, locale, language, form), language, form)
    return _phrase(n, unit, locale, language, form)


def _with_one_day(phrase: str, language: str, form: Form) -> str:
    """'within 24 hours (one day)', 'в течение 24 часов (одних суток)', '24 сағат (бір тәулік) ішінде'."""
    plain, genitive = ONE_DAY[language]
    gloss = f"({genitive if form is Form.within else plain})"
    if language == "kk" and phrase.endswith((" ішінде", " бұрын")):
        head, _, tail = phrase.rpartition(" ")
        return f"{head} {gloss} {tail}"
    return f"{phrase} {gloss}"


def _phrase(n: int, unit: Unit, locale: str, language: str, form: Form) -> str:
    if language == "en":
        noun = EN[unit][0 if plural_category(n, locale) == "one" else 1]
        return {Form.within: f"within {n} {noun}", Form.for_: f"for {n} {noun}"}.get(form, f"{n} {noun}")
    if language == "ru":
        category = plural_category(n, locale)
        category = category if category in ("one", "few") else "many"
        if form is Form.within:
            return f"в течение {n} {RU[unit]['gen'][category]}"
        noun = RU[unit]["acc"][category]
        return {Form.for_: f"на {n} {noun}", Form.ahead: f"за {n} {noun}"}.get(form, f"{n} {noun}")
    if language == "kk":
        plain, dative = KK[unit]
        return {Form.within: f"{n} {plain} ішінде", Form.for_: f"{n} {dative}", Form.ahead: f"{n} {plain} бұрын"}.get(
            form, f"{n} {plain}"
        )
    raise ValueError(f"no deadline phrases for language '{language}': add its nouns and grammar to phrases.py")
