"""The benchmark runs (on the smallest size, once); its numbers are reported, never asserted."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
import urllib.request

from conftest import ROOT
from pana.facts.data import load_facts
from pana.pages.plan import calendar, evaluate, spec

from bench import readable
from tools.weight import serving

FACTS = load_facts(ROOT / "data")
CAL = calendar(FACTS, dt.date.today().year - 1, dt.date.today().year + 4)  # as the calculator page is built


def test_benchmark_runs_and_writes_its_numbers(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "bench/bench.py", "--runs", "1", "--sizes", "1", "--languages", "4", "--out", str(out)]
        + ["--readable-languages", "kk"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    numbers = json.loads(out.read_text(encoding="utf-8"))
    for key in ("make_site_cold_s", "make_site_warm_s", "check_s", "plain_markdown_no_hooks_s", "edit_to_served_s"):
        assert numbers[key]["median"] > 0
    three, four = numbers["growth"]
    assert (three["languages"], four["languages"]) == (3, 4)
    assert four["pages"] == three["pages"] * 4 // 3 > 50  # the made-up language has every page
    assert numbers["peak_memory_mb"] > 0
    readable_pages = numbers["readable"]["pages"]
    assert [(row["page"], row["language"]) for row in readable_pages] == [(page, "kk") for page in readable.PAGES]
    for row in readable_pages:
        assert 0 < row["first_contentful_paint_s"]["median"] <= row["deadline_box_s"]["median"]


def test_the_phone_probe_times_each_pages_deadline_box(site, browser):
    """On the emulated phone the probe finds the box a reader looks for and reads plausible times
    (its numbers are reported by `make bench`, not asserted against a target)."""
    first_result = evaluate(spec(FACTS), {"arrival": dt.date.fromisoformat(readable.ARRIVAL)}, CAL)["apply"].day
    with serving(site) as base:
        for page, language in (("home", "ru"), ("guide", "kk"), ("calculator", "en")):
            path, selector = readable.PAGES[page]
            url = base + readable.LANGUAGES[language] + path
            seen = readable.probe(browser, url, selector, readable.ARRIVAL if page == "calculator" else None)
            assert seen["html_received"] > 0.3, seen  # the emulated 400 ms per request was applied
            assert seen["html_received"] < seen["first_contentful_paint"] <= seen["deadline_box"] < 30, seen
            assert 0 < seen["box_top_px"] < 2000, seen
            if page == "calculator":  # the first result for the date typed in, as the site's rules count it
                assert first_result.strftime("%d.%m.%Y") in seen["box_text"], seen
            else:
                assert seen["box_text"].startswith(FACTS.strings["your_deadline"][language]), seen


def test_the_local_server_sends_text_gzipped_as_github_pages_does(site):
    with serving(site) as base:
        request = urllib.request.Request(base + "guide/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == (site / "guide" / "index.html").read_bytes()
        with urllib.request.urlopen(base + "guide/") as response:  # a client that does not accept gzip
            assert response.headers["Content-Encoding"] is None
            assert response.read() == (site / "guide" / "index.html").read_bytes()
