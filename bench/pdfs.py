"""How long the checklist PDFs take to make, cold (empty cache) and warm, and how big they are.

Run: .venv/bin/python bench/pdfs.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from pana.facts.data import load_facts  # noqa: E402
from pana.printouts import pdf_cache, printables  # noqa: E402


def main() -> None:
    facts = load_facts(ROOT / "data")
    site_url = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    with tempfile.TemporaryDirectory() as tmp:
        site, cache = Path(tmp) / "site", Path(tmp) / "cache"
        for run in ("cold", "warm"):
            start = time.perf_counter()
            printed = printables.draw_all(facts, site_url, cache)
            pdf_cache.copy_into(printed, site)
            seconds = time.perf_counter() - start
            print(f"{run}: {len(printed.rendered)} drawn, {len(printed.reused)} from cache, {seconds:.2f} s")
        sizes = sorted((path.stat().st_size, path.name) for path in (site / "pdf").glob("*.pdf"))
        for size, name in sizes:
            print(f"{size / 1024:6.1f} KiB  {name}")
        print(f"total {sum(s for s, _ in sizes) / 1024:.0f} KiB in {len(sizes)} files")


if __name__ == "__main__":
    main()
