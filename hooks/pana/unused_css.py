"""Drop the theme's CSS that no page of the site uses.

The theme's stylesheet styles everything it can do (22.6 KB of gzip); Pana's pages use
about two thirds of it. PurgeCSS (from npm, see package.json) keeps every rule whose
classes, ids and attributes appear in the built HTML or in the theme's and Pana's
scripts, which add classes of their own, and drops the rest, with unused variables,
keyframes and font faces. Pana's own stylesheet is only compressed (csscompressor):
every rule in it is there for a reason. `mkdocs serve` skips all this: the preview need
not be light.
"""

from __future__ import annotations

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
    command = [
        "node",
        str(purgecss),
        "--css",
        *map(str, styles.glob("main.*.min.css")),
        "--content",
        f"{site_dir}/**/*.html",
        *map(str, scripts.glob("*.js")),
        "--variables",
        "--keyframes",
        "--font-face",
        "--output",
        str(styles),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise PluginError(f"PurgeCSS failed: {done.stderr.strip()}")
    own = styles / "pana-print.css"
    own.write_text(compress(own.read_text(encoding="utf-8")), encoding="utf-8")
