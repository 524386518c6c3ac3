"""Skip the project's own work when nothing it reads has changed since the last build.

Before writing a page, the build reads data/, content/, hooks/ and fonts/, a few
settings, the installed packages and today's date. When every one of them is as
it was for the last successful build, that build's pages, PDFs and reports are
taken from .cache/ instead of being made again. A change of one byte in any of
them makes the build do everything, so the memo can never show an outdated page;
and only a build that succeeded is remembered, so it can never hide an error.
"""

from __future__ import annotations

import pickle
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from pana import cache
from pana.printouts.pdf_cache import Printed

READ = ("data", "content", "hooks", "fonts")


@dataclass
class Made:
    """What the first language's on_pre_build makes for every language, and what it reports."""

    pages: dict[tuple[str, str], str]  # Markdown by (language, page)
    printed: Printed
    strings: dict[str, dict[str, str]]  # interface words for the theme's templates, by key and language
    notes: list[str]  # for the build's log
    search_words: dict[str, dict[str, str]]  # readers' words for a page's search entry, by page and language


def digest(root: Path, *settings: object) -> str:
    """A hash of every file the build reads, the installed packages and `settings`."""
    parts: list[str | bytes] = []
    for folder in READ:
        for file in sorted((root / folder).rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                parts += [str(file.relative_to(root)), file.read_bytes()]
    packages = Path(sysconfig.get_paths()["purelib"]).glob("*.dist-info")  # name-version.dist-info
    parts += ["\n".join(sorted(package.name for package in packages)), repr(settings)]
    return cache.key(*parts)


def recall(folder: Path, key: str) -> Made | None:
    """What `remember` kept under `key`, or None (also when the entry is damaged: pana.cache)."""
    data = cache.read(folder / f"{key}.pickle")
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except (EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return None


def remember(folder: Path, key: str, made: Made, keep: int = 4) -> None:
    """Keep `made` under `key`, and only the `keep` newest: `make site` builds twice (offline copy, site)."""
    cache.write(folder / f"{key}.pickle", pickle.dumps(made))
    for old in sorted(folder.glob("*.pickle"), key=lambda file: file.stat().st_mtime)[:-keep]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".sha256").unlink(missing_ok=True)
