"""Load every data file once, check it, and hand out typed facts.

All problems in all files are collected before anything fails, so an editor
sees every mistake at once, each as `data/FILE.yml:LINE: field.path: message`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from babel import Locale, UnknownLocaleError
from pydantic import BaseModel, ValidationError

from pana.facts import models
from pana.facts.yaml_lines import Located, YamlProblem, load_located


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found; its text lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def field_path(path: tuple[Any, ...]) -> str:
    """('steps', 3, 'deadline', 'unit') -> 'steps[3].deadline.unit'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Facts:
    """The checked contents of data/, one model per file, with look-ups by id."""

    def __init__(self, files: dict[str, BaseModel], located: dict[str, Located]):
        self.files = files
        self.located = located
        self.sources = {s.id: s for s in files["sources.yml"].sources}
        self.terms = {t.id: t for t in files["glossary.yml"].terms}
        self.events = files["procedure.yml"].events
        self.steps = files["procedure.yml"].steps
        self.limits = files["procedure.yml"].limits
        self.notes = files["procedure.yml"].notes
        steps = {s.id: s for s in self.steps}
        # a route that shares a step's deadline gets it here, so every page reads route.deadline alike
        self.routes = [
            r.model_copy(update={"deadline": steps[r.same_deadline_as].deadline}) if r.same_deadline_as else r
            for r in files["routes.yml"].routes
        ]
        self.counting = files["counting.yml"]
        self.strings = files["strings.yml"].strings
        self.languages = files["languages.yml"].languages  # in order, the original first
        self.grammar = files["grammar.yml"].languages
        self.original = next(iter(self.languages))
        self.checklists = files["checklists.yml"]
        self.rights = files["rights.yml"].rights
        self.grounds = files["grounds.yml"].grounds
        self.offices = files["offices.yml"].offices
        self.statistics = files["statistics.yml"]
        self.detention = files["detention.yml"].facts
        self.search_words = files["search.yml"].pages

    def locale(self, language: str) -> str:
        """Babel's name for `language`: its dates, numbers and plural rules."""
        return self.languages[language].locale or language


def load_facts(data_dir: Path) -> Facts:
    """Read, validate and cross-check every file in models.FILES."""
    problems: list[Problem] = []
    files: dict[str, BaseModel] = {}
    located: dict[str, Located] = {}
    for name, model in models.FILES.items():
        shown = f"{data_dir.name}/{name}"
        file = data_dir / name
        if not file.exists():
            problems.append(Problem(shown, 1, "", "file is missing"))
            continue
        try:
            doc = load_located(file)
        except YamlProblem as error:
            problems.append(Problem(shown, error.line, field_path(error.path), error.message))
            continue
        located[name] = doc
        languages = files["languages.yml"].languages if "languages.yml" in files else None
        scripts = {code: (lang.script, lang.letters) for code, lang in (languages or {}).items() if lang.script}
        try:
            files[name] = model.model_validate(
                doc.value if doc.value is not None else {},
                context={"languages": list(languages) if languages else None, "scripts": scripts},
            )
        except ValidationError as error:
            problems.extend(_validation_problems(shown, doc, error))
    # references are checked even in files next to broken ones, so every problem shows at once;
    # not those into a file that could not be read, which would all be false alarms
    known = _known_ids(located)
    unread = {name for name in models.FILES if name not in located}
    problems.extend(_reference_problems(files, located, known, data_dir.name, unread))
    problems.extend(_unique_id_problems(files, located, data_dir.name))
    if "languages.yml" in files and "grammar.yml" in files:
        problems.extend(grammar_problems(files, located, data_dir.name))
    if not problems:
        problems.extend(deadline_problems(files, located, data_dir.name))
    if problems:
        raise DataError(problems)
    facts = Facts(files, located)
    return facts


def _validation_problems(shown: str, doc: Located, error: ValidationError) -> list[Problem]:
    found = []
    for item in error.errors():
        # pydantic adds the union member or validator name to some paths; keep real keys only
        path = tuple(
            p
            for p in item["loc"]
            if isinstance(p, int) or not (str(p).startswith(("function-", "date", "str")) or p == "[key]")
        )
        if item["type"] == "missing_translation":
            instead = item["ctx"].get("instead") or []
            for language in item["ctx"]["languages"]:
                message = f"the {language} translation is missing; add `{language}:` with the text in that language"
                if instead:
                    message += f" (there is `{instead[0]}:`, which is not a language of languages.yml: a misspelling?)"
                found.append(Problem(shown, doc.line_of(path), field_path((*path, language)), message))
        elif item["type"] == "wrong_script":
            language = item["ctx"]["language"]
            found.append(
                Problem(shown, doc.line_of((*path, language)), field_path((*path, language)), item["ctx"]["problem"])
            )
        elif item["type"] == "unknown_language":
            for language in item["ctx"]["languages"]:
                message = f"'{language}' is not a language of languages.yml; remove it or add the language there"
                found.append(Problem(shown, doc.line_of((*path, language)), field_path((*path, language)), message))
        else:
            found.append(Problem(shown, doc.line_of(path), field_path(path), _explain(item)))
    return found


def _explain(item: dict[str, Any]) -> str:
    kind, ctx, value = item["type"], item.get("ctx", {}), item.get("input")
    field = item["loc"][-1] if item["loc"] else ""
    if kind == "missing":
        return "a required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field '{field}' (check the spelling against the other entries)"
    if kind == "string_too_short":
        return "is empty; write the text or remove the field"
    if kind == "enum":
        return f"'{value}' is not one of {ctx.get('expected', '').replace(chr(39), '')}"
    if kind == "literal_error":
        return f"'{value}' is not one of {ctx.get('expected', '').replace(chr(39), '')}"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt')}, not {value}"
    if kind == "value_error":
        return str(item["msg"]).removeprefix("Value error, ")
    if kind in ("url_parsing", "url_scheme"):
        return f"'{value}' is not a web address; write it as https://…"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, for example 2026-11-22"
    if kind == "string_pattern_mismatch":
        if field == "phones" or (len(item["loc"]) > 1 and item["loc"][-2] == "phones"):
            return f"'{value}' is not a phone number as the site writes them: +7 727 258 45 98 (+, country code, groups of digits)"
        return f"'{value}' must use lower-case letters, digits and hyphens only"
    if kind in ("string_type", "model_type", "dict_type") and value is None:
        return "is empty; write the text after the colon, or remove the line"
    return f"{item['msg']} (got {value!r})"


# Where the ids of each kind of `Ref` live: (file, list or mapping key, whether it is a mapping).
ID_HOMES: dict[str, tuple[str, str, bool]] = {
    "source": ("sources.yml", "sources", False),
    "term": ("glossary.yml", "terms", False),
    "event": ("procedure.yml", "events", True),
    "step": ("procedure.yml", "steps", False),
    "route": ("routes.yml", "routes", False),
    "office": ("offices.yml", "offices", False),
    "detention": ("detention.yml", "facts", False),
    "language": ("languages.yml", "languages", True),
}


def _known_ids(located: dict[str, Located]) -> dict[str, set[str]]:
    """Ids of every kind, read from the raw files so that one broken file hides nothing."""
    known: dict[str, set[str]] = {}
    for kind, (name, key, is_mapping) in ID_HOMES.items():
        raw = located[name].value if name in located and isinstance(located[name].value, dict) else {}
        items = raw.get(key) or ({} if is_mapping else [])
        if is_mapping:
            known[kind] = set(items) if isinstance(items, dict) else set()
        else:
            known[kind] = {item["id"] for item in items if isinstance(item, dict) and "id" in item}
    return known


def _reference_problems(
    files: dict[str, BaseModel], located: dict[str, Located], known: dict[str, set[str]], folder: str, unread=()
) -> list[Problem]:
    found = []
    for name, model in files.items():
        for path, kind, value in _references(model, ()):
            if ID_HOMES[kind][0] in unread:
                continue
            if value not in known[kind]:
                line = located[name].line_of(path)
                choices = ", ".join(sorted(known[kind]))
                found.append(
                    Problem(f"{folder}/{name}", line, field_path(path), f"unknown {kind} '{value}' (known: {choices})")
                )
    return found


def _references(value: Any, path: tuple[Any, ...]):
    """Yield (path, kind, id) for every field annotated with models.Ref."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            key = info.alias or name
            child = getattr(value, name)
            kind = _ref_kind(info.annotation, info.metadata)
            if kind and isinstance(child, (list, tuple)):
                for index, item in enumerate(child):
                    if isinstance(item, tuple):  # a pair of references, such as two languages
                        for place, part in enumerate(item):
                            yield (*path, key, index, place), kind, part
                    else:
                        yield (*path, key, index), kind, item
            elif kind and child is not None:
                yield (*path, key), kind, child
            else:
                yield from _references(child, (*path, key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _references(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _references(item, (*path, key))


def _ref_kind(annotation: Any, metadata: list[Any]) -> str | None:
    for meta in metadata:
        if isinstance(meta, models.Ref):
            return meta.kind
    for arg in get_args(annotation):
        for meta in getattr(arg, "__metadata__", ()):
            if isinstance(meta, models.Ref):
                return meta.kind
        kind = _ref_kind(arg, [])
        if kind:
            return kind
    return None


def _unique_id_problems(files: dict[str, BaseModel], located: dict[str, Located], folder: str) -> list[Problem]:
    found = []
    for name, model in files.items():
        for field, items in model:
            if not isinstance(items, list):
                continue
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                item_id = getattr(item, "id", None)
                if item_id is None:
                    continue
                if item_id in seen:
                    line = located[name].line_of((field, index, "id"))
                    found.append(
                        Problem(
                            f"{folder}/{name}",
                            line,
                            f"{field}[{index}].id",
                            f"id '{item_id}' is used twice (first at {field}[{seen[item_id]}])",
                        )
                    )
                seen[item_id] = index
    return found


def grammar_problems(files: dict[str, BaseModel], located: dict[str, Located], folder: str) -> list[Problem]:
    """Each language of languages.yml has grammar whose nouns give every unit in each case its
    phrases use, in exactly the plural categories of Babel's CLDR rules for the language's
    locale (those it lists and `other`, which every language has), so no phrase lacks a form."""
    languages, grammars = files["languages.yml"].languages, files["grammar.yml"].languages
    doc, shown = located["grammar.yml"], f"{folder}/grammar.yml"
    found = [
        Problem(
            shown, doc.line_of(("languages",)), f"languages.{code}", "missing: write its phrases, nouns and one_day"
        )
        for code in languages
        if code not in grammars
    ]
    for code, grammar in grammars.items():
        at = ("languages", code)
        if code not in languages:
            found.append(
                Problem(shown, doc.line_of(at), field_path(at), f"'{code}' is not a language of languages.yml")
            )
            continue
        used = {phrase.case for _, phrase in grammar.phrases}
        given = {case for cases in grammar.nouns.values() for case in cases}
        if unknown := [(form, phrase.case) for form, phrase in grammar.phrases if phrase.case not in given]:
            for form, case in unknown:  # a misspelt case here would make every noun look wrong: say only this
                path = (*at, "phrases", models.Phrases.model_fields[form].alias or form, "case")
                message = f"'{case}' is not a case of the nouns (they have {', '.join(sorted(given)) or 'none'})"
                found.append(Problem(shown, doc.line_of(path), field_path(path), message))
            continue
        locale = languages[code].locale or code
        try:
            tags = Locale.parse(locale).plural_form.tags | {"other"}
        except (UnknownLocaleError, ValueError):
            where = ("languages", code, "locale") if languages[code].locale else ("languages", code)
            message = f"Babel does not know the locale '{locale}'; give `locale:` as Babel names the language"
            found.append(
                Problem(f"{folder}/languages.yml", located["languages.yml"].line_of(where), field_path(where), message)
            )
            continue
        plurals = [p for p in get_args(models.Plural) if p in tags]
        has = f"{code} has {', '.join(plurals)} (Babel's rules for {locale})"
        found += _case_problems(grammar.one_day, (*at, "one_day"), used, doc, shown)
        for unit in models.Unit:
            path = (*at, "nouns", unit.value)
            if unit not in grammar.nouns:
                message = f"the unit is missing; give its noun in each case the phrases use ({', '.join(sorted(used))})"
                found.append(Problem(shown, doc.line_of(path), field_path(path), message))
                continue
            found += _case_problems(grammar.nouns[unit], path, used, doc, shown)
            for case, forms in grammar.nouns[unit].items():
                if case in used:  # a case no phrase uses is reported above, not its forms
                    found += _plural_problems(forms, (*path, case), plurals, has, doc, shown)
    return found


def _plural_problems(
    forms: dict[str, str], path: tuple[Any, ...], plurals: list[str], has: str, doc: Located, shown: str
) -> list[Problem]:
    """The language's plural categories that `forms` lacks, and those it gives that the language has not."""
    found = [
        Problem(shown, doc.line_of(path), field_path(path), f"the plural category '{plural}' is missing; {has}")
        for plural in plurals
        if plural not in forms
    ]
    for plural in [plural for plural in forms if plural not in plurals]:
        where = (*path, plural)
        message = f"'{plural}' is not a plural category of the language; {has}; remove it"
        found.append(Problem(shown, doc.line_of(where), field_path(where), message))
    return found


def _case_problems(
    by_case: dict[str, Any], path: tuple[Any, ...], used: set[str], doc: Located, shown: str
) -> list[Problem]:
    """The cases the phrases use that `by_case` lacks, and those it gives that no phrase uses."""
    found = [
        Problem(shown, doc.line_of(path), field_path(path), f"the {case} case is missing (a phrase uses it)")
        for case in sorted(used - by_case.keys())
    ]
    for case in sorted(by_case.keys() - used):
        message = f"'{case}' is not a case any phrase uses (they use {', '.join(sorted(used))}); correct or remove it"
        found.append(Problem(shown, doc.line_of((*path, case)), field_path((*path, case)), message))
    return found


def texts_in(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], models.Text]]:
    """Yield (path, text) for every models.Text inside `value`."""
    if isinstance(value, models.Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from texts_in(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from texts_in(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, (*path, key))


def deadline_problems(files: dict[str, BaseModel], located: dict[str, Located], folder: str) -> list[Problem]:
    """A deadline is written once, and the steps' deadlines run forwards.

    Two items stating the same deadline from the same source are one deadline
    written twice (the second should say `same_deadline_as`). A deadline counted
    from the end of a step (an event named like the step) must come after that
    step, and a step of the main chain must run from the registration or from an
    earlier step of the chain, or the timeline could not be drawn.
    """
    found = []
    procedure, routes = files["procedure.yml"], files["routes.yml"]
    items = [("procedure.yml", ("steps", i), s) for i, s in enumerate(procedure.steps)]
    items += [("routes.yml", ("routes", i), r) for i, r in enumerate(routes.routes)]
    items += [("procedure.yml", ("limits", i), limit) for i, limit in enumerate(procedure.limits)]
    seen: dict[tuple, str] = {}
    for name, path, item in items:
        d = item.deadline
        if d is None or d.same_day:
            continue
        key = (d.amount, d.unit, d.from_, d.before, item.source)
        where = f"{name}:{field_path(path)}"
        if key in seen:
            message = (
                f"states the same deadline from the same source as {seen[key]}; write it once and "
                f"refer to it (a route says `same_deadline_as: STEP`)"
            )
            found.append(
                Problem(f"{folder}/{name}", located[name].line_of((*path, "deadline")), field_path(path), message)
            )
        seen.setdefault(key, where)
    position = {s.id: i for i, s in enumerate(procedure.steps)}
    chain = {s.id for s in procedure.steps if s.in_total and not s.deadline.same_day}
    for index, step in enumerate(procedure.steps):
        event = step.deadline.from_
        path = ("steps", index, "deadline", "from")
        line = located["procedure.yml"].line_of(path)
        if event in position and position[event] >= index:
            found.append(
                Problem(
                    f"{folder}/procedure.yml",
                    line,
                    field_path(path),
                    f"'{event}' is the end of a step that comes at or after this one; a deadline runs from "
                    "an earlier step (move this step down, or name another event)",
                )
            )
        elif step.id in chain and event not in models.REGISTRATION_EVENTS and event not in chain:
            found.append(
                Problem(
                    f"{folder}/procedure.yml",
                    line,
                    field_path(path),
                    f"a step of the main chain runs from the registration ({', '.join(models.REGISTRATION_EVENTS)}) "
                    "or from an earlier step of the chain; give another event, or `in_total: false`",
                )
            )
    return found
