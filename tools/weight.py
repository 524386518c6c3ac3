"""`make weight`: what each page costs a reader on mobile data, in gzip bytes.

Each page of each language is opened in headless Chromium from the built site
(site/); every file the browser asks for (HTML, CSS, JS, search data, images)
is counted at its gzip size. A repeat visit to another page downloads only that
page's HTML: the rest is in the browser's cache.
Then what a reader meets on a phone (tools/reader.py): the guide's height in screens,
and where the words readers type into search lead.
Usage: python tools/weight.py [SITE_DIR] [--json FILE]
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reader  # noqa: E402
from browser import ARGS, chromium_path, missing  # noqa: E402

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=9, mtime=0))


def local_file(site: Path, base: str, url: str) -> Path:
    path = site / url.removeprefix(base).split("#")[0].split("?")[0]
    return path / "index.html" if path.is_dir() else path


def pages(site: Path) -> list[str]:
    return sorted(
        "" if p.parent == site else f"{p.parent.relative_to(site).as_posix()}/" for p in site.rglob("index.html")
    )


@contextlib.contextmanager
def serving(site: Path):
    """The built site on a free local port, as GitHub Pages would serve it (text gzipped when the
    browser accepts it, so the bytes on the wire are those a reader pays for); yields its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            file = Path(self.translate_path(self.path))
            file = file / "index.html" if self.path.split("?")[0].endswith("/") else file
            if file.suffix not in TEXT or not file.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
                return super().do_GET()
            body = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def measure(site: Path, only: list[str] | None = None, browser=None) -> list[dict]:
    """Rows of gzip bytes per page; `browser` is a running Playwright Chromium, or one is started."""
    if browser is None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=chromium_path() or sys.exit(missing()), args=ARGS)
            try:
                return measure(site, only, chromium)
            finally:
                chromium.close()

    rows = []
    with serving(site) as base:
        for path in only or pages(site):
            tab = browser.new_page()
            urls: list[str] = []
            tab.on("response", lambda response, urls=urls: urls.append(response.url))
            # the load event first: the scripts at the end of a page are asked for only when the parser gets
            # there (the <meta> policy stops the preload scanner), which on a busy machine can come after
            # half a second of no network, when Playwright's "networkidle" alone would already have fired
            tab.goto(base + path, wait_until="load")
            tab.wait_for_load_state("networkidle")
            files = {url: gzip_size(local_file(site, base, url)) for url in urls if url.startswith(base)}
            kinds = {"html": 0, "css": 0, "js": 0, "search": 0, "other": 0}
            for url, size in files.items():
                kind = (
                    "search"
                    if "search_index" in url or "/workers/" in url or "/lunr/" in url
                    else url.rsplit(".", 1)[-1]
                )
                kinds[kind if kind in kinds else ("html" if url.endswith("/") else "other")] += size
            language = path.split("/")[0] if path.startswith(("ru/", "kk/")) else "en"
            rows.append(
                {
                    "page": path or "(home)",
                    "language": language,
                    **kinds,
                    "first": sum(files.values()),
                    "repeat": kinds["html"],
                }
            )
            tab.close()
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| page | HTML | CSS | JS | search | other | first visit | repeat visit |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['html']:,} | {r['css']:,} | {r['js']:,} | {r['search']:,} | {r['other']:,} | **{r['first']:,}** | {r['repeat']:,} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("site")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path() or sys.exit(missing()), args=ARGS)
        rows = measure(site, browser=chromium)
        print("gzip bytes a reader downloads (first visit: empty cache; repeat: another page after one visit)\n")
        print(table(rows))
        with serving(site) as base:
            print("\n" + reader.report(base, chromium))
        chromium.close()
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
