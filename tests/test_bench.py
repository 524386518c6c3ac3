"""The benchmark runs (on the smallest size, once); its numbers are reported, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_and_writes_its_numbers(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "bench/bench.py", "--runs", "1", "--sizes", "1", "--languages", "4", "--out", str(out)],
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
