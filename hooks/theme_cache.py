"""A hook of its own: keep the theme's compiled templates in .cache/jinja-theme/.

static-i18n builds each language with a new Jinja environment, so each of the
theme's templates was compiled again for every language of every build: a
second of a two-second rebuild under `mkdocs serve`. Jinja's own bytecode cache
keys each template by its name and source. It is a separate hook so that the
benchmark's plain build (bench/bench.py), which has none of Pana's hooks, can
keep it, and compare only Pana's own work.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from pana.cache import BytecodeCache


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> None:
    folder = Path(config.config_file_path).parent / ".cache" / "jinja-theme"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = BytecodeCache(str(folder))
