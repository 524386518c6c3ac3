"""`make serve`: a build that fails lists its problems in the open tab, which comes back by itself once fixed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tools.project_copy import copy_project

HOSTILE_UNIT = "<img src=x onerror=alert(document.domain)>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(site, built_project, tmp_path):
    """`mkdocs serve --dirty --livereload`, as `make serve` runs it, on a copy of the project (its caches
    taken from the built site's project, so that no PDF is drawn again); yields the copy and its URL."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_project / ".cache", project / ".cache")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/pana/"
    try:
        end = time.monotonic() + 240
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < end, "mkdocs serve did not serve the site within 240 s"
            try:
                urllib.request.urlopen(url, timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_failed_build_lists_its_problems_in_the_tab_and_the_page_comes_back_when_fixed(served, page):
    project, url = served
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto(url + "guide/")
    expect(page).to_have_title("Step-by-step guide - Pana")

    data = project / "data" / "procedure.yml"
    original = data.read_text(encoding="utf-8")
    first_deadline = "deadline: {amount: 5, unit: calendar_days, from: arrival}"
    assert first_deadline in original
    broken = original.replace(first_deadline, f'deadline: {{amount: 0, unit: "{HOSTILE_UNIT}", from: arrival}}', 1)
    data.write_text(broken, encoding="utf-8")
    line = next(number for number, text in enumerate(broken.splitlines(), 1) if "amount: 0" in text)

    problems = page.locator("#problems code")  # the tab reloads by itself: nothing here reloads it
    expect(page.locator("h1")).to_have_text("The site was not built", timeout=60_000)
    expect(problems).to_have_text(
        [
            f"data/procedure.yml:{line}: steps[0].deadline.amount: must be greater than 0, not 0",
            f"data/procedure.yml:{line}: steps[0].deadline.unit: '{HOSTILE_UNIT}' is not one of "
            "calendar_days, working_days, hours, months or years",
        ]
    )
    assert page.locator("#problems img").count() == 0  # the editor's text is shown as text, never as markup
    other = page.context.new_page()  # every page of the site lists them, in every language
    other.goto(url + "kk/")
    expect(other.locator("#problems code")).to_have_count(2)
    other.close()

    data.write_text(original, encoding="utf-8")
    expect(page).to_have_title("Step-by-step guide - Pana", timeout=60_000)
    expect(page.locator("#problems")).to_have_count(0)
    assert page.url == url + "guide/"
    assert alerts == []


def test_a_page_reloads_by_itself_when_its_data_is_saved(served, page):
    """mkdocs' livereload script runs under the page's Content Security Policy."""
    project, url = served
    page.goto(url + "guide/")
    days = page.locator("#step-apply .pana-step__due")
    expect(days).to_have_text("Your deadline: within 5 calendar days")
    data = project / "data" / "procedure.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace("amount: 5, unit: calendar_days", "amount: 6, unit: calendar_days", 1), encoding="utf-8"
    )
    expect(days).to_have_text("Your deadline: within 6 calendar days", timeout=60_000)
