"""PO exchange: `make po` / `make po-import` carry translations out and back, YAML staying the one copy."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from pana.facts.data import load_facts
from pana.facts.translations import data_texts, status
from pana.po import export, import_po, splice
from test_bad_data import replace_once

STEP_YOU = "procedure.yml:steps[questionnaire].you"
QUOTED = "checklists.yml:checklists[first-days].sections[4].items[1].text"  # its ru and kk are in "…"
FLOW = "offices.yml:offices[employment-astana].city"  # {en: Astana, ru: Астана, kk: Астана}


def data_bytes(project: Path) -> dict[str, bytes]:
    return {file.name: file.read_bytes() for file in sorted((project / "data").iterdir())}


def edit_po(file: Path, strings: dict[str, str], unfuzzy: bool = True) -> dict[str, int]:
    """Change msgstrs as a translator's tool would (clearing `fuzzy` on each, as Poedit does);
    return the line of each edited entry in the rewritten file."""
    books = read_po(io.BytesIO(file.read_bytes()))
    for message in books:
        if message.context in strings:
            message.string = strings[message.context]
            if unfuzzy:
                message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, books, width=0)
    file.write_bytes(buffer.getvalue())
    return {m.context: m.lineno for m in read_po(io.BytesIO(buffer.getvalue())) if m.context in strings}


def run_po(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "pana.po", "--root", str(project), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_po_writes_every_data_text_of_each_language_with_its_key_line_and_source(project):
    assert run_po(project, "export").returncode == 0
    facts = load_facts(project / "data")
    texts = data_texts(facts)
    for language in ("ru", "kk"):
        books = read_po(io.BytesIO((project / "po" / f"{language}.po").read_bytes()))
        assert str(books.locale) == language
        assert "not yet reviewed by a native-speaking lawyer" in books.language_team
        entries = {message.context: message for message in books if message.context}
        assert set(entries) == set(texts)
        you = entries[STEP_YOU]
        assert you.id == facts.steps[4].you["en"] and you.string == facts.steps[4].you[language]
        line = facts.located["procedure.yml"].line_of(("steps", 4, "you", language))
        assert you.locations == [("data/procedure.yml", line)]
        assert (project / "data/procedure.yml").read_text().splitlines()[line - 1].strip().startswith(f"{language}:")
        assert any("egov.kz" in comment for comment in you.auto_comments)
        assert not you.fuzzy
    replace_once(
        project / "data/languages.yml",
        "    review: not_reviewed\n    script: cyrillic\n    letters",
        "    review: reviewed\n    reviewer: A. Lawyer\n    script: cyrillic\n    letters",
    )
    export(project, project / "po")
    kk = read_po(io.BytesIO((project / "po/kk.po").read_bytes()))
    assert kk.language_team == "Қазақша: reviewed by a native-speaking lawyer (A. Lawyer) (data/languages.yml)"
    name = next(m for m in kk if m.context == "glossary.yml:terms[commission].name")
    assert "the kk name is not yet checked against an official source" in name.auto_comments


def test_gnu_msgfmt_which_poedit_runs_on_save_accepts_the_files(project):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed (apt-get install gettext)")
    replace_once(project / "data/procedure.yml", "      en: Questionnaire\n", "      en: The questionnaire\n")
    export(project, project / "po")  # with a fuzzy entry, and strings.yml's {for} and {count}
    for language in ("ru", "kk"):
        checked = subprocess.run(
            [msgfmt, "--check", "-o", os.devnull, project / "po" / f"{language}.po"], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_a_round_trip_without_edits_changes_no_byte(project):
    before = data_bytes(project)
    export(project, project / "po")
    said, problems = import_po(project, sorted((project / "po").glob("*.po")))
    assert problems == [] and said == []
    assert data_bytes(project) == before


def test_a_translators_edit_lands_in_its_field_and_nowhere_else(project):
    export(project, project / "po")
    before = data_bytes(project)
    new = "Шынын ғана айтыңыз. Жалған мәлімет — бас тартуға негіз."
    lines = edit_po(project / "po/kk.po", {STEP_YOU: new})
    said, problems = import_po(project, [project / "po/kk.po"])
    assert problems == []
    facts = load_facts(project / "data")
    step = next(s for s in facts.steps if s.id == "questionnaire")
    assert step.you["kk"] == new
    assert said == [
        f"data/procedure.yml:{facts.located['procedure.yml'].line_of(('steps', 4, 'you', 'kk'))}: "
        f"steps[4].you.kk: translation updated from po/kk.po:{lines[STEP_YOU]}: {STEP_YOU}"
    ]
    after = data_bytes(project)
    assert {name for name in after if after[name] != before[name]} == {"procedure.yml"}
    old_lines = before["procedure.yml"].decode().splitlines()
    new_lines = after["procedure.yml"].decode().splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [("      kk: Шынын айтыңыз. Жалған мәлімет — бас тартуға негіз.", f"      kk: {new}")]


def test_quoted_multi_line_and_flow_texts_land_intact(project):
    export(project, project / "po")
    texts = {
        QUOTED: 'Возьмите «документы»: паспорт, "справку" и всё, что есть.\nБез документов ходатайство тоже примут: #1.',
        FLOW: "Астана, левый берег",
        STEP_YOU: "Отвечайте правдиво: ложные сведения — основание для отказа.",
    }
    edit_po(project / "po/ru.po", texts)
    _, problems = import_po(project, [project / "po/ru.po"])
    assert problems == []
    texts_now = data_texts(load_facts(project / "data"))
    for key, text in texts.items():
        assert texts_now[key][2]["ru"] == text
    offices = (project / "data/offices.yml").read_text(encoding="utf-8")
    assert "    city: {en: Astana, ru: 'Астана, левый берег', kk: Астана}\n" in offices
    assert "\n      ru: 'Отвечайте правдиво: ложные сведения — основание для отказа.'\n" in (
        project / "data/procedure.yml"
    ).read_text(encoding="utf-8")


def test_confirming_in_the_po_file_records_the_translation(project):
    replace_once(
        project / "data/procedure.yml",
        "      en: Answer truthfully. False information is a ground for refusal.\n",
        "      en: Answer truthfully. False or missing information is a ground for refusal.\n",
    )
    export(project, project / "po")
    kk = {m.context: m for m in read_po(io.BytesIO((project / "po/kk.po").read_bytes()))}
    assert kk[STEP_YOU].fuzzy and not kk[QUOTED].fuzzy
    edit_po(project / "po/kk.po", {STEP_YOU: "Шынын айтыңыз. Жалған немесе толық емес мәлімет — бас тартуға негіз."})
    edit_po(
        project / "po/ru.po",
        {STEP_YOU: "Отвечайте правдиво. Ложные или неполные сведения — основание для отказа."},
        unfuzzy=False,
    )
    said, problems = import_po(project, [project / "po/kk.po", project / "po/ru.po"])
    assert problems == []
    assert f"confirmed: {STEP_YOU} (kk)" in said
    report = status(load_facts(project / "data"), project / "data", project / "content")
    assert report.outdated == {"ru": [STEP_YOU], "kk": []}  # ru was left fuzzy: still to be checked


def test_every_problem_is_told_at_its_po_line_and_nothing_is_written(project):
    export(project, project / "po")
    before = data_bytes(project)
    lock = (project / "data/translations.lock.json").read_bytes()
    hostile = {
        STEP_YOU: "<script>alert(1)</script> Отвечайте правдиво.",
        QUOTED: "Возьмите [документы](javascript:alert(1)).",
        "procedure.yml:steps[apply].title": "Подайте {: onclick=alert(1) } ходатайство",
        FLOW: "Astana is written here in Latin letters instead",
    }
    lines = edit_po(project / "po/ru.po", hostile)
    text = (project / "po/ru.po").read_text(encoding="utf-8")
    text = text.replace('msgctxt "procedure.yml:steps[register].title"', 'msgctxt "procedure.yml:steps[no-such].title"')
    (project / "po/ru.po").write_text(text, encoding="utf-8")
    said, problems = import_po(project, [project / "po/ru.po"])
    assert said == []
    joined = "\n".join(problems)
    assert f"po/ru.po:{lines[STEP_YOU]}: {STEP_YOU}: contains raw HTML" in joined
    assert f"po/ru.po:{lines[QUOTED]}: {QUOTED}: contains a link that is not https://" in joined
    assert (
        f"po/ru.po:{lines['procedure.yml:steps[apply].title']}: procedure.yml:steps[apply].title: contains an attribute list"
        in joined
    )
    assert "msgctxt 'procedure.yml:steps[no-such].title' is no text of data/" in joined
    assert f"po/ru.po:{lines[FLOW]}: {FLOW}: is written mostly in letters other than cyrillic" in joined
    assert len(problems) == 5
    assert data_bytes(project) == before
    assert (project / "data/translations.lock.json").read_bytes() == lock


def test_a_short_latin_text_in_a_flow_mapping_passes_and_a_long_one_in_the_wrong_script_is_caught(project):
    export(project, project / "po")
    wrong = "This is an English sentence pasted into the Kazakh slot by mistake."
    lines = edit_po(project / "po/kk.po", {STEP_YOU: wrong})
    _, problems = import_po(project, [project / "po/kk.po"])
    assert problems == [
        f"po/kk.po:{lines[STEP_YOU]}: {STEP_YOU}: is written mostly in letters other than cyrillic; "
        "is it in the wrong language's slot?"
    ]


def test_a_placeholder_the_pages_cannot_fill_is_caught_as_make_check_catches_it(project):
    export(project, project / "po")
    edit_po(project / "po/ru.po", {"strings.yml:strings.validity": "срок действия — {evil}"})
    said, problems = import_po(project, [project / "po/ru.po"])
    assert said == [] and problems
    assert all(problem.endswith("unknown id 'evil' (after the import)") for problem in problems), problems
    assert "{count}" in (project / "data/strings.yml").read_text(encoding="utf-8")


def test_an_outdated_or_malformed_po_file_is_refused_with_its_line(project):
    export(project, project / "po")
    replace_once(project / "data/procedure.yml", "      en: Questionnaire\n", "      en: The questionnaire\n")
    edit_po(project / "po/kk.po", {"procedure.yml:steps[questionnaire].title": "Сауалнама парағы"})
    _, problems = import_po(project, [project / "po/kk.po"])
    assert len(problems) == 1 and "its English (msgid) is not the English of data/procedure.yml any more" in problems[0]
    broken = project / "po/ru.po"
    text = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    at = text.index('msgctxt "sources.yml:sources[gdp-2024].title"\n')  # 0-based; its msgid is on line at + 2
    text[at] = "msgstr unquoted text\n"  # Babel takes this line, but the entry has lost its msgctxt
    broken.write_text("".join(text), encoding="utf-8")
    _, problems = import_po(project, [broken])
    assert problems[0] == f"po/ru.po:{at + 2}: has no msgctxt, the key that says which text it is (run `make po` again)"
    text[at] = "this is not PO\n"
    broken.write_text("".join(text), encoding="utf-8")
    _, problems = import_po(project, [broken])
    assert problems[0].startswith(f"po/ru.po:{at + 1}: not a valid PO file")


def test_make_po_import_without_files_says_to_run_make_po_first(project):
    result = run_po(project, "import")
    assert result.returncode == 2 and "run `make po` first" in result.stderr


def test_every_real_translation_can_be_rewritten_in_place():
    """Each ru text of every data file, changed, is written back in its own style and read back right."""
    for file in sorted((ROOT / "data").glob("*.yml")):
        text = file.read_text(encoding="utf-8")
        value = yaml.safe_load(text)
        paths = list(_translations(value, (), "ru"))
        if paths:
            spliced = splice(text, {path: f"{_at(value, path)} (ред.: «x»)" for path in paths})
            assert len(spliced.splitlines()) == len(text.splitlines()), file.name


def _translations(value, path, language):
    if isinstance(value, dict):
        if "en" in value and isinstance(value.get(language), str):
            yield (*path, language)
        for key, child in value.items():
            yield from _translations(child, (*path, key), language)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _translations(child, (*path, index), language)


def _at(value, path):
    for part in path:
        value = value[part]
    return value


SAMPLE = """# a comment that stays
items:
  - id: one  # and this one
    title:
      en: Plain English
      ru: простой текст
      kk: 'в кавычках: да'
    city: {en: Almaty, ru: Алматы, kk: "Алматы"}
"""

TEXTS = st.text(
    alphabet=st.sampled_from(
        list("aбқ z09:#'\"\\,-{}[]&*!|>%@`?\n\t") + ["\u2028", "é", "\u0085", "—", "\x0b", "\x1c", "\xa0", "\U0001f600"]
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from([("title", "ru"), ("title", "kk"), ("city", "ru"), ("city", "kk")]),
    text=TEXTS,
)
def test_any_text_goes_through_po_and_into_its_yaml_scalar_intact(field, text):
    buffer = io.BytesIO()
    books = Catalog(locale="ru", fuzzy=False)
    books.add("English", text, context="key")
    write_po(buffer, books, width=0)
    carried = next(m for m in read_po(io.BytesIO(buffer.getvalue())) if m.context == "key").string
    assert carried == text
    path = ("items", 0, *field)
    spliced = splice(SAMPLE, {path: carried})
    expected = yaml.safe_load(SAMPLE)
    expected["items"][0][field[0]][field[1]] = text
    assert yaml.safe_load(spliced) == expected
    line = {("title", "ru"): 5, ("title", "kk"): 6}.get(field, 7)
    kept = [row for number, row in enumerate(SAMPLE.splitlines()) if number != line]
    assert [row for number, row in enumerate(spliced.splitlines()) if number != line] == kept
