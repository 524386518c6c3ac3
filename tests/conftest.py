"""Shared fixtures: a copy of the project in tmp_path, and the real site built once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pana.data import DataError, load_facts

from tools.browser import ARGS as CHROMIUM_ARGS
from tools.browser import chromium_path, missing
from tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ru", "kk")


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """Stop before collecting when the repository's data has errors, listing each once: many test modules read
    the data when imported, and each would repeat the same error among pytest's collection errors."""
    try:
        load_facts(ROOT / "data")
    except DataError as error:
        raise pytest.UsageError(
            f"the data has errors; fix them first (`make check` lists them too):\n{error}"
        ) from None


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of `project` into `site_dir`, as `make site` does; its INFO
    lines, such as the PDF cache's counts, are in stderr (no --quiet: it turns strict mode off)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the repository with its offline copy built, as `make site` has it."""
    sys.path.insert(0, str(ROOT / "tools"))
    import offline

    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    offline.build(project)
    return project


@pytest.fixture(scope="session")
def site(built_project, tmp_path_factory) -> Path:
    """The real site, built once from the repository's own files, as `make site` builds it."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build(built_project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def page_path(site: Path, language: str, page: str) -> Path:
    """The HTML file of `page` ('' for home, 'guide' …) in `language`."""
    folder = site if language == "en" else site / language
    return folder / page / "index.html" if page else folder / "index.html"


@pytest.fixture(scope="session")
def served_site(site):
    """The built site served over HTTP on a free local port; yields its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's package, found as tools/browser.py says), driven by Playwright.
    Without one, the browser tests are skipped with the reason, except in CI, where they fail."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"no browser: {missing()}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page at phone width; tests may resize it."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    tab = context.new_page()
    yield tab
    context.close()
