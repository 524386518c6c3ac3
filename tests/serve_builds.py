"""Build a project as `mkdocs serve` does, once and then after each edit, in one process.

Usage: python tests/serve_builds.py PROJECT SITE_DIR [--dirty] [--edit FILE OLD NEW]...
MkDocs' own serve command calls the same build() with the same settings; this runs it
without a server so that a test can read the folder it writes. Prints, as JSON, the
HTML files each build after the first wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/pana/"


def written_since(site: Path, before: dict[str, int]) -> list[str]:
    return sorted(
        str(path.relative_to(site)) for path in site.rglob("*.html") if before.get(str(path)) != path.stat().st_mtime_ns
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--dirty", action="store_true")
    parser.add_argument("--edit", nargs=3, action="append", default=[], metavar=("FILE", "OLD", "NEW"))
    args = parser.parse_args()
    os.chdir(args.project)
    sys.argv = ["mkdocs", "serve"] + (["--dirty"] if args.dirty else [])  # static-i18n reads --dirty here

    def serve_build(first: bool = False) -> None:
        config = load_config(config_file=str(args.project / "mkdocs.yml"), site_dir=str(args.site))
        if first:
            config.plugins.on_startup(command="serve", dirty=args.dirty)
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=args.dirty)
        for thread in threading.enumerate():  # PDFs drawn after the pages (pana.printouts.pdf_cache)
            if thread.name == "pana-pdfs":
                thread.join()

    serve_build(first=True)
    written = []
    for file, old, new in args.edit:
        path = args.project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        before = {str(page): page.stat().st_mtime_ns for page in args.site.rglob("*.html")}
        serve_build()
        written.append(written_since(args.site, before))
    print(json.dumps(written))


if __name__ == "__main__":
    main()
