"""Render content pages as Jinja templates over the checked facts.

One environment with StrictUndefined: a misspelt placeholder is a build error
naming the file and line, never an empty string on a page. Every function a
page calls records the sources of the facts it used, so each page can list
exactly the sources it relies on.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2
import jinja2.sandbox
from babel.dates import format_date
from babel.units import format_unit

from pana import cache
from pana.facts.data import Facts, Problem
from pana.facts.models import CYRILLIC, Deadline, Duration, Review, Unit, decoded, unsafe_link
from pana.pages import charts, checklists, plan
from pana.pages.anchors import anchor_problems
from pana.pages.phrases import Form, duration_phrase, upfirst

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
DATE_PATTERN = "dd.MM.yyyy"  # Babel's short Kazakh date has a two-digit year


def environment(content_dir: Path) -> jinja2.Environment:
    """Pages are anyone's edit, so they render in Jinja's immutable sandbox: no attribute that
    leads to Python's internals (`cycler.__init__.__globals__`), no changing the facts, no range
    of more than 100,000. Compiled templates are kept in .cache/ beside the content, keyed by
    their source, so an unchanged page is not compiled again by the next build."""
    return jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(content_dir), str(TEMPLATES)]),
        bytecode_cache=bytecode_cache(content_dir.parent / ".cache" / "jinja-pages"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def bytecode_cache(folder: Path) -> jinja2.FileSystemBytecodeCache:
    folder.mkdir(parents=True, exist_ok=True)
    return cache.BytecodeCache(str(folder))


MONTH_PATTERN = "LLLL yyyy"  # Babel's month and year, unless languages.yml gives a language's own


def format_day(day, locale: str, month_format: str = MONTH_PATTERN) -> str:
    """A date as dd.MM.yyyy, a month (YYYY-MM) as its name and year, a year as itself."""
    if day is None:
        return "—"
    if isinstance(day, str):
        if "-" not in day:
            return day
        year, month = (int(part) for part in day.split("-"))
        return format_date(date(year, month, 1), month_format, locale=locale)
    return format_date(day, DATE_PATTERN, locale=locale)


# Latin letters that look like Cyrillic ones; Babel's Kazakh megabyte is "MБ" with a Latin M
LOOKALIKES = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")


def one_script(text: str) -> str:
    """Each word that has a Cyrillic letter gets Cyrillic look-alikes for its Latin ones."""
    return " ".join(word.translate(LOOKALIKES) if CYRILLIC.search(word) else word for word in text.split(" "))


def tel(phone: str) -> str:
    """A `tel:` link target for a phone number as the sources write it (+7 727 …)."""
    return "tel:" + phone.replace(" ", "")


@dataclass
class Page:
    """What one page in one language may use, and what it did use."""

    facts: Facts
    language: str
    used_sources: set[str] = field(default_factory=set)
    site_url: str = ""
    pdf_sizes: dict[str, int] = field(default_factory=dict)  # bytes of each PDF, by file name
    name: str = "index.md"  # the page's path inside its language folder, for relative links
    repo_url: str = ""
    freshness: object = None  # pana.facts.translations.Status, for the about page
    offline_zip: tuple[str, int] | None = (
        None  # the offline copy's file name and bytes, when `make offline` has built it
    )
    directory_urls: bool = True  # False in the offline copy: `guide.html`, not `guide/`

    @property
    def locale(self) -> str:
        """Babel's name for the page's language, for its dates, numbers and plurals."""
        return self.facts.locale(self.language)

    @property
    def month_format(self) -> str:
        return self.facts.languages[self.language].month_format or MONTH_PATTERN

    def cite(self, source_id: str) -> str:
        self.used_sources.add(source_id)
        return ""

    def text(self, value) -> str:
        return value[self.language]

    def t(self, key: str) -> str:
        return self.facts.strings[key][self.language]

    def checked(self, source) -> str:
        """'Read by Pana from a stored copy of the page: 22.11.2026', or on the live page."""
        key = "checked_stored" if source.checked_how.value == "stored-copy" else "checked_live"
        return f"{self.t(key)}: {self.date(source.checked)}"

    def term(self, term_id: str) -> str:
        term = self.facts.terms[term_id]
        self.cite(term.source)
        return term.name[self.language]

    def duration(self, value: Duration, form: str = "within") -> str:
        return duration_phrase(value, self.facts, self.language, Form(form))

    def validity(self, value: Duration) -> str:
        """'valid for 3 months', 'срок действия — 3 месяца', '3 айға жарамды'."""
        return self.t("validity").format(**{"for": self.duration(value, "for"), "count": self.duration(value, "count")})

    def deadline(self, item, form: str = "within") -> str:
        """The deadline of a step, route or limit, with the event it runs from."""
        self.cite(item.source)
        if getattr(item, "same_deadline_as", None):
            self.cite(self.step(item.same_deadline_as).source)
        return self.deadline_of(item.deadline, form)

    def deadline_short(self, item) -> str:
        """A step's deadline without the event it runs from ('within 5 calendar days'), for the
        one line a collapsed step shows; the step itself gives the whole deadline."""
        self.cite(item.source)
        deadline = item.deadline
        if deadline.same_day:
            return self.t("same_day")
        return self.duration(deadline, "ahead" if deadline.before else "within")

    def deadline_of(self, deadline: Deadline, form: str = "within") -> str:
        if deadline.same_day:
            return self.t("same_day")
        phrase = self.duration(deadline, "ahead" if deadline.before else form)
        if deadline.from_ is None:
            return phrase
        event = self.facts.events[deadline.from_][self.language]
        return self.t("deadline_from").format(deadline=phrase, event=event)

    def step(self, step_id: str):
        return _find(self.facts.steps, step_id, "step", "procedure.yml")

    def route(self, route_id: str):
        return _find(self.facts.routes, route_id, "route", "routes.yml")

    def total(self) -> list[Duration]:
        """The longest the main chain of steps takes, as calendar days and working days."""
        rows = plan.timeline(self.facts)
        for row in rows:
            self.cite(row.step.source)
        days, working = plan.longest(rows)
        return [
            Duration(amount=amount, unit=unit)
            for amount, unit in ((days, Unit.calendar_days), (working, Unit.working_days))
            if amount
        ]

    def counting_rules(self):
        """The rules by which dates are counted, each citing its sources (or marked as advice)."""
        for rule in self.facts.counting.rules:
            for source in rule.sources:
                self.cite(source)
        return self.facts.counting.rules

    def counting_rule(self, rule_id: str) -> str:
        """One counting rule in words, labelled as advice where no source states it."""
        rule = next(r for r in self.facts.counting.rules if r.id.value == rule_id)
        for source in rule.sources:
            self.cite(source)
        return f"{self.text(rule.text)} ({self.t('advice_label')})" if rule.advice else self.text(rule.text)

    def calendar_known_until(self) -> str:
        self.cite(self.facts.counting.calendar.source)
        return self.date(self.facts.counting.calendar.known_until)

    def date(self, day) -> str:
        return format_day(day, self.locale, self.month_format)

    def pdf_size(self, name: str) -> str:
        """'24 kB', '24 кБ': what a download costs a reader on paid data."""
        size = self.pdf_sizes[name]
        return one_script(
            format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=self.locale)
        )

    def offline_copy(self) -> dict | None:
        """The offline copy's address and its size in megabytes, for the about page."""
        if self.offline_zip is None:
            return None
        name, size = self.offline_zip
        megabytes = one_script(
            format_unit(round(size / 1e6, 1), "digital-megabyte", length="short", locale=self.locale)
        )
        return {"url": f"{self.site_url}{name}", "size": megabytes}

    def link(self, target: str) -> str:
        """A Markdown link target to another page (`offices.md#x`), relative to this page.
        An anchor to an item of the data (`#step-…`, `#office-…`) must name one that exists."""
        path, _, anchor = target.partition("#")
        kind, _, item_id = anchor.partition("-")
        items = {
            "step": lambda: self.facts.steps,
            "route": lambda: self.facts.routes,
            "office": lambda: self.facts.offices,
            "term": lambda: self.facts.terms.values(),
            "series": lambda: self.facts.statistics.series,
        }.get(kind)
        if items and item_id not in (ids := [item.id for item in items()]):
            raise UnknownId(f"no {kind} '{item_id}' for the link '{target}' (known: {', '.join(ids)})")
        relative = posixpath.relpath(path, posixpath.dirname(self.name) or ".")
        return f"{relative}#{anchor}" if anchor else relative

    def root(self) -> str:
        """The way from this page up to the site's root, where pdf/ is: for links the Markdown
        cannot check, since the PDFs are not pages. Deeper by one folder when pages are
        `checklists/first-days/` rather than the offline copy's `checklists/first-days.html`."""
        stem = self.name.removesuffix(".md")
        folders = stem.split("/")[:-1] if stem.split("/")[-1] == "index" or not self.directory_urls else stem.split("/")
        original = next(iter(self.facts.languages))
        return "../" * (len(folders) + (self.language != original)) or "./"

    def sort_key(self, name: str) -> tuple:
        """A name's place in the language's alphabet (languages.yml), code points for other characters."""
        alphabet = self.facts.languages[self.language].alphabet or ""
        return tuple((alphabet.index(c), "") if c in alphabet else (len(alphabet), c) for c in name.casefold())

    def glossary(self) -> list:
        """Every term, sorted by its name in the page's language."""
        return sorted(self.sourced(self.facts.terms.values()), key=lambda term: self.sort_key(term.name[self.language]))

    def other_names(self, term) -> str:
        """'*Русский:* беженец · *Қазақша:* босқын': a term's names in the other languages."""
        names = []
        for code, language in self.facts.languages.items():
            if code != self.language:
                unverified = f" ({self.t('term_unverified')})" if code in term.unverified else ""
                names.append(f"*{language.name}:* {term.name[code]}{unverified}")
        return " · ".join(names)

    def sourced(self, items):
        """Items as given, each citing its source: for loops that render facts."""
        for item in items:
            self.cite(item.source)
        return items

    def calculator_data(self) -> str:
        """The calculator's rules, holidays and labels as JSON, for the years around the build."""
        year = date.today().year
        for order in self.facts.counting.calendar.orders:
            self.cite(order.source)
        data = plan.browser_data(self.facts, self.language, plan.calendar(self.facts, year - 1, year + 4))
        data["words"] = self.calculator_words()
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

    def calculator_words(self) -> dict[str, str]:
        """The calculator's sentences in the page's language, with UNHCR's phones in."""
        unhcr = next(office for office in self.facts.offices if office.kind.value == "help")
        self.cite(unhcr.source)
        keys = ("latest", "same_time", "day_off", "unsettled", "advice", "no_working_day", "next_open")
        words = {key: self.t(f"calc_{key}") for key in keys}
        words["no_working_day"] = words["no_working_day"].replace("{phones}", ", ".join(unhcr.phones))
        words["unknown"] = self.t("calc_unknown_days_off").replace("{day}", self.calendar_known_until())
        words["outside"] = self.t("calc_outside_years")
        words["caution"] = self.t("medium_confidence")
        return words

    def day_label(self, day: int, working: int) -> str:
        """'day 75 + 5 working days': the latest end of a step, counted from the application."""
        label = self.t("day_n").format(n=day)
        if working:
            phrase = duration_phrase(
                Duration(amount=working, unit=Unit.working_days), self.facts, self.language, Form.count
            )
            label += " " + self.t("plus_working_days").format(phrase=phrase)
        return label

    def figure(self, value: float, kind) -> str:
        return charts.format_value(value, kind, self.locale)

    def context(self) -> dict:
        return {
            "timeline_rows": lambda: plan.timeline(self.facts),
            "day_label": self.day_label,
            "calculator_data": self.calculator_data,
            "inputs": plan.INPUTS,
            "statistics": self.facts.statistics,
            "detention": self.facts.detention,
            "figure": self.figure,
            "has_chart": charts.has_chart,
            "bar_chart": lambda series: charts.bar_chart(series, self.language, self.locale, self.month_format),
            "ordered_points": charts.ordered,
            "point_name": lambda point: charts.point_name(point, self.language, self.locale, self.month_format),
            "link": self.link,
            "sourced": self.sourced,
            "glossary": self.glossary,
            "other_names": self.other_names,
            "tel": tel,
            "offices": self.facts.offices,
            "rights": self.facts.rights,
            "grounds": self.facts.grounds,
            "terms": self.facts.terms,
            "lang": self.language,
            "facts": self.facts,
            "steps": self.facts.steps,
            "routes": self.facts.routes,
            "sources": self.facts.sources,
            "cite": self.cite,
            "text": self.text,
            "t": self.t,
            "term": self.term,
            "duration": self.duration,
            "validity": self.validity,
            "deadline": self.deadline,
            "deadline_of": self.deadline_of,
            "deadline_short": self.deadline_short,
            "root": self.root(),
            "step": self.step,
            "route": self.route,
            "total": self.total,
            "limits": lambda: self.sourced(self.facts.limits),
            "note": lambda note_id: self.sourced([self.facts.notes[note_id]])[0],
            "counting_rules": self.counting_rules,
            "counting_rule": self.counting_rule,
            "calendar_known_until": self.calendar_known_until,
            "date": self.date,
            "checked": self.checked,
            "upfirst": upfirst,
            "site_url": self.site_url,
            "repo_url": self.repo_url.rstrip("/"),
            "languages": self.facts.languages,
            "freshness": self.freshness,
            "checklist": lambda checklist_id: checklists.sheet(self, checklist_id),
            "printables": self.facts.checklists,
            "pdf_name": checklists.pdf_name,
            "pdf_size": self.pdf_size,
            "offline_copy": self.offline_copy(),
            "qr_svg": checklists.qr_svg,
            "not_reviewed": self.facts.languages[self.language].review is Review.not_reviewed,
        }


class UnknownId(KeyError):
    """A page names an id the data does not have; its message lists the ids there are."""

    def __str__(self) -> str:
        return self.args[0]


def _find(items, item_id: str, kind: str, file: str):
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(item.id for item in items)
    raise UnknownId(f"no {kind} '{item_id}' in data/{file} (known: {known}); check the spelling")


class ContentError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def render_all(
    facts: Facts,
    content_root: Path,
    site_url: str = "",
    pdf_sizes: dict[str, int] | None = None,
    repo_url: str = "",
    freshness=None,
    offline_zip: tuple[str, int] | None = None,
    directory_urls: bool = True,
) -> dict[tuple[str, str], str]:
    """Render every page of every language; collect every problem before failing.

    Returns {(language, path relative to the language folder): markdown}.
    """
    rendered: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    languages = list(facts.languages)
    pages = {lang: _pages(content_root / lang) for lang in languages}
    every = set().union(*pages.values())
    for lang in languages:
        for missing in sorted(every - pages[lang]):
            other = next(other for other in languages if missing in pages[other])
            problems.append(
                Problem(
                    f"{content_root.name}/{lang}/{missing}",
                    1,
                    "",
                    f"page missing in this language (it exists in {content_root.name}/{other}/); translate it",
                )
            )
    # one environment for every language: pages are loaded as `ru/guide.md`, so each partial is compiled once
    for lang in languages:
        for name in sorted(pages[lang]):
            problems += page_source_problems(content_root / lang / name, f"{content_root.name}/{lang}/{name}")
    for index, entry in enumerate(facts.search_words):
        if entry.page not in every:
            line = facts.located["search.yml"].line_of(("pages", index, "page"))
            known = ", ".join(sorted(every))
            problems.append(
                Problem("data/search.yml", line, f"pages[{index}].page", f"no page {entry.page} (pages: {known})")
            )
    env = environment(content_root)
    for lang in languages:
        for name in sorted(pages[lang]):
            shown = f"{content_root.name}/{lang}/{name}"
            try:
                rendered[(lang, name)] = render_page(
                    env, name, facts, lang, site_url, pdf_sizes or {}, repo_url, freshness, offline_zip, directory_urls
                )
            except jinja2.TemplateSyntaxError as error:
                problems.append(Problem(shown, error.lineno, "", f"template syntax: {error.message}"))
            except jinja2.UndefinedError as error:
                problems.append(
                    Problem(
                        shown,
                        _template_line(error, f"{lang}/{name}"),
                        _undefined_name(error),
                        f"{error.message}; check the placeholder's spelling",
                    )
                )
            except UnknownId as error:
                problems.append(Problem(shown, _template_line(error, f"{lang}/{name}"), "", str(error)))
            except (KeyError, StopIteration) as error:
                problems.append(Problem(shown, _template_line(error, f"{lang}/{name}"), "", f"unknown id {error}"))
            except jinja2.sandbox.SecurityError as error:
                message = (
                    f"not allowed in a page: {str(error).rstrip('.')}; pages may only call the site's own functions"
                )
                problems.append(Problem(shown, _template_line(error, f"{lang}/{name}"), "", message))
            except OverflowError as error:
                problems.append(Problem(shown, _template_line(error, f"{lang}/{name}"), "", f"too much work: {error}"))
    if not problems:
        problems = anchor_problems(rendered, lambda lang, name: _source(content_root, lang, name))
    if problems:
        raise ContentError(problems)
    return rendered


def render_page(
    env: jinja2.Environment,
    name: str,
    facts: Facts,
    language: str,
    site_url: str = "",
    pdf_sizes: dict[str, int] | None = None,
    repo_url: str = "",
    freshness=None,
    offline_zip: tuple[str, int] | None = None,
    directory_urls: bool = True,
) -> str:
    """One page's Markdown: review notice, body, then the sources it used."""
    page = Page(
        facts,
        language,
        site_url=site_url,
        pdf_sizes=pdf_sizes or {},
        name=name,
        repo_url=repo_url,
        freshness=freshness,
        offline_zip=offline_zip,
        directory_urls=directory_urls,
    )
    context = page.context()
    body = env.get_template(f"{language}/{name}").render(context)
    footer = env.get_template("page_footer.md.j2").render(context, used=sorted(page.used_sources))
    header = env.get_template("page_header.md.j2").render(context)
    return _after_front_matter(body, header) + footer


def _after_front_matter(body: str, header: str) -> str:
    """Drop the front matter (mkdocs has read it already) and put `header` under the title.
    A byte-order mark some editors put first would hide the front matter: it is dropped."""
    body = body.removeprefix("\ufeff")
    if body.startswith("---\n"):
        body = body[body.index("\n---\n", 4) + 5 :].lstrip("\n")
    if body.startswith("# "):
        cut = body.index("\n") + 1
        return body[:cut] + header + body[cut:]
    return header + body


PAGE_HTML_ALLOWED = {"br"}  # all the raw HTML pages need: the rest is Markdown or the site's templates
PAGE_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*|!--)")
PAGE_ATTRIBUTES = re.compile(r"\{\s*:|\{\s*(?!#[\w-]+\s*\})[#.][^}]*\}|\{[^}]*=[^}]*\}")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")  # placeholders, tags and comments
PAGE_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:[a-z]+:|//)", re.IGNORECASE)


def page_source_problems(path: Path, shown: str) -> list[Problem]:
    """A page's own text, before it is rendered: Markdown and placeholders, a line break, heading
    ids (`{ #id }`), and links to the site's pages or https:// hosts; nothing that could become
    a script, an event handler or a load from another host. Checked after decoding entities."""
    found = []
    for number, line in enumerate(decoded(path.read_text(encoding="utf-8")).splitlines(), start=1):
        if any(tag.lower() not in PAGE_HTML_ALLOWED for tag in PAGE_TAG.findall(line)):
            found.append(Problem(shown, number, "", "raw HTML is not allowed in a page (only <br>); write Markdown"))
        elif PAGE_ATTRIBUTES.search(JINJA.sub("", line)):
            found.append(Problem(shown, number, "", "an attribute list is not allowed (only a heading's { #id })"))
        elif PAGE_REMOTE_IMAGE.search(line):
            found.append(
                Problem(shown, number, "", "an image from another host: readers' phones must ask no other host")
            )
        elif unsafe_link(line, placeholders=True):
            found.append(Problem(shown, number, "", "a link that is not https:// or to a page of the site"))
    return found


def _source(content_root: Path, language: str, name: str) -> tuple[str, str]:
    """A page's file as shown in messages, and its text."""
    return f"{content_root.name}/{language}/{name}", (content_root / language / name).read_text(encoding="utf-8")


def _pages(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*.md")} if folder.exists() else set()


def _template_line(error: Exception, name: str) -> int:
    tb = error.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _undefined_name(error: jinja2.UndefinedError) -> str:
    message = error.message or ""
    return message.split("'")[1] if message.count("'") >= 2 else ""
