"""`make bench`: how long the build takes and what it costs, as numbers, not pass/fail.

Each figure is the median of --runs runs, with the spread (min–max):
- `make site` (the offline copy and the site: all languages, PDFs, everything),
  cold (no .cache/ nor offline zip) and warm (caches filled, nothing changed);
- `make check`;
- the same pages pre-rendered to plain Markdown and built with no hooks, so the
  share the project's own code adds is a ratio from the same run: when nothing
  changed since the last build (pana.site.memo reuses it) and when data did;
- peak memory of a build;
- the time from saving a YAML file under `make serve` (mkdocs serve --dirty) until the page shows it,
  and the same when the whole site is made again (mkdocs serve without --dirty);
- growth: the site with its pages, steps, offices and glossary terms copied N times
  (--sizes), and with made-up languages added (--languages): build time and memory;
- readable: first paint and the deadline box on an emulated cheap phone (bench/readable.py).
Writes bench/results/latest.json. Run: make bench [ARGS="--runs 3 --sizes 1,10,100 --languages 3,6,12"]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from copy import deepcopy
from pathlib import Path

import material
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))  # readable, beside this file, also when a test imports bench.bench
import readable  # noqa: E402

from tools.project_copy import copy_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds and peak memory (MB) of one run of `command` and what it starts, which must succeed."""
    with tempfile.TemporaryFile("w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # this run's own peak, not the largest run's so far
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{output.read()[-3000:]}")
    return seconds, usage.ru_maxrss // 1024


def make_site(project: Path) -> tuple[float, int]:
    """What `make site` runs: the offline copy's build and zip, then the site's build."""
    offline_s, offline_mb = timed([sys.executable, str(ROOT / "tools" / "offline.py"), str(project)], project)
    site_s, site_mb = timed(build_command(project / "out"), project)
    return offline_s + site_s, max(offline_mb, site_mb)


def build_command(site: Path, config: str = "mkdocs.yml") -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site)]


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def measure_builds(project: Path, runs: int) -> dict:
    cold, warm, memory = [], [], []
    for _ in range(runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "offline", ignore_errors=True)
        seconds, peak = make_site(project)
        cold.append(seconds)
        memory.append(peak)
        warm.append(make_site(project)[0])
    check = [timed([sys.executable, "-m", "pana.check", "--root", str(project)], project)[0] for _ in range(runs)]
    return {
        "make_site_cold_s": summary(cold),
        "make_site_warm_s": summary(warm),
        "check_s": summary(check),
        "peak_memory_mb": max(memory),
    }


def plain_project(project: Path, target: Path) -> Path:
    """The same pages, rendered once to Markdown, in a project with none of Pana's hooks."""
    sys.path.insert(0, str(project / "hooks"))
    from pana.facts.data import load_facts
    from pana.pages.render import render_all
    from pana.printouts.printables import jobs

    facts = load_facts(project / "data")
    rendered = render_all(facts, project / "content", pdf_sizes={job.name: 0 for job in jobs(facts)})
    copy_project(target)
    for (language, name), markdown in rendered.items():
        (target / "content" / language / name).write_text(markdown, encoding="utf-8")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/main.py\n" in config
    (target / "mkdocs.yml").write_text(config.replace("  - hooks/main.py\n", ""), encoding="utf-8")
    for part in (target / "hooks").iterdir():  # all but the theme's template cache, which is not Pana's work
        if part.name != "theme_cache.py":
            (shutil.rmtree if part.is_dir() else Path.unlink)(part)
    return target


def measure_plain(project: Path, runs: int) -> dict:
    """The hooks' share: against the same pages as plain Markdown, with the last build remembered
    (nothing changed: pana.site.memo) and without (as after a data edit; PDFs and search forms cached)."""
    plain = plain_project(project, project.parent / "plain")
    hooked, fresh, bare = [], [], []
    for _ in range(runs):  # interleaved, so that a busy moment of the machine falls on all three
        hooked.append(timed(build_command(project / "out"), project)[0])
        shutil.rmtree(project / ".cache" / "build", ignore_errors=True)
        fresh.append(timed(build_command(project / "out"), project)[0])
        bare.append(timed(build_command(plain / "out"), plain)[0])
    plain_median = statistics.median(bare)
    return {
        "with_hooks_unchanged_s": summary(hooked),
        "with_hooks_after_edit_s": summary(fresh),
        "plain_markdown_no_hooks_s": summary(bare),
        "hooks_share_unchanged": round(statistics.median(hooked) / plain_median - 1, 3),
        "hooks_share_after_edit": round(statistics.median(fresh) / plain_median - 1, 3),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_serve(project: Path, runs: int, dirty: bool = True) -> dict:
    """Save a changed deadline and time until `mkdocs serve` serves the page with it: with --dirty, as
    `make serve` runs it (only the pages that changed are made again), and without, as before."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "--livereload"]
        + ["--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # the server holds every request until the whole build is done, so the Kazakh page (built last) shows
    # the edit no later than the English one; both are checked
    pages = {
        f"http://127.0.0.1:{port}/pana/guide/": "calendar days",
        f"http://127.0.0.1:{port}/pana/kk/guide/": "күнтізбелік күн",
    }
    data = project / "data" / "procedure.yml"
    original = data.read_text(encoding="utf-8")
    latencies = []
    try:
        for url, unit in pages.items():
            wait_for(url, unit, deadline=120)
        for run in range(runs):
            amount = 40 + run
            data.write_text(
                original.replace("amount: 30, unit: calendar_days", f"amount: {amount}, unit: calendar_days"),
                encoding="utf-8",
            )
            start = time.perf_counter()
            for url, unit in pages.items():
                wait_for(url, f"{amount} {unit}", deadline=60)
            latencies.append(time.perf_counter() - start)
            time.sleep(10)  # an editor's next save: meanwhile the changed PDFs are drawn in the background
    finally:
        data.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return {"edit_to_served_s" if dirty else "edit_to_served_whole_site_s": summary(latencies)}


def wait_for(url: str, text: str, deadline: float) -> None:
    """Poll `url` (bounded in time) until it contains `text`."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {text!r} within {deadline} s")


def grow_data(project: Path, times: int) -> None:
    """Steps, offices and glossary terms copied `times` times, with new ids (still valid data)."""
    for file, key in (("procedure.yml", "steps"), ("offices.yml", "offices"), ("glossary.yml", "terms")):
        path = project / "data" / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals = data[key]
        data[key] = originals + [
            {**entry, "id": f"{entry['id']}-copy{copy}"} for copy in range(1, times) for entry in originals
        ]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def made_up_codes(count: int) -> list[str]:
    """qa, qb, ...: two letters, as static-i18n wants, that ISO 639-1 gives no language (it has only qu)."""
    return [f"q{letter}" for letter in "abcdefghijklmnoprst"[:count]]


def with_texts_in(value, codes: list[str]):
    """`value` with every text (a mapping with en, ru and kk strings) also given in `codes`, as its English."""
    if isinstance(value, dict):
        if {"en", "ru", "kk"} <= value.keys() and all(isinstance(v, str) for v in value.values()):
            return value | dict.fromkeys(codes, value["en"])
        return {key: with_texts_in(item, codes) for key, item in value.items()}
    if isinstance(value, list):
        return [with_texts_in(item, codes) for item in value]
    return value


def add_languages(project: Path, count: int) -> None:
    """`count` made-up languages more: each has English words and grammar, Babel's English rules and the theme's English."""
    codes = made_up_codes(count)
    names = {code: f"Made-up {number}" for number, code in enumerate(codes, start=1)}
    languages = project / "data" / "languages.yml"
    for file in (project / "data").glob("*.yml"):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if file == languages:
            data["languages"] |= {
                code: {"name": name, "review": "not_reviewed", "locale": "en"} for code, name in names.items()
            }
        elif file.name == "grammar.yml":
            data["languages"] |= {code: deepcopy(data["languages"]["en"]) for code in codes}
        else:
            data = with_texts_in(data, codes)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    theme_words = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    for code in codes:
        shutil.copytree(project / "content" / "en", project / "content" / code)
        shutil.copyfile(theme_words, project / "overrides" / "partials" / "languages" / f"{code}.html")
    config = project / "mkdocs.yml"
    entries = "".join(
        f"        - locale: {code}\n          name: {name}\n          build: true\n" for code, name in names.items()
    )
    config.write_text(
        config.read_text(encoding="utf-8").replace("\nhooks:\n", f"{entries}\nhooks:\n", 1), encoding="utf-8"
    )


# Pages that list every step, office or term: they grow with the data, so they are not copied;
# N copies of each would list N times the data, and the site would grow as N squared.
LISTING = {"guide.md", "timeline.md", "calculator.md", "offices.md", "glossary.md"}


def grown(project: Path, times: int) -> Path:
    """Steps, offices and glossary terms `times` times over, and the other pages copied `times` times."""
    grow_data(project, times)
    for language_folder in (project / "content").iterdir():
        for page in sorted(set(language_folder.glob("*.md")) - {language_folder / name for name in LISTING}):
            for copy in range(1, times):
                shutil.copy2(page, page.with_name(f"{page.stem}-copy{copy}.md"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    omitted_files: warn", "    omitted_files: info"),
        encoding="utf-8",
    )
    return project


def measure_growth(shapes: list[tuple[int, int]], workdir: Path) -> list[dict]:
    """Build time and memory of the site grown to each (size, languages)."""
    rows = []
    for size, languages in shapes:
        project = copy_project(workdir / f"size-{size}-languages-{languages}")
        add_languages(project, languages - 3)
        grown(project, size)
        pages = sum(1 for _ in (project / "content").rglob("*.md"))
        timed(build_command(project / "out"), project)  # fill the caches: PDFs, PurgeCSS, compiled templates
        shutil.rmtree(project / ".cache" / "build")  # but make every page again, as after a data edit
        seconds, peak = timed(build_command(project / "out"), project)
        steps = len(yaml.safe_load((project / "data" / "procedure.yml").read_text(encoding="utf-8"))["steps"])
        html = sum(file.stat().st_size for file in (project / "out").rglob("*.html")) / 1e6
        rows.append(
            {
                "size": size,
                "languages": languages,
                "pages": pages,
                "steps": steps,
                "html_mb": round(html, 1),
                "build_s": round(seconds, 3),
                "seconds_per_html_mb": round(seconds / html, 3),
                "peak_memory_mb": peak,
            }
        )
        shutil.rmtree(project)
    return rows


def shapes(sizes: str, languages: str) -> list[tuple[int, int]]:
    """Each size with three languages, then each number of languages at size 1."""
    by_size = [(int(size), 3) for size in sizes.split(",")]
    return by_size + [(1, int(count)) for count in languages.split(",") if (1, int(count)) not in by_size]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1,10,100", help="times today's pages, steps, offices and terms")
    parser.add_argument("--languages", default="3,6,12", help="numbers of languages, at today's size")
    parser.add_argument("--readable-languages", default="en,ru,kk", help="languages of the phone measurements")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        results = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
            **measure_builds(project, args.runs),
            "readable": readable.measure(project / "out", args.runs, languages=args.readable_languages.split(",")),
            **measure_plain(project, args.runs),
            **measure_serve(project, args.runs),
            **measure_serve(project, args.runs, dirty=False),
            "growth": measure_growth(shapes(args.sizes, args.languages), Path(tmp)),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    for key, value in results.items():
        if key not in ("growth", "readable"):
            print(f"{key:28} {value}")
    print("\n" + readable.table(results["readable"]))
    print("\nsize  languages  pages  steps  HTML (MB)  build after edit (s)  s per HTML MB  peak memory (MB)")
    for row in results["growth"]:
        print(
            f"{row['size']:>4}  {row['languages']:>9}  {row['pages']:>5}  {row['steps']:>5}  {row['html_mb']:>9}"
            f"  {row['build_s']:>20}  {row['seconds_per_html_mb']:>13}  {row['peak_memory_mb']:>16}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
