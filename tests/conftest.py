"""Shared fixtures: a copy of the project in tmp_path, and the real site built once."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pana.facts.data import DataError, load_facts

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


def once_per_run(factory: pytest.TempPathFactory, name: str, make) -> Path:
    """The folder `make(folder)` fills, made once for the whole run: under pytest-xdist every worker
    has its own session, so the first to ask makes it under a file lock and the others wait for it
    and use the same folder; if making it failed, they fail with the same message, without trying again."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, shared by its workers
    folder, failed = root / name, root / f"{name}.failed"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        if not (root / f"{name}.done").exists():
            try:
                make(folder)
            except BaseException as error:
                failed.write_text(f"{name} could not be made: {error}", encoding="utf-8")
                raise
            (root / f"{name}.done").touch()
    return folder


def make_built_project(project: Path) -> None:
    """A copy of the project and its offline copy, as `make offline` builds it (its log kept, not printed)."""
    copy_project(project)
    command = [sys.executable, str(ROOT / "tools" / "offline.py"), str(project)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def make_site(site_dir: Path) -> None:
    result = build(site_dir.parent / "built-project", site_dir)
    assert result.returncode == 0, result.stderr
    (site_dir.parent / "site.sha256").write_text(tree_digest(site_dir), encoding="utf-8")


def built_project_and_site(factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return once_per_run(factory, "built-project", make_built_project), once_per_run(factory, "site", make_site)


SHARED = {"built_project", "site"}  # and every fixture that needs them: an item's fixturenames has them all
_early: list[threading.Thread] = []


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(items):
    """The tests that need the real site run last (sorted stably, so every xdist worker has the same order)."""
    items.sort(key=lambda item: bool(SHARED & set(item.fixturenames)))


def pytest_collection_finish(session):
    """Start building the real site as soon as the tests are collected, when one needs it: the tests that
    need none of it run meanwhile, instead of waiting with an idle core for the first one that does."""
    if any(SHARED & set(item.fixturenames) for item in session.items):
        factory = session.config._tmp_path_factory  # what the tmp_path_factory fixture returns
        factory.getbasetemp()  # made here, not in the thread at the same time as by a test

        def start() -> None:
            try:
                built_project_and_site(factory)
            except BaseException:  # kept in <name>.failed: the tests that need it fail with it
                pass

        _early.append(threading.Thread(target=start, daemon=True))
        _early[-1].start()


def pytest_sessionfinish():
    for thread in _early:  # an interrupted run leaves no build running behind it
        thread.join()


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the repository with its offline copy built, as `make site` has it; the tests read it."""
    return built_project_and_site(tmp_path_factory)[0]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once from the repository's own files, as `make site` builds it. The tests
    share it and only read it: each worker checks at its end that none has changed a byte of it."""
    site_dir = built_project_and_site(tmp_path_factory)[1]
    yield site_dir
    digest = (site_dir.parent / "site.sha256").read_text(encoding="utf-8")
    assert tree_digest(site_dir) == digest, "a test changed the shared site: copy it first"


def tree_digest(folder: Path) -> str:
    """One hash of every name and every byte under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def warm_project(tmp_path, built_project, site) -> Path:
    """A copy of the project with what the real site's build keeps in .cache/ (PDFs, the purged
    stylesheet, word forms, compiled templates) but not its memo of the whole build, so every page
    is made again: for tests of anything but a cold build, whose builds then take 5 s, not 25."""
    project = copy_project(tmp_path / "project")
    kept = built_project / ".cache"
    shutil.copytree(kept, project / ".cache", ignore=lambda folder, names: ["build"] if folder == str(kept) else [])
    return project


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
