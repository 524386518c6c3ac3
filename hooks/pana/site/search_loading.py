"""Load search only when a reader opens it, and stem what they type.

The theme starts its search worker and fetches the whole search index on every page
load over http (from file:// it already waits for the search dialog): 27 to 32 KB of
gzip on a first visit, before anyone searches. Two changes to the built site make both wait:
- in the theme's bundle, the one expression that skips the wait over http is replaced
  (the build fails, naming this file, if a new theme version no longer has it);
- overrides/main.html names Pana's small worker, written here from search_worker.js,
  which loads the theme's worker with the first message and stems prefix queries.
"""

from __future__ import annotations

import re
from pathlib import Path

from jsmin import jsmin
from mkdocs.exceptions import PluginError

HTTP_SKIPS_WAIT = re.compile(r'\(location\.protocol!=="file:"\),(\w+)\("search"\)')
ALWAYS_WAITS = re.compile(r'\(!1\),\w+\("search"\)')  # already patched: `mkdocs serve` may keep the file
WORKER = "pana-search.js"


class ThemeChanged(PluginError):
    """The theme's built files are not what this module was written against."""


def only(files: list[Path], what: str) -> Path:
    if len(files) != 1:
        raise ThemeChanged(f"hooks/pana/site/search_loading.py: expected one {what}, found {len(files)}")
    return files[0]


def wait_for_search(site_dir: Path) -> None:
    scripts = site_dir / "assets" / "javascripts"
    bundle = only(sorted(scripts.glob("bundle.*.min.js")), "theme bundle")
    code = bundle.read_text(encoding="utf-8")
    patched, count = HTTP_SKIPS_WAIT.subn(r'(!1),\1("search")', code)
    if count != 1 and not ALWAYS_WAITS.search(code):
        raise ThemeChanged(
            f"hooks/pana/site/search_loading.py: {bundle.name} no longer starts search the way this "
            f"module expects ({count} matches); update HTTP_SKIPS_WAIT for the new theme"
        )
    if count:
        bundle.write_text(patched, encoding="utf-8")
    theme_worker = only(sorted((scripts / "workers").glob("search.*.min.js")), "theme search worker")
    source = (Path(__file__).with_name("search_worker.js")).read_text(encoding="utf-8")
    (scripts / "workers" / WORKER).write_text(
        jsmin(source.replace('"THEME_WORKER"', f'"{theme_worker.name}"')), encoding="utf-8"
    )
