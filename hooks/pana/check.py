"""`make check`: every problem in data/ and content/ at once, without building the site.

Usage: python -m pana.check [--confirm KEY ... | --confirm all]   (run from the repository
root, with hooks/ on PYTHONPATH, as the Makefile does). Exit code 1 on any error.
Outdated translations and sources not checked for a year are reported but do
not fail: an unchanged repository must not start failing because time passed.
Texts new to the translations lock are recorded in it (written with their
translations, they are current), so that a later change of their English shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pana.facts.data import DataError, Facts, load_facts
from pana.facts.translations import LOCK, confirm, english_texts, record_new, status
from pana.pages.render import ContentError, render_all
from pana.printouts import printables

STALE_AFTER = dt.timedelta(days=365)


def stale_sources(facts: Facts, today: dt.date) -> list[str]:
    """Sources the project has not re-read for over a year, with the line to update."""
    lines = facts.located["sources.yml"]
    return [
        f"data/sources.yml:{lines.line_of(('sources', index, 'checked'))}: sources[{index}].checked: "
        f"'{source.id}' was last checked on {source.checked}, over a year ago "
        "(read the source again, correct what changed, then set checked: to today's date)"
        for index, source in enumerate(facts.files["sources.yml"].sources)
        if today - source.checked > STALE_AFTER
    ]


def check(root: Path, today: dt.date, out=sys.stdout) -> int:
    try:
        facts = load_facts(root / "data")
        # PDFs are not drawn here: pages only need a size for each, so any size will do
        render_all(facts, root / "content", pdf_sizes={job.name: 0 for job in printables.jobs(facts)})
    except (DataError, ContentError) as error:
        for problem in error.problems:
            print(problem, file=out)
        print(f"\n{len(error.problems)} problem(s): fix them, then run `make check` again.", file=out)
        return 1
    for key in record_new(facts, root / "data", root / "content"):
        print(f"new text, recorded in data/{LOCK} as translated with its English: {key}", file=out)
    report = status(facts, root / "data", root / "content")
    for language, keys in report.outdated.items():
        for key in keys:
            print(
                f"outdated {language}: {key} (the English changed, or the page has fewer sections than the English; "
                f"update the {language} text, then run `make confirm-translations KEYS={key}`)",
                file=out,
            )
        print(f"{language}: {report.percent_current(language)}% of {report.total} texts up to date", file=out)
    for line in stale_sources(facts, today):
        print(f"stale: {line}", file=out)
    print("data and content: no errors", file=out)
    return 0


NO_KEYS = (
    'say which translations you have checked: make confirm-translations KEYS="KEY KEY...", '
    "copying the keys from `make check`'s outdated lines (such as procedure.yml:steps[apply].title or "
    "content/guide.md); KEYS=all confirms every text at once, only after checking them all"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument(
        "--confirm", nargs="*", metavar="KEY", help="record translations of KEY (or of every text: all) as up to date"
    )
    args = parser.parse_args(argv)
    if args.confirm is not None:
        if not args.confirm:
            print(NO_KEYS, file=sys.stderr)
            return 2
        facts = load_facts(args.root / "data")
        keys = list(english_texts(facts, args.root / "content")) if args.confirm == ["all"] else args.confirm
        try:
            changed = confirm(facts, args.root / "data", args.root / "content", keys)
        except KeyError as error:
            print(f"unknown text key(s): {error.args[0]} (copy a key from `make check`)", file=sys.stderr)
            return 2
        print("\n".join(changed) or "nothing to confirm")
        return 0
    return check(args.root, dt.date.today())


if __name__ == "__main__":
    sys.exit(main())
