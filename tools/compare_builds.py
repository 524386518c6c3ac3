"""Build the site with ProperDocs as well as MkDocs, and compare the two builds file by file.

MkDocs 1.6.1 is the last MkDocs 1.x; ProperDocs is the community's continuation of it, a
drop-in replacement (`mkdocs.*` imports are served by `properdocs.*`). If MkDocs stops, Pana
moves to ProperDocs: this proves it builds the same site today, from a virtual environment
without MkDocs in it (.venv-properdocs, made by `make properdocs` from
requirements-properdocs.lock). Every file must be byte-identical but for the differences
listed in KNOWN, each with its reason; `make properdocs` prints every other one and fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "python"

# (what differs, why): each is taken out of both builds' files before they are compared.
# None measured: ProperDocs names itself only in the theme's generator tag, which
# overrides/main.html's site_meta block leaves out. Under ProperDocs static-i18n warns that it
# cannot read lunr's languages from the `mkdocs` package and takes its own copy of the list,
# which changes no file.
KNOWN: list[tuple[re.Pattern[bytes], str]] = []


def build(python: Path | str, generator: str, project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`generator build --strict` of `project` into `site_dir`, run by `python` with `env` added;
    its log is in stderr."""
    return subprocess.run(
        [str(python), "-m", generator, "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_day(site: Path) -> str:
    """The day `site` was built, as SOURCE_DATE_EPOCH for a second build of the same day: the
    sitemap dates each page by its build, so two builds either side of midnight would differ."""
    day = re.search(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8"))[1]
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()))


def has_mkdocs(python: Path | str) -> bool:
    """Whether MkDocs itself is importable by `python`: the ProperDocs build must not be able to use it."""
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('mkdocs') is None)"
    return subprocess.run([str(python), "-c", probe]).returncode == 0


def files(site: Path) -> set[Path]:
    return {path.relative_to(site) for path in site.rglob("*") if path.is_file()}


def first_difference(first: bytes, second: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), min(len(first), len(second)))
    return f"byte {at}: {first[max(0, at - 40) : at + 40]!r} against {second[max(0, at - 40) : at + 40]!r}"


def compare(first: Path, second: Path, known=KNOWN) -> tuple[list[str], list[str]]:
    """The files that differ only as `known` explains, and every other difference, one line each."""
    explained, unexplained = [], []
    in_first, in_second = files(first), files(second)
    for path in sorted(in_first | in_second):
        if path not in in_second or path not in in_first:
            unexplained.append(f"{path}: only in {first if path in in_first else second}")
            continue
        a, b = (first / path).read_bytes(), (second / path).read_bytes()
        if a == b:
            continue
        reasons = [why for pattern, why in known if pattern.search(a) or pattern.search(b)]
        for pattern, _ in known:
            a, b = pattern.sub(b"", a), pattern.sub(b"", b)
        if a == b:
            explained.append(f"{path}: {'; '.join(reasons)}")
        else:
            unexplained.append(f"{path}: differs at {first_difference(a, b)}")
    return explained, unexplained


def main() -> int:
    if not PROPERDOCS.exists() or has_mkdocs(PROPERDOCS):
        print(f"{PROPERDOCS.parent.parent.name} is missing or has MkDocs in it: run `make properdocs`", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pana-compare-") as folder:
        sites = {name: Path(folder) / name for name in ("mkdocs", "properdocs")}
        for python, name in ((sys.executable, "mkdocs"), (PROPERDOCS, "properdocs")):
            same_day = {"SOURCE_DATE_EPOCH": build_day(sites["mkdocs"])} if name == "properdocs" else {}
            result = build(python, name, ROOT, sites[name], **same_day)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                print(f"the {name} build failed", file=sys.stderr)
                return 1
        explained, unexplained = compare(sites["mkdocs"], sites["properdocs"])
        for line in explained:
            print(f"known difference: {line}")
        for line in unexplained:
            print(f"DIFFERENCE: {line}")
        print(
            f"{len(files(sites['mkdocs']))} files built by MkDocs and ProperDocs: "
            f"{len(explained)} with known differences, {len(unexplained)} with others"
        )
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
