"""Bad data stops the build before anything is written, naming file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build
from pana.facts.data import DataError, load_facts


def line_of(file: Path, text: str) -> int:
    """1-based line of the first line containing `text`."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {file}")


def replace_once(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


FIRST_STEP_DEADLINE = "deadline: {amount: 5, unit: calendar_days, from: arrival}"


def yaml_syntax_error(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, "  - id: register\n", "  - id: register\n    title: [unclosed\n")
    return "data/procedure.yml", line_of(file, "title: [unclosed") + 1, "not valid YAML"


def tab_indentation(project: Path):
    file = project / "data/routes.yml"
    replace_once(file, "    body: border-service", "\tbody: border-service")
    return "data/routes.yml", line_of(file, "\tbody: border-service"), "a tab character is not allowed"


def duplicate_key(project: Path):
    file = project / "data/sources.yml"
    replace_once(file, "    updated: 2022-09-21\n", "    updated: 2022-09-21\n    updated: 2022-09-22\n")
    return "data/sources.yml", line_of(file, "updated: 2022-09-22"), "sources[0].updated: duplicate key 'updated'"


def missing_kazakh(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, "      kk: Жазбаша өтініш беріңіз\n", "")
    return (
        "data/procedure.yml",
        line_of(file, "      en: Apply in writing") - 1,
        "steps[0].title.kk: the kk translation is missing",
    )


def empty_russian(project: Path):
    file = project / "data/glossary.yml"
    replace_once(file, "      ru: беженец\n", "      ru: ''\n")
    return "data/glossary.yml", line_of(file, "      ru: ''"), "terms[1].name.ru: is empty"


def unknown_unit(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, FIRST_STEP_DEADLINE, FIRST_STEP_DEADLINE.replace("calendar_days", "workdays"))
    return (
        "data/procedure.yml",
        line_of(file, "unit: workdays"),
        "steps[0].deadline.unit: 'workdays' is not one of calendar_days, working_days, hours, months or years",
    )


def zero_amount(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, FIRST_STEP_DEADLINE, FIRST_STEP_DEADLINE.replace("amount: 5", "amount: 0"))
    return "data/procedure.yml", line_of(file, "amount: 0"), "steps[0].deadline.amount: must be greater than 0"


def unknown_source(project: Path):
    file = project / "data/routes.yml"
    replace_once(file, "    source: unhcr-help\n", "    source: unhcr-helpp\n")
    return "data/routes.yml", line_of(file, "source: unhcr-helpp"), "routes[0].source: unknown source 'unhcr-helpp'"


def unknown_event(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, FIRST_STEP_DEADLINE, FIRST_STEP_DEADLINE.replace("from: arrival", "from: arival"))
    return "data/procedure.yml", line_of(file, "from: arival"), "steps[0].deadline.from: unknown event 'arival'"


def misspelt_field(project: Path):
    file = project / "data/procedure.yml"
    replace_once(file, "    happens:\n", "    hapens:\n")
    return "data/procedure.yml", line_of(file, "hapens:"), "steps[0].hapens: unknown field 'hapens'"


def not_a_date(project: Path):
    file = project / "data/sources.yml"
    replace_once(file, "    checked: 2026-11-22\n", "    checked: yesterday\n")
    return "data/sources.yml", line_of(file, "checked: yesterday"), "sources[0].checked:"


def unknown_checklist_route(project: Path):
    file = project / "data/checklists.yml"
    replace_once(file, "      - route: no-checkpoint\n", "      - route: no-check-point\n")
    return (
        "data/checklists.yml",
        line_of(file, "route: no-check-point"),
        "checklists[0].sections[1].route: unknown route 'no-check-point'",
    )


def undefined_placeholder(project: Path):
    file = project / "content/kk/guide.md"
    replace_once(file, "## Қадамдар\n", "## Қадамдар\n\n{{ deadlin(step('apply')) }}\n")
    return "content/kk/guide.md", line_of(file, "deadlin("), "deadlin: 'deadlin' is undefined"


def page_missing_in_one_language(project: Path):
    (project / "content/ru/guide.md").unlink()
    return "content/ru/guide.md", 1, "page missing in this language"


def raw_html_in_text(project: Path):
    file = project / "data/glossary.yml"
    replace_once(file, "      en: refugee\n", "      en: refugee <script>alert(1)</script>\n")
    return "data/glossary.yml", line_of(file, "<script>"), "terms[1].name.en: contains raw HTML"


def script_link_in_text(project: Path):
    file = project / "data/routes.yml"
    replace_once(
        file, "Say that you are asking for asylum.", "Say that you are asking for [asylum](javascript:alert(1))."
    )
    return "data/routes.yml", line_of(file, "javascript:"), "routes[0].where.en: contains a link that is not https://"


def source_url_not_http(project: Path):
    file = project / "data/sources.yml"
    replace_once(
        file, "    url: https://egov.kz/cms/en/articles/refugee_status\n", "    url: ftp://egov.kz/refugee_status\n"
    )
    return "data/sources.yml", line_of(file, "ftp://"), "sources[0].url:"


def text_in_unknown_language(project: Path):
    file = project / "data/procedure.yml"
    replace_once(
        file, "      kk: Жазбаша өтініш беріңіз\n", "      kk: Жазбаша өтініш беріңіз\n      uz: Yozma ariza bering\n"
    )
    return (
        "data/procedure.yml",
        line_of(file, "      uz: Yozma"),
        "steps[0].title.uz: 'uz' is not a language of languages.yml",
    )


def pair_in_unknown_language(project: Path):
    file = project / "data/checklists.yml"
    replace_once(file, "  - [en, kk]\n", "  - [en, uz]\n")
    return (
        "data/checklists.yml",
        line_of(file, "[en, uz]"),
        "bilingual[1][1]: unknown language 'uz' (known: en, kk, ru)",
    )


def counting_rule_without_source(project: Path):
    file = project / "data/counting.yml"
    replace_once(file, "  - id: hours\n    advice: true\n", "  - id: hours\n")
    return (
        "data/counting.yml",
        line_of(file, "  - id: hours"),
        "rules[3]: a counting rule needs sources (ids in sources.yml); if no source states it, write `advice: true`",
    )


def deadline_written_twice(project: Path):
    file = project / "data/routes.yml"
    replace_once(file, "    same_deadline_as: apply\n", f"    {FIRST_STEP_DEADLINE}\n")
    return (
        "data/routes.yml",
        line_of(file, FIRST_STEP_DEADLINE),
        "routes[2]: states the same deadline from the same source as procedure.yml:steps[0]",
    )


def deadline_from_a_later_step(project: Path):
    file = project / "data/procedure.yml"
    old = "deadline: {amount: 3, unit: calendar_days, from: application}"
    replace_once(file, old, old.replace("from: application", "from: interview"))
    return (
        "data/procedure.yml",
        line_of(file, old.replace("from: application", "from: interview")),
        "steps[4].deadline.from: 'interview' is the end of a step that comes at or after this one",
    )


RU_GENITIVE_DAYS = (
    "genitive: {one: календарного дня, few: календарных дней, many: календарных дней, other: календарного дня}"
)
KK_YEARS = "nominative: {one: жыл, other: жыл}"


def missing_plural_form(project: Path):
    file = project / "data/grammar.yml"
    replace_once(file, RU_GENITIVE_DAYS, RU_GENITIVE_DAYS.replace(" many: календарных дней,", ""))
    return (
        "data/grammar.yml",
        line_of(file, "genitive: {one: календарного дня, few: календарных дней, other"),
        "languages.ru.nouns.calendar_days.genitive: the plural category 'many' is missing; "
        "ru has one, few, many, other (Babel's rules for ru)",
    )


def plural_category_the_language_lacks(project: Path):
    file = project / "data/grammar.yml"
    replace_once(file, KK_YEARS, "nominative: {one: жыл, few: жылдар, other: жыл}")
    return (
        "data/grammar.yml",
        line_of(file, "few: жылдар"),
        "languages.kk.nouns.years.nominative.few: 'few' is not a plural category of the language; kk has one, other",
    )


def wrong_case_name(project: Path):
    file = project / "data/grammar.yml"
    replace_once(file, "        genitive: {one: часа,", "        genitiv: {one: часа,")
    return (
        "data/grammar.yml",
        line_of(file, "genitiv: {one: часа,"),
        "languages.ru.nouns.hours.genitiv: 'genitiv' is not a case any phrase uses (they use accusative, genitive)",
    )


BAD_INPUTS = [
    yaml_syntax_error,
    tab_indentation,
    duplicate_key,
    missing_kazakh,
    empty_russian,
    unknown_unit,
    zero_amount,
    unknown_source,
    unknown_event,
    misspelt_field,
    not_a_date,
    unknown_checklist_route,
    undefined_placeholder,
    page_missing_in_one_language,
    raw_html_in_text,
    script_link_in_text,
    source_url_not_http,
    text_in_unknown_language,
    pair_in_unknown_language,
    counting_rule_without_source,
    deadline_written_twice,
    deadline_from_a_later_step,
    missing_plural_form,
    plural_category_the_language_lacks,
    wrong_case_name,
]


@pytest.mark.parametrize("break_it", BAD_INPUTS, ids=lambda f: f.__name__)
def test_bad_input_stops_the_build_and_names_file_line_field(warm_project, tmp_path, break_it):
    file, line, message = break_it(warm_project)
    site_dir = tmp_path / "out"
    result = build(warm_project, site_dir)
    assert result.returncode != 0
    assert f"{file}:{line}: {message}" in result.stderr, result.stderr
    assert not site_dir.exists(), "a failed build must write nothing"


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            KK_YEARS,
            "nominative: {one: жыл, fiew: жыл, other: жыл}",
            "languages.kk.nouns.years.nominative.fiew: 'fiew' is not one of zero, one, two, few, many or other",
        ),
        (
            "within: {case: genitive,",
            "within: {case: genitiv,",
            "languages.ru.phrases.within.case: 'genitiv' is not a case of the nouns (they have accusative, genitive)",
        ),
        (
            "one_day: {accusative: одни сутки, genitive: одних суток}",
            "one_day: {accusative: одни сутки}",
            "languages.ru.one_day: the genitive case is missing",
        ),
        (
            "      years:\n        accusative:",
            "      yers:\n        accusative:",
            "languages.ru.nouns.yers: 'yers' is not one of calendar_days",
        ),
        ("  kk:\n", "  kz:\n", "languages.kz: 'kz' is not a language of languages.yml"),
        (
            '"за {amount} {noun}"',
            '"за {amount} {noun.__class__}"',
            "languages.ru.phrases.ahead.text: 'за {amount} {noun.__class__}' must contain {amount} and {noun} once each",
        ),
        (
            '"{amount} {noun} бұрын"',
            '"{amount} бұрын"',
            "languages.kk.phrases.ahead.text: '{amount} бұрын' must contain {amount} and {noun}",
        ),
    ],
    ids=[
        "not a plural category",
        "case of a phrase",
        "case of one_day",
        "unknown unit",
        "unknown language",
        "format string",
        "no noun",
    ],
)
def test_grammar_problems_are_named_with_file_and_line(tmp_path, old, new, expected):
    """Loading alone (as `make check` does); the three above also go through a build."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    file = tmp_path / "data/grammar.yml"
    replace_once(file, old, new)
    with pytest.raises(DataError) as caught:
        load_facts(tmp_path / "data")
    line = line_of(file, new.split("\n")[0])
    assert f"data/grammar.yml:{line}: {expected}" in str(caught.value)


def test_a_locale_babel_does_not_know_is_named(tmp_path):
    """Babel's plural rules pick each language's forms: an unknown locale stops at its line, not in a traceback."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    file = tmp_path / "data/languages.yml"
    replace_once(
        file,
        "    review: not_reviewed\n    script: cyrillic\n    letters:",
        "    review: not_reviewed\n    locale: kz\n    script: cyrillic\n    letters:",
    )
    with pytest.raises(DataError) as caught:
        load_facts(tmp_path / "data")
    line = line_of(file, "locale: kz")
    assert f"data/languages.yml:{line}: languages.kk.locale: Babel does not know the locale 'kz'" in str(caught.value)


def test_every_problem_is_reported_at_once(project):
    unknown_unit(project)
    unknown_source(project)
    missing_kazakh(project)
    with pytest.raises(DataError) as caught:
        load_facts(project / "data")
    files = {p.file for p in caught.value.problems}
    assert files == {"data/procedure.yml", "data/routes.yml"}
    assert len(caught.value.problems) >= 3


def test_languages_of_the_data_and_of_mkdocs_yml_must_agree(warm_project, tmp_path):
    replace_once(
        warm_project / "mkdocs.yml", "name: Қазақша\n          build: true", "name: Қазақша\n          build: false"
    )
    result = build(warm_project, tmp_path / "out")
    assert result.returncode != 0
    assert "mkdocs.yml builds the languages en, ru, but data/languages.yml lists en, ru, kk" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "link", ["[the guide](nowhere.md)", "[a step](guide.md#step-aply)"], ids=["dead page", "dead anchor"]
)
def test_a_dead_link_or_anchor_fails_the_build(warm_project, tmp_path, link):
    """Strict mode counts the warning: the build must not run with --quiet, which hides it."""
    file = warm_project / "content/en/family.md"
    file.write_text(file.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    result = build(warm_project, tmp_path / "out")
    assert result.returncode != 0
    assert "family.md" in result.stderr and ("nowhere.md" in result.stderr or "step-aply" in result.stderr)
