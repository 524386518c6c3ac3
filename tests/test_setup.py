"""How the tests start: the browser is found by one rule (tools/browser.py) for `make browser`, the tests and
`make weight`; without one, the browser tests are skipped with the reason, except in CI, where they fail.
A data error stops the run before collection and is shown once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from test_bad_data import replace_once

from tools.browser import chromium_path, missing
from tools.check_yaml import problems
from tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent


def executable(path: Path) -> Path:
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_chromium_is_the_variable_when_set_else_the_one_on_path(tmp_path, monkeypatch):
    on_path = executable(tmp_path / "chromium")
    chosen = executable(tmp_path / "my-chromium")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert chromium_path() == str(on_path)
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert chromium_path() == str(chosen)


def test_a_missing_browser_is_named_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert chromium_path() is None and "make browser" in missing()
    (tmp_path / "not-executable").write_text("", encoding="utf-8")
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "not-executable"))
    assert chromium_path() is None and f"CHROMIUM={tmp_path / 'not-executable'} is not an executable" in missing()


def make_browser(chromium: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHROMIUM": str(chromium)}
    return subprocess.run(["make", "-s", "browser"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_make_browser_follows_the_same_rule(tmp_path):
    assert make_browser(executable(tmp_path / "chromium")).returncode == 0
    refused = make_browser(tmp_path / "absent")
    assert refused.returncode != 0 and f"CHROMIUM={tmp_path / 'absent'} is not an executable" in refused.stderr


def run_browser_test(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    """Run one test that needs the `browser` fixture, with CHROMIUM pointing nowhere."""
    (tmp_path / "test_needs_browser.py").write_text(
        "from tests.conftest import browser  # noqa: F401\n\ndef test_opens(browser):\n    assert browser.version\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"CHROMIUM": str(tmp_path / "absent")}
    env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{ROOT / 'hooks'}"
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_browser_the_browser_tests_are_skipped_with_the_reason(tmp_path):
    result = run_browser_test(tmp_path, ci=False)
    assert result.returncode == 0 and "1 skipped" in result.stdout, result.stdout
    assert "SKIPPED" in result.stdout and "no browser: CHROMIUM=" in result.stdout


def test_in_ci_a_missing_browser_fails(tmp_path):
    result = run_browser_test(tmp_path, ci=True)
    assert result.returncode != 0 and "1 error" in result.stdout, result.stdout
    assert "no browser: CHROMIUM=" in result.stdout


def test_a_data_error_is_shown_once_before_collection(tmp_path):
    project = copy_project(tmp_path / "project")
    for part in ("tests", "tools"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    replace_once(project / "data/procedure.yml", "unit: calendar_days, from: arrival", "unit: workdays, from: arrival")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "ERROR: the data has errors" in result.stderr, output
    assert output.count("data/procedure.yml:") == 1 and "unit: 'workdays' is not one of" in output, output
    assert "ERROR collecting" not in output


def test_the_pre_commit_yaml_hook_passes_mkdocs_yml_and_refuses_a_duplicate_key(tmp_path):
    repo = tmp_path / "repo"
    for name in (".pre-commit-config.yaml", "mkdocs.yml", "tools/check_yaml.py", "hooks/pana/facts/yaml_lines.py"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / "twice.yml").write_text("a: 1\nb:\n  c: 2\n  c: 3\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}

    def hook(*files: str) -> subprocess.CompletedProcess:
        command = [str(ROOT / ".venv/bin/pre-commit"), "run", "check-yaml", "--files", *files]
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    assert hook("mkdocs.yml").returncode == 0
    refused = hook("mkdocs.yml", "twice.yml")
    assert refused.returncode == 1 and "twice.yml:4: duplicate key 'c' (first at line 3)" in refused.stdout
    assert "mkdocs.yml" not in refused.stdout.split("Failed", 1)[1]


def test_every_yaml_file_of_the_repository_passes_the_hook():
    tracked = subprocess.run(["git", "ls-files", "*.yml", "*.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert problems([str(ROOT / name) for name in tracked.stdout.split()]) == []
