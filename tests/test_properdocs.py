"""ProperDocs, the exit from MkDocs, builds the same site: every file byte-identical but for
the differences tools/compare_builds.py lists with their reasons."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from tools import compare_builds


def test_properdocs_builds_the_site_mkdocs_builds(site, built_project, tmp_path):
    python = compare_builds.PROPERDOCS
    if not python.exists():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"{python.parent.parent.name} is missing: `make test` or `make properdocs` makes it"
        )
    assert not compare_builds.has_mkdocs(python), "the ProperDocs build must not be able to use MkDocs"
    same_day = compare_builds.build_day(site)
    project = shutil.copytree(built_project, tmp_path / "project", symlinks=True)  # the shared one is only read
    result = compare_builds.build(python, "properdocs", project, tmp_path / "site", SOURCE_DATE_EPOCH=same_day)
    assert result.returncode == 0, result.stderr
    _, unexplained = compare_builds.compare(site, tmp_path / "site")
    assert unexplained == [] and len(compare_builds.files(site)) > 100


def test_a_difference_is_named_unless_it_is_listed_with_its_reason(tmp_path):
    first, second = tmp_path / "mkdocs", tmp_path / "properdocs"
    for site, generator in ((first, "mkdocs-1.6.1"), (second, "ProperDocs 1.6.7")):
        (site / "guide").mkdir(parents=True)
        (site / "guide" / "index.html").write_text(f'<meta name="generator" content="{generator}"><p>Step 1</p>')
        (site / "same.css").write_text("p{}")
    (second / "extra.js").write_text("")
    known = [(re.compile(rb'<meta name="generator" content="[^"]*">'), "each names itself")]

    explained, unexplained = compare_builds.compare(first, second)
    assert explained == []
    assert [line.split(":")[0] for line in unexplained] == ["extra.js", "guide/index.html"]
    assert "mkdocs-1.6.1" in unexplained[1] and "ProperDocs 1.6.7" in unexplained[1]

    explained, unexplained = compare_builds.compare(first, second, known)
    assert explained == ["guide/index.html: each names itself"]
    assert unexplained == [f"extra.js: only in {second}"]
