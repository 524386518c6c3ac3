"""A checklist from data/checklists.yml, phrased in one language.

The web page and the PDFs are both drawn from this one shape. Deadlines and
validities come from the steps and routes an item names, through the same
`Page` functions as the guide, so a changed deadline changes every checklist in
every language, and every source used is recorded on the page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import segno
from markupsafe import Markup

from pana.facts.models import Checklist, ChecklistItem, Owner
from pana.pages.phrases import upfirst


@dataclass(frozen=True)
class Row:
    """One tick box, with the deadline and validity of the step or route it names."""

    text: str
    deadline: str = ""
    validity: str = ""
    older: tuple[str, ...] = ()
    caution: str = ""  # the deadline's source is not the law itself (confidence: medium)


@dataclass(frozen=True)
class Section:
    title: str
    where: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Contact:
    """An office as a sheet prints it: its name and every detail its source gives."""

    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Due:
    """A line of the deadlines box at the top."""

    label: str
    phrase: str


@dataclass(frozen=True)
class Sheet:
    id: str
    language: str
    title: str
    lead: str
    blanks: tuple[str, ...]
    deadlines: tuple[Due, ...]
    day_off: str  # what the sources say, and what Pana advises, when a last day is a day off
    sections: tuple[Section, ...]
    contacts: tuple[Contact, ...]
    address: str


def sheet(page, checklist_id: str) -> Sheet:
    """The checklist `checklist_id` in `page`'s language, citing its sources on `page`."""
    checklist = find(page.facts, checklist_id)
    sections = tuple(_section(page, section) for section in checklist.sections)
    return Sheet(
        id=checklist.id,
        language=page.language,
        title=page.text(checklist.title),
        lead=page.text(checklist.lead),
        blanks=tuple(page.text(blank) for blank in checklist.blanks),
        deadlines=_deadlines(page, checklist),
        day_off=page.counting_rule("day-off"),
        sections=sections,
        contacts=contacts(page, checklist.contacts),
        address=address(page.site_url, page.language, f"checklists/{checklist.id}/", page.facts.original),
    )


def find(facts, checklist_id: str) -> Checklist:
    return next(c for c in facts.checklists.checklists if c.id == checklist_id)


def _target(page, item: ChecklistItem):
    if item.step:
        return page.step(item.step)
    return page.route(item.route) if item.route else None


def _section(page, section) -> Section:
    if section.route:
        route = page.route(section.route)
        title, where = page.text(route.title), page.term(route.body)
    else:
        title, where = page.text(section.title), ""
    return Section(title=title, where=where, rows=tuple(_row(page, item) for item in section.items))


def _row(page, item: ChecklistItem) -> Row:
    page.cite(item.source)
    if item.fact:
        fact = next(f for f in page.facts.detention if f.id == item.fact)
        page.cite(fact.source)
        return Row(text=f"{page.text(fact.text)} ({page.t('in_year').format(year=fact.year)})")
    target = _target(page, item)
    if target is None:
        return Row(text=page.text(item.text))
    deadline = upfirst(page.deadline(target)) if target.deadline else ""
    shown = item.validity and getattr(target, "validity", None)
    validity = page.validity(target.validity) if shown else ""
    older = tuple(_older(page, old) for old in target.superseded if old.deadline) if item.older else ()
    caution = page.t("medium_confidence") if getattr(target, "confidence", None) else ""
    return Row(text=page.text(item.text), deadline=deadline, validity=validity, older=older, caution=caution)


def _older(page, old) -> str:
    source = page.facts.sources[old.source]
    page.cite(old.source)
    return (
        f"{page.t('older_rule')} ({page.text(source.publisher)}, {page.date(source.updated)}): "
        f"{page.deadline_of(old.deadline)}"
    )


def _deadlines(page, checklist: Checklist) -> tuple[Due, ...]:
    """Every deadline the list mentions, the reader's own first, each once."""
    seen, mine, theirs = set(), [], []
    for section in checklist.sections:
        for item in section.items:
            target = _target(page, item)
            if target is None or target.deadline is None or target.id in seen:
                continue
            seen.add(target.id)
            due = Due(label=page.text(target.title), phrase=page.deadline(target))
            reader = getattr(target, "owner", Owner.reader) is Owner.reader
            (mine if reader else theirs).append(due)
    return tuple(mine + theirs)


def contacts(page, office_ids) -> tuple[Contact, ...]:
    """The offices `office_ids` in the page's language, citing their sources."""
    found = []
    for office_id in office_ids:
        office = next(o for o in page.facts.offices if o.id == office_id)
        page.cite(office.source)
        lines = []
        if office.address:
            place = page.text(office.address)
            city = page.text(office.city) if office.city else ""
            lines.append(f"{page.t('address')}: {place}" + (f", {city}" if city and city not in place else ""))
        if office.phones:
            lines.append(f"{page.t('phones')}: {', '.join(office.phones)}")
        if office.hours:
            lines.append(f"{page.t('hours')}: {page.text(office.hours)}")
        if office.website:
            page.cite(office.website_source or office.source)
            lines.append(f"{page.t('website')}: {office.website.host}")
        found.append(Contact(page.text(office.name), tuple(lines)))
    return tuple(found)


def address(site_url: str, language: str, path: str, original: str) -> str:
    """The public address of a page: the original language sits at the root."""
    prefix = "" if language == original else f"{language}/"
    return f"{site_url.rstrip('/')}/{prefix}{path}"


def pdf_name(item_id: str, languages: tuple[str, ...] | list[str]) -> str:
    """pana-first-days-ru.pdf, pana-first-days-en-kk.pdf, …"""
    return f"pana-{item_id}-{'-'.join(languages)}.pdf"


@functools.cache  # the same few addresses recur on every sheet and PDF
def qr_svg(url: str) -> Markup:
    """The address as a QR code, inline SVG made at build time (no image request)."""
    return Markup(segno.make(url, error="m").svg_inline(scale=3, border=2, title=url))


@functools.cache
def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def checked_on(page) -> date:
    """The oldest date on which any source the page used was last checked."""
    return min(page.facts.sources[source].checked for source in page.used_sources)


def checked_label(page) -> str:
    """Which words say how the facts were checked: from stored copies, unless every source was read live."""
    live = all(page.facts.sources[source].checked_how.value == "live-page" for source in page.used_sources)
    return "facts_checked" if live else "facts_checked_stored"
