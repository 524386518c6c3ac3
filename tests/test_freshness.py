"""Translation freshness by stable key: moving, adding or removing items flags nothing that did not change."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pana.facts.data import load_facts
from pana.facts.translations import LOCK, Status, english_texts, status
from test_bad_data import replace_once
from test_editors import run_check

NEW_STEP = """  - id: documents-copy
    title:
      en: Copies of documents
      ru: Копии документов
      kk: Құжат көшірмелері
    actor: employment-department
    owner: reader
    deadline: {amount: 2, unit: calendar_days, from: application}
    happens:
      en: You bring copies.
      ru: Вы приносите копии.
      kk: Көшірмелерді әкелесіз.
    you:
      en: Bring copies.
      ru: Принесите копии.
      kk: Көшірме әкеліңіз.
    source: egov-2022

"""

NEW_OFFICE = """
  - id: employment-karaganda
    kind: applications
    name:
      en: Department of Employment and Social Programs, Karaganda
      ru: Управление занятости и социальных программ, Караганда
      kk: Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы, Қарағанды
    body: employment-department
    city: {en: Karaganda, ru: Караганда, kk: Қарағанды}
    source: unhcr-help
"""


def outdated(project: Path) -> dict[str, list[str]]:
    return status(load_facts(project / "data"), project / "data", project / "content").outdated


def step_block(text: str, step: str) -> re.Match:
    match = re.search(rf"  - id: {step}\n.*?\n\n(?=  - id: |limits:)", text, re.S)
    assert match, step
    return match


def test_the_lock_knows_every_text_of_the_repository_by_its_stable_key(project):
    lock = json.loads((project / "data" / LOCK).read_text(encoding="utf-8"))
    texts = english_texts(load_facts(project / "data"), project / "content")
    assert set(lock) == set(texts)
    assert "procedure.yml:steps[questionnaire].title" in lock and "offices.yml:offices[employment-astana].name" in lock
    assert not any(re.search(r"steps\[\d", key) for key in lock)
    assert outdated(project) == {"ru": [], "kk": []}


def test_inserting_a_step_flags_nothing(project):
    file = project / "data/procedure.yml"
    replace_once(file, "  - id: questionnaire\n", NEW_STEP + "  - id: questionnaire\n")
    assert outdated(project) == {"ru": [], "kk": []}
    report = status(load_facts(project / "data"), project / "data", project / "content")
    assert "procedure.yml:steps[documents-copy].title" in report.new["kk"]


def test_swapping_two_steps_flags_nothing(project):
    file = project / "data/procedure.yml"
    text = file.read_text(encoding="utf-8")
    first, second = step_block(text, "no-documents"), step_block(text, "questionnaire")
    assert first.end() == second.start()
    file.write_text(text[: first.start()] + second[0] + first[0] + text[second.end() :], encoding="utf-8")
    assert [step.id for step in load_facts(project / "data").steps][3:5] == ["questionnaire", "no-documents"]
    assert outdated(project) == {"ru": [], "kk": []}


def test_removing_a_step_flags_nothing(project):
    file = project / "data/procedure.yml"
    text = file.read_text(encoding="utf-8")
    block = step_block(text, "fingerprints")
    file.write_text(text[: block.start()] + text[block.end() :], encoding="utf-8")
    checklists = project / "data/checklists.yml"
    checklists.write_text(checklists.read_text(encoding="utf-8").replace("            step: fingerprints\n", ""))
    assert "fingerprints" not in [step.id for step in load_facts(project / "data").steps]
    assert outdated(project) == {"ru": [], "kk": []}


def test_a_new_office_in_every_language_is_not_outdated_and_make_check_records_it(project):
    (project / "data/offices.yml").write_text(
        (project / "data/offices.yml").read_text(encoding="utf-8") + NEW_OFFICE, encoding="utf-8"
    )
    assert outdated(project) == {"ru": [], "kk": []}
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    assert "outdated" not in result.stdout
    assert "new text, recorded in data/translations.lock.json" in result.stdout
    assert "offices.yml:offices[employment-karaganda].name (kk)" in result.stdout
    lock = json.loads((project / "data" / LOCK).read_text(encoding="utf-8"))
    assert set(lock["offices.yml:offices[employment-karaganda].city"]) == {"ru", "kk"}
    # recorded now, so a later change of its English is caught
    replace_once(project / "data/offices.yml", "{en: Karaganda,", "{en: Karagandy,")
    assert outdated(project) == {
        language: ["offices.yml:offices[employment-karaganda].city"] for language in ("ru", "kk")
    }


def test_changing_one_english_text_flags_exactly_its_translations(project):
    replace_once(
        project / "data/procedure.yml",
        "      en: Answer truthfully. False information is a ground for refusal.\n",
        "      en: Answer truthfully. False or missing information is a ground for refusal.\n",
    )
    assert outdated(project) == {
        "ru": ["procedure.yml:steps[questionnaire].you"],
        "kk": ["procedure.yml:steps[questionnaire].you"],
    }


def test_confirm_without_keys_refuses_and_says_how(project):
    replace_once(project / "data/procedure.yml", "      en: Questionnaire\n", "      en: The questionnaire\n")
    lock = (project / "data" / LOCK).read_bytes()
    refused = run_check(project, "--confirm")
    assert refused.returncode == 2
    assert "KEYS=" in refused.stderr and "KEYS=all" in refused.stderr
    assert (project / "data" / LOCK).read_bytes() == lock
    assert run_check(project, "--confirm", "all").returncode == 0
    assert outdated(project) == {"ru": [], "kk": []}


def test_a_translated_page_with_fewer_sections_is_outdated(project):
    page = project / "content/kk/family.md"
    text = page.read_text(encoding="utf-8")
    last = text.rindex("\n## ")
    page.write_text(text[:last] + "\n", encoding="utf-8")
    assert outdated(project) == {"ru": [], "kk": ["content/family.md"]}


def test_percentages_never_round_a_missing_text_up():
    report = Status(total=414, outdated={"ru": ["one"], "kk": []}, new={"ru": [], "kk": []})
    assert report.percent_current("ru") == 99
    assert report.percent_current("kk") == 100
    assert Status(total=3, outdated={"ru": ["a", "b", "c"]}, new={}).percent_current("ru") == 0
