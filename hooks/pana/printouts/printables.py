"""PDFs of every checklist (each language, and two languages side by side) and of
the asylum card, drawn with WeasyPrint from the same sheets as the web pages.

A PDF is keyed by the SHA-256 of its HTML (stylesheet included), the fonts,
WeasyPrint's version and the options it is drawn with (tagged, PDF/UA-1), and
kept under the cache folder: an unchanged checklist is copied, not drawn again.
The fonts are the project's own (fonts/), so a PDF looks the same wherever it
is built; no system font is ever asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2

from pana import cache
from pana.facts.models import Review
from pana.pages import checklists
from pana.pages.render import TEMPLATES, Page, bytecode_cache
from pana.printouts.pdf_cache import FONTS, LANGUAGE_TAGS, PDF_OPTIONS, Printed, draw


@dataclass(frozen=True)
class Job:
    """One PDF to make: a checklist (or the card) in one or two languages."""

    item_id: str
    languages: tuple[str, ...]
    template: str

    @property
    def name(self) -> str:
        return checklists.pdf_name(self.item_id, self.languages)


def jobs(facts) -> list[Job]:
    """Every checklist in every language and bilingual pair, then the card in its pairs."""
    found = []
    for checklist in facts.checklists.checklists:
        for languages in [(lang,) for lang in facts.languages] + [tuple(p) for p in facts.checklists.bilingual]:
            found.append(Job(checklist.id, languages, "print/checklist.html.j2"))
    card = facts.checklists.card
    found += [Job(card.id, tuple(pair), "print/card.html.j2") for pair in card.pairs]
    return found


def environment(cache_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=bytecode_cache(cache_dir.parent / "jinja-pdf"),  # not shared: other settings
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def html_of(job: Job, facts, site_url: str, env: jinja2.Environment) -> str:
    """The HTML of one PDF: a column per language, the rows of each language side by side."""
    pages = [Page(facts, language, site_url=site_url) for language in job.languages]
    card_contacts = []
    if job.template == "print/card.html.j2":
        sheets = []
        for page in pages:
            page.cite(facts.checklists.card.source)
            page.cite(facts.checklists.card.law)
            card_contacts.append(checklists.contacts(page, facts.checklists.card.contacts))
    else:
        sheets = [checklists.sheet(page, job.item_id) for page in pages]
    columns = [
        {
            "page": page,
            "sources": [facts.sources[s] for s in sorted(page.used_sources)],
            "checked": page.date(checklists.checked_on(page)),
            "checked_label": page.t(checklists.checked_label(page)),
            "not_reviewed": facts.languages[page.language].review is Review.not_reviewed,
        }
        for page in pages
    ]
    return env.get_template(job.template).render(
        card=facts.checklists.card,
        card_contacts=card_contacts,
        sheets=sheets,
        columns=columns,
        qr=checklists.qr_data_uri(sheets[-1].address) if sheets else "",
    )


def fonts_digest() -> str:
    return cache.key(*(font.read_bytes() for font in sorted(FONTS.glob("*.ttf"))))


def draw_all(facts, site_url: str, cache_dir: Path, later: dict[str, int] | None = None) -> Printed:
    """Make every PDF in the cache, drawing only those whose content changed.

    Called before any page is written, so a PDF that cannot be drawn stops the
    build, and the pages can give the size of each file they link to. PDFs named
    in `later` (their sizes before) are left pending instead: see `draw_pending`.
    """
    env = environment(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # drawn with other options (untagged, before the languages were marked), a PDF is drawn again
    options = ",".join(f"{key}={value}" for key, value in sorted(PDF_OPTIONS.items()))
    salt = f"{version('weasyprint')}\n{fonts_digest()}\n{options};languages={LANGUAGE_TAGS}\n"
    printed = Printed()
    for job in jobs(facts):
        html = html_of(job, facts, site_url, env)
        cached = cache_dir / f"{cache.key(salt, html)}.pdf"
        if cache.valid(cached):  # a damaged PDF in .cache/ is drawn again, never published
            printed.reused.append(job.name)
        elif later and job.name in later:
            printed.pending[job.name] = (html, later[job.name])
        else:
            draw(html, cached)
            printed.rendered.append(job.name)
        printed.files[job.name] = cached
    for old in set(cache_dir.glob("*.pdf")) - set(printed.files.values()):
        old.unlink(missing_ok=True)  # drawn for content that has changed since
    return printed
