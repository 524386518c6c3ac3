"""Which Russian and Kazakh texts are out of date with their English original.

The idea of gettext's "fuzzy" flag: `data/translations.lock.json` records, for
each text and each language, a short hash of the English text that translation
was last confirmed against. When the English changes, the hash no longer
matches and the translation is reported as outdated until someone updates or
confirms it (`make confirm-translations`). Texts are every text field in data/
(one text per language) and every content page. The original is the first
language of languages.yml (English); the others are its translations.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .data import Facts, field_path, texts_in

LOCK = "translations.lock.json"


def fingerprint(english: str) -> str:
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:12]


def translated(facts: Facts) -> list[str]:
    return list(facts.languages)[1:]


def english_texts(facts: Facts, content_root: Path) -> dict[str, str]:
    """Every English original, keyed `FILE:field.path` for data and `content/NAME` for pages."""
    found = {}
    for name, model in facts.files.items():
        for path, text in texts_in(model, ()):
            found[f"{name}:{field_path(path)}"] = text[facts.original]
    english = content_root / facts.original
    for page in sorted(english.rglob("*.md")):
        found[f"content/{page.relative_to(english).as_posix()}"] = page.read_text(encoding="utf-8")
    return found


@dataclass
class Status:
    """Per language: the texts whose English changed since the translation was confirmed."""

    total: int
    outdated: dict[str, list[str]]

    def percent_current(self, language: str) -> int:
        # rounded down: one missing text of 414 is 99 %, never 100 %
        return 100 * (self.total - len(self.outdated[language])) // self.total if self.total else 100


def read_lock(data_dir: Path) -> dict[str, dict[str, str]]:
    file = data_dir / LOCK
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}


SECTION = re.compile(r"^(#{1,6} |\{%\s*include )", re.MULTILINE)  # headings, and the facts a page includes


def sections(text: str) -> int:
    return len(SECTION.findall(text))


def status(facts: Facts, data_dir: Path, content_root: Path) -> Status:
    """Outdated: the English changed since the translation was confirmed, or a translated
    page has fewer sections (headings and included parts) than the English one."""
    lock = read_lock(data_dir)
    texts = english_texts(facts, content_root)
    outdated = {language: [] for language in translated(facts)}
    for key, english in texts.items():
        confirmed = lock.get(key, {})
        for language in outdated:
            if confirmed.get(language) != fingerprint(english) or _lacks_sections(content_root, key, language, english):
                outdated[language].append(key)
    return Status(total=len(texts), outdated=outdated)


def _lacks_sections(content_root: Path, key: str, language: str, english: str) -> bool:
    if not key.startswith("content/"):
        return False
    page = content_root / language / key.removeprefix("content/")
    return page.exists() and sections(page.read_text(encoding="utf-8")) < sections(english)


def confirm(
    facts: Facts, data_dir: Path, content_root: Path, keys: list[str] | None, languages: list[str] | None = None
) -> list[str]:
    """Record the current English of `keys` (all texts when None) as translated; return what changed."""
    lock = read_lock(data_dir)
    texts = english_texts(facts, content_root)
    unknown = [key for key in keys or [] if key not in texts]
    if unknown:
        raise KeyError(", ".join(unknown))
    changed = []
    for key in keys if keys else texts:
        entry = lock.setdefault(key, {})
        for language in languages or translated(facts):
            if entry.get(language) != fingerprint(texts[key]):
                entry[language] = fingerprint(texts[key])
                changed.append(f"{key} ({language})")
    ordered = {key: lock[key] for key in sorted(lock) if key in texts}
    (data_dir / LOCK).write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return changed
