"""Pana's copies of mkdocs-material's templates still match the theme that is installed.

Pana overrides a few of the theme's templates by copying them and changing a line or
rewriting a block. A new theme version that changes one of those originals would be
silently undone by Pana's copy (a fix lost, a new feature missing, a privacy guard that
no longer guards). Each original is kept as it was copied, in tests/theme_as_copied/;
these tests fail when the installed theme's original differs, show what changed and name
Pana's file to look at. `python tests/test_theme_copies.py` stores the installed originals
once Pana's copies have been brought up to date.
"""

from __future__ import annotations

import difflib
import re
import sys
from importlib.metadata import version
from pathlib import Path

import material
import pytest

THEME = Path(material.__file__).parent / "templates"
ROOT = Path(__file__).resolve().parent.parent
STORED = Path(__file__).parent / "theme_as_copied"

# (Pana's file, the theme's file, the block copied or None for the whole file, what Pana changes)
COPIES = [
    ("overrides/main.html", "base.html", "site_meta", "no hreflang links; description and link-preview tags"),
    ("overrides/main.html", "base.html", "config", "each language's search base; Pana's search worker"),
    ("overrides/partials/search.html", "partials/search.html", None, "a name for the search dialog"),
    ("overrides/partials/copyright.html", "partials/copyright.html", None, "'Made with' in the page's language"),
    ("overrides/partials/source.html", "partials/source.html", None, "empty: no request to api.github.com"),
]

TAG = re.compile(r"\{%-?\s*(?:block\s+(?P<name>\w+)|endblock)\b.*?%\}")


def block(template: str, name: str) -> str:
    """The text of `{% block name %}` up to its own `{% endblock %}`, nested blocks included."""
    start, depth = None, 0
    for tag in TAG.finditer(template):
        if tag["name"] is not None and (start is not None or tag["name"] == name):
            start = tag.start() if start is None else start
            depth += 1
        elif start is not None:
            depth -= 1
            if depth == 0:
                return template[start : tag.end()]
    raise LookupError(f"no block {name!r}")


def original(theme_file: str, name: str | None) -> str:
    template = (THEME / theme_file).read_text(encoding="utf-8")
    return block(template, name) if name else template


def stored_path(theme_file: str, name: str | None) -> Path:
    return STORED / (f"{theme_file}.{name}" if name else theme_file)


@pytest.mark.parametrize("pana_file,theme_file,name,change", COPIES, ids=[f"{c[1]}:{c[2] or ''}" for c in COPIES])
def test_the_theme_original_of_each_copy_is_unchanged(pana_file, theme_file, name, change):
    copied = stored_path(theme_file, name).read_text(encoding="utf-8")
    installed = original(theme_file, name)
    what = f"block {name!r} of {theme_file}" if name else theme_file
    assert installed == copied, (
        f"mkdocs-material {version('mkdocs-material')} changed its {what}, which {pana_file} copies "
        f"({change}). Carry the theme's change into {pana_file} where it matters, keeping Pana's change, "
        f"then run `python tests/test_theme_copies.py` to store the new original. The theme's change:\n"
        + "".join(
            difflib.unified_diff(
                copied.splitlines(keepends=True), installed.splitlines(keepends=True), "as copied", "installed"
            )
        )
    )


def test_each_copy_overrides_what_its_original_is():
    """A copy under another name, or without its block, would override nothing."""
    for pana_file, theme_file, name, _ in COPIES:
        copy = (ROOT / pana_file).read_text(encoding="utf-8")
        if name:
            assert re.search(rf"\{{%-?\s*block\s+{name}\s", copy), f"{pana_file} lost its block {name}"
        else:
            assert pana_file == f"overrides/{theme_file}", pana_file


def keys(path: Path) -> set[str]:
    return set(re.findall(r'^\s*"([\w.]+)":', path.read_text(encoding="utf-8"), re.MULTILINE))


def test_the_kazakh_interface_words_cover_every_key_the_theme_translates():
    russian = keys(THEME / "partials/languages/ru.html")
    missing = russian - keys(ROOT / "overrides/partials/languages/kk.html")
    assert len(russian) > 40
    assert not missing, (
        f"mkdocs-material {version('mkdocs-material')} has new interface words {sorted(missing)} "
        "(in its partials/languages/ru.html): add them in Kazakh to overrides/partials/languages/kk.html, "
        "or Kazakh pages show them in English"
    )


if __name__ == "__main__":
    for _, theme_file, name, _ in COPIES:
        path = stored_path(theme_file, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(original(theme_file, name), encoding="utf-8")
        print(f"stored {path.relative_to(ROOT)}", file=sys.stderr)
