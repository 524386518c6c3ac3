"""Drop the theme's CSS that no page of the site uses.

The theme's stylesheet styles everything it can do (22.6 KB of gzip); Pana's pages use
about two thirds of it. PurgeCSS (from npm, see package.json) keeps every rule whose
classes, ids and attributes appear in the built HTML or in the theme's and Pana's
scripts, which add classes of their own, and drops the rest, with unused variables,
keyframes and font faces. Pana's own stylesheet is only compressed (csscompressor):
every rule in it is there for a reason. `mkdocs serve` skips all this: the preview need
not be light. The result is kept in .cache/, keyed by the stylesheets and by what
PurgeCSS can see of the pages and scripts (`seen_words`), so a build whose pages
changed only in their text, as after most data edits, does not start Node again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from csscompressor import compress
from mkdocs.exceptions import PluginError

from pana import cache

PURGECSS = Path("node_modules") / "purgecss" / "bin" / "purgecss.js"


def drop_unused_css(root: Path, site_dir: Path) -> None:
    purgecss = root / PURGECSS
    if not purgecss.exists():
        raise PluginError(f"{PURGECSS} is missing: run `make site`, which installs it (npm ci)")
    styles = site_dir / "assets" / "stylesheets"
    scripts = site_dir / "assets" / "javascripts"
    themes = sorted(styles.glob("main.*.min.css"))
    content = [*sorted(site_dir.rglob("*.html")), *sorted(scripts.glob("*.js"))]
    css = "".join(theme.read_text(encoding="utf-8") for theme in themes)
    purgecss_version = (purgecss.parent.parent / "package.json").read_bytes()
    kept = root / ".cache" / "purgecss" / cache.key(purgecss_version, css, " ".join(sorted(seen_words(css, content))))
    if not all(cache.valid(kept / theme.name) for theme in themes):  # a damaged result is made again
        _purge(purgecss, themes, site_dir, scripts, kept)
        for theme in themes:
            cache.seal(kept / theme.name)
    for theme in themes:
        shutil.copyfile(kept / theme.name, theme)
    own = styles / "pana-print.css"
    own.write_text(compress(own.read_text(encoding="utf-8")), encoding="utf-8")


# PurgeCSS's default extractor: the words it finds in a page are all it knows of it
WORD = re.compile(r"[A-Za-z0-9_-]+")
# values of attribute selectors matched by prefix, suffix or substring ([href^="http"])
PARTIAL_VALUE = re.compile(r"\[[^\]=]*[\^$*~|]=\s*[\"']?([^\"'\]]+)")
# what stands before a `{`: selectors and at-rules, not declarations
SELECTORS = re.compile(r"(?:(?<=[{}])|^)([^{}]*)\{")  # starts only after a brace: linear time


def seen_words(css: str, content: list[Path]) -> set[str]:
    """The words of `content` that can keep a rule of `css`: PurgeCSS's result depends on no other.

    A rule is kept when the words of its selector are among the content's words,
    or, for an attribute matched in part, when a word holds that part.
    """
    selectors = " ".join(SELECTORS.findall(css))
    in_css = set(WORD.findall(selectors))
    partial = set(PARTIAL_VALUE.findall(selectors))
    words = set()
    for file in content:
        words.update(WORD.findall(file.read_text(encoding="utf-8")))
    return {word for word in words if word in in_css or any(part in word for part in partial)}


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
