"""Drop the theme's CSS that no page of the site uses.

The theme's stylesheet styles everything it can do (22.6 KB of gzip); Pana's pages use
about two thirds of it. PurgeCSS (from npm, see package.json) keeps every rule whose
classes, ids and attributes appear in the built HTML or in the theme's and Pana's
scripts, which add classes of their own, and drops the rest, with unused variables,
keyframes and font faces. Pana's own stylesheet is only compressed (csscompressor):
every rule in it is there for a reason. `mkdocs serve` skips all this: the preview need
not be light. The result is kept in .cache/, keyed by every file PurgeCSS reads, so a
build whose pages did not change does not start Node again.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from csscompressor import compress
from mkdocs.exceptions import PluginError

PURGECSS = Path("node_modules") / "purgecss" / "bin" / "purgecss.js"


def drop_unused_css(root: Path, site_dir: Path) -> None:
    purgecss = root / PURGECSS
    if not purgecss.exists():
        raise PluginError(f"{PURGECSS} is missing: run `make site`, which installs it (npm ci)")
    styles = site_dir / "assets" / "stylesheets"
    scripts = site_dir / "assets" / "javascripts"
    themes = sorted(styles.glob("main.*.min.css"))
    pages = sorted(site_dir.rglob("*.html"))
    read = [purgecss.parent.parent / "package.json", *themes, *pages, *sorted(scripts.glob("*.js"))]
    kept = root / ".cache" / "purgecss" / _digest(read, site_dir)
    if not kept.is_dir():
        _purge(purgecss, themes, site_dir, scripts, kept)
    for theme in themes:
        shutil.copyfile(kept / theme.name, theme)
    own = styles / "pana-print.css"
    own.write_text(compress(own.read_text(encoding="utf-8")), encoding="utf-8")


def _digest(files: list[Path], site_dir: Path) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.relative_to(site_dir) if file.is_relative_to(site_dir) else file.name}\n".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _purge(purgecss: Path, themes: list[Path], site_dir: Path, scripts: Path, kept: Path) -> None:
    """Run PurgeCSS into a new folder of the cache, and drop the cache's older results."""
    partial = kept.with_suffix(".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    command = [
        "node",
        str(purgecss),
        "--css",
        *map(str, themes),
        "--content",
        f"{site_dir}/**/*.html",
        *map(str, scripts.glob("*.js")),
        "--variables",
        "--keyframes",
        "--font-face",
        "--output",
        str(partial),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise PluginError(f"PurgeCSS failed: {done.stderr.strip()}")
    for old in kept.parent.iterdir():
        if old != partial:
            shutil.rmtree(old, ignore_errors=True)
    partial.rename(kept)
