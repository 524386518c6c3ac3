"""A build whose inputs have not changed reuses the last one's pages (pana.site.memo); any change is seen."""

from __future__ import annotations

from conftest import build, page_path
from test_bad_data import missing_kazakh, replace_once

UNCHANGED = "nothing the hooks read has changed"


def test_an_unchanged_rebuild_reuses_the_last_build_and_gives_the_same_pages(warm_project, tmp_path):
    first = build(warm_project, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    assert UNCHANGED not in first.stderr
    second = build(warm_project, tmp_path / "two")
    assert second.returncode == 0, second.stderr
    assert UNCHANGED in second.stderr
    for language in ("en", "ru", "kk"):
        one, two = (page_path(tmp_path / run, language, "guide").read_bytes() for run in ("one", "two"))
        assert one == two


def test_a_changed_byte_of_data_or_content_is_built_again(warm_project, tmp_path):
    assert build(warm_project, tmp_path / "one").returncode == 0
    replace_once(
        warm_project / "data" / "procedure.yml",
        "amount: 30, unit: calendar_days",
        "amount: 31, unit: calendar_days",
    )
    result = build(warm_project, tmp_path / "two")
    assert result.returncode == 0 and UNCHANGED not in result.stderr
    assert "within 31 calendar days" in page_path(tmp_path / "two", "en", "guide").read_text(encoding="utf-8")
    replace_once(warm_project / "content" / "kk" / "guide.md", "\n", "\n\n")
    assert UNCHANGED not in build(warm_project, tmp_path / "three").stderr


def test_a_failed_build_is_not_remembered(warm_project, tmp_path):
    assert build(warm_project, tmp_path / "one").returncode == 0
    text = (warm_project / "data" / "procedure.yml").read_text(encoding="utf-8")
    missing_kazakh(warm_project)
    assert build(warm_project, tmp_path / "two").returncode != 0
    assert build(warm_project, tmp_path / "three").returncode != 0  # still failing, nothing recalled
    (warm_project / "data" / "procedure.yml").write_text(text, encoding="utf-8")
    assert UNCHANGED in build(warm_project, tmp_path / "four").stderr
