"""Deadline phrases in every language, worded by data/grammar.yml.

Babel gives the plural category of a number in each language (CLDR's rules);
grammar.yml gives each language's words around the number, the case of the noun
there, and each unit's noun by case and category. Russian needs the case as well
as the category: «в течение 5 календарных дней» (genitive) but «на 3 месяца»
(accusative). Nothing here knows a language, so a new one is data and text.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from babel import Locale

from pana.facts.models import Duration, Form, Unit

if TYPE_CHECKING:
    from pana.facts.data import Facts

__all__ = ["Form", "duration_phrase", "plural_category"]


@functools.cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def plural_category(amount: int, locale: str) -> str:
    """Babel's CLDR plural category (one, few, many, other) of `amount`."""
    return _locale(locale).plural_form(amount)


def duration_phrase(duration: Duration, facts: Facts, language: str, form: Form = Form.within) -> str:
    """'within 5 calendar days', 'на 3 месяца', '2 жұмыс күні', ...

    `language` is a code of languages.yml: its grammar gives the words, its locale's
    plural rules the noun's form.
    """
    grammar, amount, unit = facts.grammar[language], duration.amount, Unit(duration.unit)
    phrase = grammar.phrases[form]
    noun = grammar.nouns[unit][phrase.case][plural_category(amount, facts.locale(language))]
    # 24 hours are also "one day" in the sources (UNHCR's page says one day, the 2022 page 24 hours)
    if unit is Unit.hours and amount == 24:
        noun += f" ({grammar.one_day[phrase.case]})"
    # {amount} first: a noun's own text is never read as a placeholder
    return phrase.text.replace("{amount}", str(amount)).replace("{noun}", noun)


def upfirst(phrase: str) -> str:
    """Capitalise the first letter only (Jinja's `capitalize` lowers the rest)."""
    return phrase[:1].upper() + phrase[1:]
