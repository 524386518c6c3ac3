"""`mkdocs serve`: a failed rebuild shows its problems in the browser, and open pages reload on a save.

MkDocs 1.6's server, when a rebuild raises, holds every page request until a later
build succeeds: the editor's tab hangs and the error is only in the terminal. Here
the server's builder is wrapped: a failure is caught, the warnings and errors the
build logged are kept, and the build counts as done, so livereload reloads the open
tabs and every page of the site answers with one page listing the problems (escaped:
they quote editors' text). The next build that succeeds brings the pages back, and
livereload reloads the tabs again. `mkdocs build` is untouched: it still fails with
nothing written.

The server adds its livereload script to every page it serves, inline, after Pana's
Content Security Policy was written (pana.site.csp), which therefore blocked it: the pages
never reloaded. Each served page's policy now allows that one script by its hash.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from pathlib import Path

import mkdocs.utils
from markupsafe import escape

from pana.site import csp

log = logging.getLogger("mkdocs.hooks.pana")
PAGE = "pana-build-failed.html"  # written into the served folder, answered for every page while the build fails
# the server puts its script just before the page's last </body>; the script has no "<"
LIVERELOAD = re.compile(rb"<script>(?P<body>[^<]*\blivereload\([^<]*)</script></body>(?![\s\S]*</body>)")


class Problems(logging.Handler):
    """The warnings and errors logged while one build runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def page(messages: list[str], stopped: str) -> str:
    """The page shown instead of the site: each message's first line, and its further lines as a list."""
    items = []
    for message in messages:
        first, *rest = message.splitlines() or [""]
        details = "".join(f"<li><code>{escape(line)}</code></li>" for line in rest if line.strip())
        items.append(f"<li>{escape(first)}" + (f"<ul>{details}</ul>" if details else "") + "</li>")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Build failed: Pana</title>"
        "<style>body{font:1rem/1.5 sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}"
        "h1{color:#b00020}code{overflow-wrap:anywhere}li{margin:.3rem 0}</style></head>"
        "<body><main><h1>The site was not built</h1><p>Fix the first problem first, then save the file: "
        "this page reloads by itself, and shows the site again once it builds.</p>"
        f'<ul id="problems">{"".join(items)}</ul><p>MkDocs stopped: {escape(stopped)}</p></main></body></html>\n'
    )


def is_page(path: str, mount_path: str) -> bool:
    """Whether a request asks for a page of the site (answered by the failure page), not a file it loads."""
    return path.startswith(mount_path) and (path.endswith("/") or path.endswith(".html"))


def allow_livereload(html: bytes) -> bytes:
    """The page with the server's livereload script allowed by its hash in the page's policy."""
    script = LIVERELOAD.search(html)
    if not script:
        return html
    return csp.allow_script(html.decode("utf-8"), script["body"].decode("utf-8")).encode("utf-8")


class Preview:
    """Wraps a LiveReloadServer's builder and its WSGI app (see the module's docstring)."""

    def __init__(self, server, site_dir: Path) -> None:
        self.build = server.builder
        self.serve = server.get_app()
        self.mount_path = server.mount_path
        self.site_dir = site_dir
        # static-i18n replaces mkdocs' clean_directory while it builds the other languages, and leaves
        # its stand-in (which cleans nothing) when one of those builds fails: restored after a failure
        self.clean_directory = mkdocs.utils.clean_directory
        self.failed = False
        self.building = False
        self.changed = threading.Condition()
        server.builder = self.builder
        server.set_app(self.app)

    def builder(self, config=None) -> None:
        problems = Problems()
        logger = logging.getLogger("mkdocs")
        with self.changed:
            self.building = True
        logger.addHandler(problems)
        try:
            self.build(config)
            failed = False
        except Exception as error:  # noqa: BLE001 - any failure is shown; the server goes on
            mkdocs.utils.clean_directory = self.clean_directory
            if not problems.messages:  # not an error mkdocs reports itself: a fault in code, with its traceback
                traceback.print_exc()
                problems.messages.append(f"{type(error).__name__}: {error}")
            (self.site_dir / PAGE).write_text(page(problems.messages, str(error)), encoding="utf-8")
            log.error("the build failed: every page in the browser lists the problems until a build succeeds")
            failed = True
        finally:
            logger.removeHandler(problems)
        with self.changed:
            self.failed, self.building = failed, False
            self.changed.notify_all()

    def app(self, environ, start_response):
        with self.changed:  # the answer depends on how the build being made ends
            self.changed.wait_for(lambda: not self.building)
            failed = self.failed
        if failed and is_page(environ["PATH_INFO"], self.mount_path):
            environ = {**environ, "PATH_INFO": self.mount_path + PAGE}
        answer = []

        def hold(status, headers, exc_info=None):
            answer[:] = [status, headers, exc_info]
            return lambda data: None  # the write() of WSGI, which mkdocs' server does not use

        body = self.serve(environ, hold)
        status, headers, exc_info = answer
        if dict(headers).get("Content-Type", "").startswith("text/html"):
            html = allow_livereload(b"".join(body))
            if hasattr(body, "close"):
                body.close()
            body = [html]
            headers = [(name, str(len(html)) if name == "Content-Length" else value) for name, value in headers]
        start_response(status, headers, exc_info)
        return body


def serve_preview(server, site_dir: Path):
    """Set up `server` (mkdocs' LiveReloadServer) as the module's docstring says; return it, as on_serve must."""
    Preview(server, site_dir)
    return server
