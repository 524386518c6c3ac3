"""Let the Russian search find a noun in any of its forms.

The theme's search stems every word with lunr's Russian Snowball stemmer, on the page
and in the query, so «убежища» and «убежище» meet as «убежищ». Snowball cannot tell that
«беженцы» and «беженец» are one word: the vowel drops, and the stems differ («беженц»,
«беженец»). So for every noun on a page, pymorphy3's dictionary gives all its forms, and
one form of each stem the page lacks goes into the entry's `forms` field: the browser
stems it like any other word, and a query in any form finds the page. The field is
searched but never shown.
"""

from __future__ import annotations

import functools
import re

import pymorphy3
import snowballstemmer

WORD = re.compile(r"[а-яё]+")


@functools.cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@functools.cache
def _stem(word: str) -> str:
    return snowballstemmer.stemmer("russian").stemWord(word)


@functools.cache
def _forms_by_stem(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, form) for each stem among the forms of `word`, if the dictionary knows it as a noun."""
    parse = _morph().parse(word)[0]
    if parse.tag.POS != "NOUN":
        return ()
    stems: dict[str, str] = {}
    for form in parse.lexeme:
        stems.setdefault(_stem(form.word), form.word)
    return tuple(stems.items())


def other_forms(text: str) -> str:
    """Forms of the nouns in `text` whose stems `text` does not already hold, space-separated."""
    words = set(WORD.findall(text.lower().replace("ё", "е")))
    present = {_stem(word) for word in words}
    extra: dict[str, str] = {}
    for word in sorted(words):
        for stem, form in _forms_by_stem(word):
            if stem not in present:
                extra.setdefault(stem, form)
    return " ".join(extra.values())
