"""What a reader on a phone meets, measured in Chromium on the built site (for `make weight`
and the tests): how many phone screens the guide takes, and where the words readers type
into search lead.
"""

from __future__ import annotations

from dataclasses import dataclass

PHONE = {"width": 360, "height": 740}


@dataclass(frozen=True)
class Query:
    """A reader's query, and the page it must find among the first `within` results."""

    language: str
    words: str
    page: str  # the page's address below the language's root: 'refusal/'
    within: int = 3

    @property
    def root(self) -> str:
        return "" if self.language == "en" else f"{self.language}/"


# The words readers use (issue 17: "appeal" found only detention pages, «жалоба» only statistics)
QUERIES = [
    Query("en", "appeal", "refusal/", 1),
    Query("en", "complaint", "refusal/", 1),
    Query("en", "refused", "refusal/"),
    Query("en", "arrested", "detention/"),
    Query("en", "children", "family/"),
    Query("en", "work", "rights/"),
    Query("en", "print", "checklists/"),
    Query("ru", "жалоба", "refusal/", 1),
    Query("ru", "обжаловать отказ", "refusal/", 1),
    Query("ru", "жалобу", "refusal/"),
    Query("ru", "суд", "refusal/"),
    Query("ru", "задержали", "detention/"),
    Query("ru", "дети", "family/"),
    Query("ru", "работа", "rights/"),
    Query("ru", "распечатать", "checklists/"),
    Query("kk", "шағым", "refusal/", 1),
    Query("kk", "шағымдану", "refusal/", 1),
    Query("kk", "сот", "refusal/"),
    Query("kk", "полиция", "detention/"),
    Query("kk", "балалар", "family/"),
    Query("kk", "жұмыс", "rights/"),
    Query("kk", "басып шығару", "checklists/"),
]


def run_search(tab, url: str, words: str) -> tuple[int, list[str]]:
    """Open `url`, type `words` into search; the count of matches shown, and the results' paths in order."""
    tab.goto(url)
    tab.click("input.md-search__input")
    tab.keyboard.type(words)
    tab.keyboard.press("End")  # the theme searches on keyup
    meta = tab.locator(".md-search-result__meta")
    tab.wait_for_function(
        "el => !/Введите|Іздеу|Type to/.test(el.textContent) && el.textContent.trim()", arg=meta.element_handle()
    )
    # a slow machine may first show a half-typed query's results: read until two readings agree
    shown, before = None, ()
    for _ in range(20):
        tab.wait_for_timeout(300)
        hrefs = tab.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.pathname)")
        shown = (int("".join(c for c in meta.inner_text() if c.isdigit()) or 0), hrefs)
        if shown == before:
            break
        before = shown
    return shown


def search_results(tab, base: str, root: str, words: str) -> list[str]:
    """The pages search lists for `words`, in order, as addresses below the language's root."""
    prefix = urlpath(base) + root
    pages = [href.removeprefix(prefix).split("#")[0] for href in run_search(tab, base + root, words)[1]]
    return list(dict.fromkeys(pages))


def urlpath(base: str) -> str:
    return "/" + base.split("/", 3)[3] if base.count("/") >= 3 else "/"


def rank(tab, base: str, query: Query) -> int | None:
    """1 if the query's page is the first result, 2 if second …; None if it is not listed."""
    results = search_results(tab, base, query.root, query.words)
    return results.index(query.page) + 1 if query.page in results else None


def guide_screens(tab, base: str, root: str) -> dict[str, float]:
    """The guide's height in phone screens, whole and its steps alone, as a reader first sees it."""
    tab.set_viewport_size(PHONE)
    tab.goto(base + root + "guide/")
    whole = tab.evaluate("document.documentElement.scrollHeight")
    steps = tab.evaluate(
        """() => {
          const steps = [...document.querySelectorAll('details.pana-step > summary')];
          if (!steps.length) return 0;
          return steps.at(-1).getBoundingClientRect().bottom - steps[0].getBoundingClientRect().top;
        }"""
    )
    return {"page": round(whole / PHONE["height"], 1), "steps": round(steps / PHONE["height"], 1)}


def report(base: str, browser) -> str:
    """Markdown tables: the guide's height on a phone per language, and each reader's query's rank."""
    tab = browser.new_page(viewport=PHONE)
    lines = [
        "The guide on a phone (360 × 740), in screens:",
        "",
        "| language | whole page | the steps |",
        "| --- | ---: | ---: |",
    ]
    for language in ("en", "ru", "kk"):
        screens = guide_screens(tab, base, "" if language == "en" else f"{language}/")
        lines.append(f"| {language} | {screens['page']} | {screens['steps']} |")
    tab.set_viewport_size({"width": 1200, "height": 900})
    lines += ["", "Readers' queries (tools/reader.py) and where their page comes:", ""]
    lines += ["| language | query | page | rank | wanted |", "| --- | --- | --- | ---: | ---: |"]
    for query in QUERIES:
        found = rank(tab, base, query)
        lines.append(f"| {query.language} | {query.words} | {query.page} | {found or 'not found'} | ≤ {query.within} |")
    tab.close()
    return "\n".join(lines)
