"""Which Russian and Kazakh texts are out of date with their English original.

The idea of gettext's "fuzzy" flag: `data/translations.lock.json` records, for
each text and each language, a short hash of the English text that translation
was last confirmed against. When the English changes, the hash no longer
matches and the translation is reported as outdated until someone updates or
confirms it (`make confirm-translations KEYS=...`). A text the lock does not
know yet is new: written with its translations, it is not outdated, and
`make check` records it. Texts are every text field in data/ (one text per
language) and every content page. The original is the first language of
languages.yml (English); the others are its translations.

Each text's key is stable (`text_key`): an item of a list is named by its `id`
(`procedure.yml:steps[apply].title`; a page of search.yml by its `page`), so inserting, moving or removing a step
changes no other step's key. Items without an id (a sheet's blanks, its
sections and tick boxes, a statistic's points, a step's older rules) are named
by their place under the nearest item that has one
(`checklists.yml:checklists[first-days].blanks[1]`): a key made of their words
would change with the English, and a changed English would then pass for a new
text, hiding the very translations that need updating. The PO files
(`pana.po`) use the same keys as their `msgctxt`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pana.facts import models
from pana.facts.data import Facts, texts_in

LOCK = "translations.lock.json"


def fingerprint(english: str) -> str:
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:12]


def translated(facts: Facts) -> list[str]:
    return list(facts.languages)[1:]


ITEM_IDS = ("id", "page")  # the fields that name a list item, each unique in its list (search.yml's `page`)


def text_key(name: str, raw: Any, path: tuple[Any, ...]) -> str:
    """('steps', 3, 'title') in procedure.yml -> 'procedure.yml:steps[questionnaire].title':
    a list item by its `id` (or search.yml's `page`) where it has one, read from the file's
    raw values, else by its place."""
    key, node = "", raw
    for part in path:
        if isinstance(part, int):
            item = node[part]
            ident = next((item[field] for field in ITEM_IDS if field in item), None) if isinstance(item, dict) else None
            key += f"[{ident if isinstance(ident, str) else part}]"
        else:
            key += f".{part}" if key else str(part)
            item = node[part]
        node = item
    return f"{name}:{key}"


def data_texts(facts: Facts) -> dict[str, tuple[str, tuple[Any, ...], models.Text]]:
    """Every text of data/ by its key: (file name, path in the file, the text)."""
    return {
        text_key(name, facts.located[name].value, path): (name, path, text)
        for name, model in facts.files.items()
        for path, text in texts_in(model, ())
    }


def english_texts(facts: Facts, content_root: Path) -> dict[str, str]:
    """Every English original, keyed as `text_key` for data and `content/NAME` for pages."""
    found = {key: text[facts.original] for key, (_, _, text) in data_texts(facts).items()}
    english = content_root / facts.original
    for page in sorted(english.rglob("*.md")):
        found[f"content/{page.relative_to(english).as_posix()}"] = page.read_text(encoding="utf-8")
    return found


@dataclass
class Status:
    """Per language: the texts whose English changed since the translation was confirmed,
    and the texts the lock does not know yet (new, so up to date)."""

    total: int
    outdated: dict[str, list[str]]
    new: dict[str, list[str]]

    def percent_current(self, language: str) -> int:
        # rounded down: one outdated text of 414 is 99 %, never 100 %
        return 100 * (self.total - len(self.outdated[language])) // self.total if self.total else 100


def read_lock(data_dir: Path) -> dict[str, dict[str, str]]:
    file = data_dir / LOCK
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}


SECTION = re.compile(r"^(#{1,6} |\{%\s*include )", re.MULTILINE)  # headings, and the facts a page includes


def sections(text: str) -> int:
    return len(SECTION.findall(text))


def status(facts: Facts, data_dir: Path, content_root: Path) -> Status:
    """Outdated: the English changed since the translation was confirmed, or a translated
    page has fewer sections (headings and included parts) than the English one. A page's
    key covers the whole page, so a change in any of its sections makes it outdated."""
    lock = read_lock(data_dir)
    texts = english_texts(facts, content_root)
    outdated = {language: [] for language in translated(facts)}
    new = {language: [] for language in translated(facts)}
    for key, english in texts.items():
        confirmed = lock.get(key, {})
        for language in outdated:
            recorded = confirmed.get(language)
            if recorded is None:
                new[language].append(key)
            if (recorded not in (None, fingerprint(english))) or _lacks_sections(content_root, key, language, english):
                outdated[language].append(key)
    return Status(total=len(texts), outdated=outdated, new=new)


def _lacks_sections(content_root: Path, key: str, language: str, english: str) -> bool:
    if not key.startswith("content/"):
        return False
    page = content_root / language / key.removeprefix("content/")
    return page.exists() and sections(page.read_text(encoding="utf-8")) < sections(english)


def confirm(
    facts: Facts, data_dir: Path, content_root: Path, keys: list[str], languages: list[str] | None = None
) -> list[str]:
    """Record the current English of `keys` as what their translations were checked against;
    return what changed. Keys of texts no longer in data/ or content/ leave the lock."""
    texts = english_texts(facts, content_root)
    unknown = [key for key in keys if key not in texts]
    if unknown:
        raise KeyError(", ".join(unknown))
    return _record(
        facts, data_dir, texts, {(key, language) for key in keys for language in languages or translated(facts)}
    )


def record_new(facts: Facts, data_dir: Path, content_root: Path) -> list[str]:
    """Record the texts the lock does not know yet, as translated with their English."""
    report = status(facts, data_dir, content_root)
    return _record(
        facts,
        data_dir,
        english_texts(facts, content_root),
        {(k, lang) for lang, keys in report.new.items() for k in keys},
    )


def _record(facts: Facts, data_dir: Path, texts: dict[str, str], pairs: set[tuple[str, str]]) -> list[str]:
    lock = read_lock(data_dir)
    changed = []
    for key, language in sorted(pairs, key=lambda pair: (pair[0], translated(facts).index(pair[1]))):
        entry = lock.setdefault(key, {})
        if entry.get(language) != fingerprint(texts[key]):
            entry[language] = fingerprint(texts[key])
            changed.append(f"{key} ({language})")
    ordered = {key: lock[key] for key in sorted(lock) if key in texts}
    written = json.dumps(ordered, ensure_ascii=False, indent=1) + "\n"
    file = data_dir / LOCK
    if not file.exists() or file.read_text(encoding="utf-8") != written:
        file.write_text(written, encoding="utf-8")
    return changed
