"""How soon a reader on a cheap phone can read, for `make bench`: home, guide and calculator in every language.

Each page is opened in Debian's Chromium with an empty cache (a new browser context per run) at phone width
(tools/reader.py's PHONE), over an emulated slow network (400 kbps down and up, 400 ms added to every
request) with the CPU 4× slower, through the Chrome DevTools Protocol. Two times are read from the browser's
performance API: first contentful paint, and when the page's deadline box is first painted: the home page's
and the guide's deadline admonition, the calculator's first result once a date is in its field
(as a reader who typed it at once). The box is found by a probe the bench injects, not by the site's own code.
The emulation adds its latency to each request; it does not add the connection set-up (DNS, TCP, TLS)
a real first visit also pays.
Run alone on a built site: python bench/readable.py SITE_DIR [--runs 5] [--cpu-slowdown 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from browser import ARGS, chromium_path, missing  # noqa: E402
from reader import PHONE  # noqa: E402
from weight import serving  # noqa: E402

TARGET_S = 1.2  # issue 19
NETWORK = {
    "offline": False,
    "latency": 400,  # ms, added to every request
    "downloadThroughput": 400_000 / 8,  # bytes per second
    "uploadThroughput": 400_000 / 8,
    "connectionType": "cellular3g",
}
CPU_SLOWDOWN = 4
ARRIVAL = dt.date.today().isoformat()  # the date the probe types into the calculator, as a reader arriving today

# Where each page's deadline box is: the first danger admonition (the reader's deadline; ru and kk pages
# begin with a warning that the translation is not yet reviewed);
# on the calculator, the first result under the arrival date.
PAGES = {
    "home": ("", ".md-content .admonition.danger"),
    "guide": ("guide/", ".md-content .admonition.danger"),
    "calculator": ("calculator/", '.pana-results[data-input="arrival"] > li'),
}
LANGUAGES = {"en": "", "ru": "ru/", "kk": "kk/"}

# Runs before the page's own scripts. Every element of the box, as the parser or a script adds it, is given
# an `elementtiming` attribute, so that the Element Timing API reports when its text is first painted on
# screen. As a fallback for a box outside the first screen (which element timing does not report), a frame
# callback looks for the box laid out with a size, and a mark is set just after that frame (frames start only
# once nothing blocks rendering). On the calculator it types the date into the field as soon as it exists.
PROBE = """
([selector, date]) => {
  window.panaBoxPainted = [];  // element timing entries reach only observers, not performance.getEntries()
  const marker = new MutationObserver(() => {
    const field = date && document.getElementById("calc-arrival");
    if (field && !field.value) field.value = date;
    const box = document.querySelector(selector);
    if (!box) return;
    for (const part of [box, ...box.querySelectorAll("*")]) {
      if (!part.hasAttribute("elementtiming")) part.setAttribute("elementtiming", "pana-deadline-box");
    }
  });
  marker.observe(document, {childList: true, subtree: true});
  new PerformanceObserver(list => {
    panaBoxPainted.push(...list.getEntries().map(e => e.renderTime));
    marker.disconnect();  // painted: the probe's own work stops
  }).observe({type: "element", buffered: true});
  const frame = () => {
    const box = document.querySelector(selector);
    const rect = box && box.getBoundingClientRect();
    if (!rect || !rect.width || !rect.height || getComputedStyle(box).visibility !== "visible") {
      requestAnimationFrame(frame);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark("pana-deadline-box", {
      detail: {top: rect.top + scrollY, text: box.textContent.trim().replace(/\\s+/g, " ").slice(0, 200)},
    });
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(frame);
}
"""

# The box's first paint on screen, when element timing saw it (in the first screen), else the frame's mark.
READ = """
() => {
  const painted = window.panaBoxPainted;
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const box = performance.getEntriesByName("pana-deadline-box")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    first_contentful_paint: paint.startTime / 1000,
    deadline_box: (painted.length ? Math.min(...painted) : box.startTime) / 1000,
    box_seen_by: painted.length ? "element timing" : "frame",
    box_top_px: Math.round(box.detail.top),
    box_text: box.detail.text,
    html_received: nav.responseEnd / 1000,
  };
}
"""


def probe(browser, url: str, selector: str, date: str | None = None, cpu_slowdown: float = CPU_SLOWDOWN) -> dict:
    """One cold visit of `url` on the emulated phone: the seconds to first contentful paint and to the deadline box."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        tab.add_init_script(f"({PROBE})({json.dumps([selector, date])})")
        tab.goto(url, wait_until="load", timeout=60_000)
        tab.wait_for_function(
            "performance.getEntriesByName('pana-deadline-box').length && "
            "performance.getEntriesByName('first-contentful-paint').length",
            timeout=30_000,
        )
        tab.wait_for_timeout(200)  # the element timing entry of the last frame comes after its presentation
        return tab.evaluate(READ)
    finally:
        context.close()


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def measure(site: Path, runs: int, browser=None, languages=tuple(LANGUAGES), cpu_slowdown=CPU_SLOWDOWN) -> dict:
    """Each page in each language `runs` times, interleaved so a busy moment of the machine falls on all."""
    if browser is None:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=chromium_path() or sys.exit(missing()), args=ARGS)
            try:
                return measure(site, runs, chromium, languages, cpu_slowdown)
            finally:
                chromium.close()
    load_before = os.getloadavg()
    visits: dict[tuple[str, str], list[dict]] = {}
    with serving(site) as base:
        for _ in range(runs):
            for page, (path, selector) in PAGES.items():
                for language in languages:
                    root = LANGUAGES[language]
                    date = ARRIVAL if page == "calculator" else None
                    visits.setdefault((page, language), []).append(
                        probe(browser, base + root + path, selector, date, cpu_slowdown)
                    )
    rows = []
    for (page, language), seen in visits.items():
        rows.append(
            {
                "page": page,
                "language": language,
                "first_contentful_paint_s": summary([v["first_contentful_paint"] for v in seen]),
                "deadline_box_s": summary([v["deadline_box"] for v in seen]),
                "html_received_s": summary([v["html_received"] for v in seen]),
                "box_seen_by": sorted({v["box_seen_by"] for v in seen}),
                "box_top_px": seen[0]["box_top_px"],
                "box_text": seen[0]["box_text"],
            }
        )
    return {
        "emulated_phone": {**PHONE, "cpu_slowdown": cpu_slowdown, "network": NETWORK},
        "load_average_before_after": [round(x, 2) for x in load_before + os.getloadavg()],
        "pages": rows,
    }


def table(readable: dict) -> str:
    lines = [
        f"readable on the emulated phone (median of runs, s; target {TARGET_S} s); load average (1, 5, 15 min)"
        f" before, after: {readable['load_average_before_after']}",
        "page        language  first paint  deadline box  HTML received  box top (px)",
    ]
    for row in readable["pages"]:
        lines.append(
            f"{row['page']:<10}  {row['language']:<8}  {row['first_contentful_paint_s']['median']:>11}"
            f"  {row['deadline_box_s']['median']:>12}  {row['html_received_s']['median']:>13}  {row['box_top_px']:>12}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu-slowdown", type=float, default=CPU_SLOWDOWN, help="1: the network's share alone")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    readable = measure(args.site, args.runs, cpu_slowdown=args.cpu_slowdown)
    print(table(readable))
    if args.json:
        args.json.write_text(json.dumps(readable, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
