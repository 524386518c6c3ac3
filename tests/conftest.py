"""Shared fixtures: a copy of the project in tmp_path, and the real site built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "data", "content", "hooks", "overrides")
LANGUAGES = ("en", "ru", "kk")


def copy_project(target: Path) -> Path:
    """Copy what a build needs into `target`, so a test may change it freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of `project` into `site_dir`, as `make site` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once from the repository's own files."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def page_path(site: Path, language: str, page: str) -> Path:
    """The HTML file of `page` ('' for home, 'guide' …) in `language`."""
    folder = site if language == "en" else site / language
    return folder / page / "index.html" if page else folder / "index.html"
