"""`make po` and `make po-import`: the data's texts as gettext PO files, for Poedit, Weblate or Crowdin.

The YAML in data/ stays the one copy of every text. `make po` writes po/LANG.po for each
translated language with Babel: `msgctxt` is the text's key in the translations lock
(`procedure.yml:steps[questionnaire].title`, made by translations.text_key), `msgid` the
English, `msgstr` the translation, `#:` the YAML line of the translation, `#.` the item's
source, and `#, fuzzy` where the English changed since the translation was confirmed.
`make po-import` writes each changed translation back into its YAML scalar, in place, so
comments, layout and every untouched line stay as they were; a translation no longer
fuzzy is recorded as confirmed. Nothing is written unless every entry is known, its English
is still current and the edited data passes the same checks as a hand-edited file.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from pana.facts.data import DataError, Facts, field_path, load_facts
from pana.facts.models import Review
from pana.facts.translations import confirm, data_texts, status, translated
from pana.facts.yaml_lines import MAX_BYTES
from pana.pages.render import ContentError, render_all
from pana.printouts import printables

FOLDER = "po"
MAX_PO_BYTES = 4 * MAX_BYTES  # a PO file holds every text of one language, with comments


def raw_value(raw: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        raw = raw[part]
    return raw


def _item_source(facts: Facts, raw: Any, path: tuple[Any, ...]) -> str | None:
    """The source of the nearest item around the text that names one, for the translator to read."""
    found = None
    for end in range(len(path)):
        node = raw_value(raw, path[:end])
        if isinstance(node, dict) and isinstance(node.get("source"), str):
            found = node["source"]
    source = facts.sources.get(found) if found else None
    return f"source: {source.title[facts.original]}, {source.url}" if source else None


def catalog(facts: Facts, data_dir: Path, content_root: Path, language: str) -> Catalog:
    """Every data text in `language`, as a Babel catalog."""
    review = facts.languages[language]
    state = (
        f"reviewed by a native-speaking lawyer ({review.reviewer})"
        if review.review is Review.reviewed
        else "not yet reviewed by a native-speaking lawyer"
    )
    outdated = set(status(facts, data_dir, content_root).outdated[language])
    books = Catalog(
        locale=facts.locale(language),
        project="Pana",
        version="data",
        fuzzy=False,
        language_team=f"{review.name}: {state} (data/languages.yml)",
        header_comment=(
            f"# Pana's data texts in {review.name}, made by `make po` from data/*.yml, which stay the one copy.\n"
            "# Translate here, then read them back with `make po-import`: each msgstr goes into the YAML line\n"
            "# its #: comment names. `fuzzy`: the English changed since the translation was confirmed.\n"
            "# Words in {braces} are filled in by the site: keep them as the current translation has them.\n"
            f"# The pages' prose is not here: it is content/{language}/*.md."
        ),
    )
    for key, (name, path, _) in data_texts(facts).items():
        raw = facts.located[name].value
        comments = [note for note in [_item_source(facts, raw, path)] if note]
        term = raw_value(raw, path[:2]) if name == "glossary.yml" else {}
        if language in (term.get("unverified") or []) and path[-1] == "name":
            comments.append(f"the {language} name is not yet checked against an official source")
        message = books.add(
            raw_value(raw, (*path, facts.original)),
            raw_value(raw, (*path, language)),
            locations=[(f"data/{name}", facts.located[name].line_of((*path, language)))],
            flags=["fuzzy"] if key in outdated else [],
            auto_comments=comments,
            context=key,
        )
        # Babel takes "{for}" for Python's format syntax, which would make msgfmt and Poedit require the
        # same names in msgstr; a language may fill in another form ("valid {for}", «срок действия — {count}»)
        message.flags -= {"python-format", "python-brace-format"}
    return books


def export(root: Path, out: Path) -> list[str]:
    """Write out/LANG.po for every translated language; return one line about each."""
    facts = load_facts(root / "data")
    out.mkdir(parents=True, exist_ok=True)
    said = []
    for language in translated(facts):
        books = catalog(facts, root / "data", root / "content", language)
        buffer = io.BytesIO()
        write_po(buffer, books, width=0)
        (out / f"{language}.po").write_bytes(buffer.getvalue())
        fuzzy = sum(1 for message in books if message.id and message.fuzzy)
        said.append(f"{out.name}/{language}.po: {len(books)} texts, {fuzzy} fuzzy (English changed since confirmed)")
    return said


@dataclass(frozen=True)
class Edit:
    file: str  # data file name
    path: tuple[Any, ...]  # to the translation, language code last
    text: str
    where: str  # po/ru.po:LINE: KEY


def read_edits(facts: Facts, data_dir: Path, content_root: Path, po_file: Path):
    """(edits, keys to confirm by language, problems) from one PO file."""
    shown = f"{po_file.parent.name}/{po_file.name}"
    size = po_file.stat().st_size
    if size > MAX_PO_BYTES:
        return [], {}, [f"{shown}:1: the file is {size:,} bytes, over the limit of {MAX_PO_BYTES:,}"]
    try:
        books = read_po(io.BytesIO(po_file.read_bytes()), abort_invalid=True, ignore_obsolete=True)
    except (PoFileError, UnicodeDecodeError, ValueError, UnknownLocaleError) as error:
        line = getattr(error, "lineno", 0) + 1  # Babel counts lines from 0
        return [], {}, [f"{shown}:{line}: not a valid PO file: {error}"]
    language = next((code for code in translated(facts) if facts.locale(code) == str(books.locale)), None)
    if language is None:
        known = ", ".join(translated(facts))
        return [], {}, [f"{shown}:1: its Language header is '{books.locale}', not one of {known}"]
    texts = data_texts(facts)
    outdated = set(status(facts, data_dir, content_root).outdated[language])
    edits, confirmed, problems = [], set(), []
    for message in books:
        if not message.id and not message.context:
            continue  # the header
        where = f"{shown}:{message.lineno}"
        if message.context is None:
            problems.append(f"{where}: has no msgctxt, the key that says which text it is (run `make po` again)")
            continue
        if message.context not in texts:
            problems.append(f"{where}: msgctxt '{message.context}' is no text of data/ (was it renamed? run `make po`)")
            continue
        name, path, _ = texts[message.context]
        raw = facts.located[name].value
        where = f"{where}: {message.context}"
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            problems.append(f"{where}: has plural forms; data texts have none")
        elif message.id != raw_value(raw, (*path, facts.original)):
            problems.append(
                f"{where}: its English (msgid) is not the English of data/{name} any more; "
                "run `make po` again and translate the current English"
            )
        elif not message.string.strip():
            problems.append(f"{where}: the translation (msgstr) is empty; write it")
        else:
            if message.string != raw_value(raw, (*path, language)):
                edits.append(Edit(name, (*path, language), message.string, where))
            if message.context in outdated and not message.fuzzy:
                confirmed.add(message.context)
    return edits, {language: sorted(confirmed)} if confirmed else {}, problems


class SpliceError(Exception):
    pass


def _in_context(rendered: str, flow: bool) -> Any:
    return yaml.safe_load("{k: " + rendered + "}" if flow else "k: " + rendered)["k"]


LINE_BREAKS = "\n\r\x85\u2028\u2029"  # YAML's line breaks; with those below, all Python's splitlines() knows
NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what YAML only writes as escapes, in "…"


def render_scalar(value: str, style: str | None, flow: bool) -> str:
    """`value` as a YAML scalar in the style the old one had where it can be (plain, '…'),
    double-quoted otherwise, on one line; checked by reading it back."""
    candidates = []
    one_line = not any(char in LINE_BREAKS for char in value) and not NON_PRINTABLE.search(value)
    if style is None and one_line and value == value.strip():
        candidates.append(value)
    if style in (None, "'") and one_line:
        candidates.append("'" + value.replace("'", "''") + "'")
    quoted = yaml.dump(value, default_style='"', allow_unicode=True, width=10**9).rstrip("\n")
    candidates.append(quoted)
    for candidate in candidates:
        try:
            if _in_context(candidate, flow) == value:
                return candidate
        except yaml.YAMLError:
            continue
    raise SpliceError(f"cannot write {value!r} as YAML")


def _scalar_node(node: yaml.Node, path: tuple[Any, ...]) -> tuple[yaml.ScalarNode, bool]:
    """The scalar at `path` and whether it stands in a flow mapping ({en: …, ru: …})."""
    flow = False
    for part in path:
        if isinstance(node, yaml.MappingNode):
            flow = node.flow_style
            node = next(value for key, value in node.value if key.value == part)
        else:
            flow = node.flow_style
            node = node.value[part]
    if not isinstance(node, yaml.ScalarNode):
        raise SpliceError(f"{field_path(path)} is not a text")
    return node, flow


def splice(text: str, edits: dict[tuple[Any, ...], str]) -> str:
    """`text` (a YAML file) with the scalars at `edits`' paths replaced and nothing else changed,
    which is checked by reading the result back."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python parser's marks count characters
    expected = yaml.safe_load(text)
    spans = []
    for path, value in edits.items():
        node, flow = _scalar_node(root, path)
        spans.append((node.start_mark.index, node.end_mark.index, render_scalar(value, node.style, flow)))
        parent = raw_value(expected, path[:-1])
        parent[path[-1]] = value
    for start, end, rendered in sorted(spans, reverse=True):
        text = text[:start] + rendered + text[end:]
    if yaml.safe_load(text) != expected:
        raise SpliceError("writing the texts back would change other values")
    return text


def _validation_problems(root: Path, written: dict[str, str], edits: list[Edit]) -> list[str]:
    """`make check`'s checks, run on a copy of data/ with the edited files: the same rules as for
    a hand-edited file, each problem told at the PO entry that caused it."""
    by_field = {(f"data/{edit.file}", field_path(edit.path)): edit for edit in edits}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "data"
        shutil.copytree(root / "data", copy)
        for name, text in written.items():
            (copy / name).write_text(text, encoding="utf-8")
        try:
            facts = load_facts(copy)
            # the pages too, as `make check` renders them: a translation fills in their placeholders
            render_all(facts, root / "content", pdf_sizes={job.name: 0 for job in printables.jobs(facts)})
        except (DataError, ContentError) as error:
            found = []
            for problem in error.problems:
                edit = by_field.get((problem.file, problem.field))
                found.append(f"{edit.where}: {problem.message}" if edit else f"{problem} (after the import)")
            return found
    return []


def import_po(root: Path, files: list[Path]) -> tuple[list[str], list[str]]:
    """Read `files` back into data/: (what was done, problems). Writes nothing if there is a problem."""
    data_dir, content_root = root / "data", root / "content"
    try:
        facts = load_facts(data_dir)
    except DataError as error:
        return [], [str(problem) for problem in error.problems] + ["fix data/ first (`make check`)"]
    edits: list[Edit] = []
    confirmed: dict[str, list[str]] = {}
    problems: list[str] = []
    for file in files:
        found, confirms, trouble = read_edits(facts, data_dir, content_root, file)
        edits += found
        problems += trouble
        for language, keys in confirms.items():
            confirmed.setdefault(language, []).extend(keys)
    seen: dict[tuple[str, tuple[Any, ...]], Edit] = {}
    for edit in edits:
        first = seen.setdefault((edit.file, edit.path), edit)
        if first is not edit and first.text != edit.text:
            problems.append(f"{edit.where}: gives another translation than {first.where.rsplit(': ', 1)[0]}")
    written: dict[str, str] = {}
    for name in sorted({edit.file for edit in edits}):
        text = (data_dir / name).read_text(encoding="utf-8")
        mark = "\ufeff" if text.startswith("\ufeff") else ""
        mine = {edit.path: edit.text for edit in edits if edit.file == name}
        try:
            written[name] = mark + splice(text.removeprefix(mark), mine)
        except SpliceError as error:
            problems += [f"{edit.where}: {error}" for edit in edits if edit.file == name]
    problems += _validation_problems(root, written, edits)
    if problems:
        return [], problems
    for name, text in written.items():
        (data_dir / name).write_text(text, encoding="utf-8")
    located = load_facts(data_dir).located
    said = [
        f"data/{edit.file}:{located[edit.file].line_of(edit.path)}: {field_path(edit.path)}: "
        f"translation updated from {edit.where}"
        for edit in edits
    ]
    facts = load_facts(data_dir)
    for language, keys in confirmed.items():
        said += [f"confirmed: {line}" for line in confirm(facts, data_dir, content_root, keys, [language])]
    return said, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pana.po", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("export", help=f"write {FOLDER}/LANG.po for every translated language")
    reading = commands.add_parser("import", help="read PO files back into data/*.yml")
    reading.add_argument("files", nargs="*", type=Path, help=f"PO files (default: every {FOLDER}/LANG.po)")
    args = parser.parse_args(argv)
    if args.command == "export":
        try:
            print("\n".join(export(args.root, args.root / FOLDER)))
        except DataError as error:
            print(f"{error}\nfix data/ first (`make check`)", file=sys.stderr)
            return 1
        return 0
    files = args.files or sorted((args.root / FOLDER).glob("*.po"))
    if not files:
        print(f"no PO files in {FOLDER}/: run `make po` first", file=sys.stderr)
        return 2
    said, problems = import_po(args.root, files)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"\n{len(problems)} problem(s): nothing was written; fix them, then run `make po-import` again.")
        return 1
    print("\n".join(said) or "no translation changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
