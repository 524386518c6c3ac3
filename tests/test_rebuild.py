"""`make serve` rebuilds only the pages an edit changed, and the site it serves equals a clean build's."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
TITLE = (
    "content/en/about.md",
    "# Sources and about",
    "# Who we are, sources",
)  # the About page's title, in every page's menu
FACT = ("data/procedure.yml", "amount: 30, unit: calendar_days", "amount: 31, unit: calendar_days")
PROSE = ("content/ru/guide.md", "Возьмите документы, которые у вас есть.", "Возьмите все документы, какие у вас есть.")


def serve_builds(project: Path, site: Path, *args: str) -> list[list[str]]:
    """tests/serve_builds.py: the builds `mkdocs serve` makes; the HTML files each rebuild wrote."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "serve_builds.py"), str(project), str(site), *args],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    return json.loads(result.stdout.splitlines()[-1])


def differences(left: Path, right: Path) -> list[str]:
    """Files only in one folder or different in the two, recursively."""
    found, folders = [], [filecmp.dircmp(left, right)]
    while folders:
        compared = folders.pop()
        found += [f"only in one: {name}" for name in compared.left_only + compared.right_only]
        _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
        found += [f"differs: {Path(compared.left, name)}" for name in mismatch + errors]
        folders += compared.subdirs.values()
    return found


def test_a_rebuild_makes_only_the_changed_pages_and_the_site_equals_a_clean_build(built_project, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_project / ".cache", project / ".cache")  # no PDF drawn again from scratch
    fast = tmp_path / "fast"
    edits = [item for edit in (TITLE, FACT, PROSE) for item in ("--edit", *edit)]
    title, fact, prose = serve_builds(project, fast, "--dirty", *edits)

    pages = sorted(str(path.relative_to(fast)) for path in fast.rglob("index.html"))
    assert set(pages) <= set(title)  # a title is in every page's menu: every page made again
    assert "guide/index.html" in fact and "calculator/index.html" in fact  # pages that state the deadline
    assert "about/index.html" not in fact and "ru/glossary/index.html" not in fact  # pages that do not
    assert [page for page in prose if page.endswith("index.html")] == ["ru/guide/index.html"]

    clean = tmp_path / "clean"
    serve_builds(project, clean)  # the edited project, built at once, as `mkdocs serve` without --dirty
    assert differences(fast, clean) == []
