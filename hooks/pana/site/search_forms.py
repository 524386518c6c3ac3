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

import contextlib
import functools
import json
import re
from importlib.metadata import version
from pathlib import Path

import snowballstemmer

from pana import cache

WORD = re.compile(r"[а-яё]+")
# (stem, form) pairs by word, kept between builds in .cache/: the dictionary takes 0.6 s to ask
_answers: dict[str, tuple[tuple[str, str], ...]] = {}
_stems: dict[str, str] = {}  # Snowball's stem of each word of the pages, kept with them (0.1 s a build)


@functools.cache
def _morph():
    import pymorphy3  # loads its dictionary: only when a word is not in the answers kept from before

    return pymorphy3.MorphAnalyzer()


def _stem(word: str) -> str:
    if word not in _stems:
        _stems[word] = _stemmer().stemWord(word)
    return _stems[word]


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("russian")


def _dictionary_version() -> str:
    return f"{version('pymorphy3-dicts-ru')} {version('snowballstemmer')}"


@contextlib.contextmanager
def answers_kept_in(file: Path):
    """Read the dictionary's and the stemmer's earlier answers from `file`, and write them back if new words came."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        saved = json.loads(cache.read(file) or b"{}")  # a damaged file is a miss (pana.cache)
        if saved.get("version") == _dictionary_version():
            _answers.update({word: tuple(map(tuple, pairs)) for word, pairs in saved["words"].items()})
            _stems.update(saved["stems"])
    known = len(_answers), len(_stems)
    yield
    if (len(_answers), len(_stems)) != known:
        saved = {"version": _dictionary_version(), "words": _answers, "stems": _stems}
        cache.write(file, json.dumps(saved, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _forms_by_stem(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, form) for each stem among the forms of `word`, if the dictionary knows it as a noun."""
    if word not in _answers:
        parse = _morph().parse(word)[0]
        stems: dict[str, str] = {}
        if parse.tag.POS == "NOUN":
            for form in parse.lexeme:
                stems.setdefault(_stem(form.word), form.word)
        _answers[word] = tuple(stems.items())
    return _answers[word]


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
