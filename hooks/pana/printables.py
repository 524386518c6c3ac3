"""PDFs of every checklist (each language, and two languages side by side) and of
the asylum card, drawn with WeasyPrint from the same sheets as the web pages.

A PDF is keyed by the SHA-256 of its HTML (stylesheet included), the fonts and
WeasyPrint's version, and kept under the cache folder: an unchanged checklist
is copied, not drawn again. The fonts are the project's own (fonts/), so a PDF
looks the same wherever it is built; no system font is ever asked for.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import jinja2

from . import checklists
from .models import Review
from .render import TEMPLATES, Page, bytecode_cache

log = logging.getLogger("mkdocs.hooks.pana")
FONTS = Path(__file__).resolve().parent.parent.parent / "fonts"


@dataclass(frozen=True)
class Job:
    """One PDF to make: a checklist (or the card) in one or two languages."""

    item_id: str
    languages: tuple[str, ...]
    template: str

    @property
    def name(self) -> str:
        return checklists.pdf_name(self.item_id, self.languages)


@dataclass
class Printed:
    """The PDFs of one build: where each lies in the cache, and which had to be drawn.

    Under `mkdocs serve` a changed PDF may be left `pending`, to be drawn after the
    pages are served; until then its pages give the size of the version before.
    """

    files: dict[str, Path] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    pending: dict[str, tuple[str, int]] = field(default_factory=dict)  # name: (HTML, size before)

    def sizes(self) -> dict[str, int]:
        drawn = {name: path.stat().st_size for name, path in self.files.items() if name not in self.pending}
        return drawn | {name: size for name, (_, size) in self.pending.items()}


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
    if job.template == "print/card.html.j2":
        sheets = []
        for page in pages:
            page.cite(facts.checklists.card.source)
    else:
        sheets = [checklists.sheet(page, job.item_id) for page in pages]
    columns = [
        {
            "page": page,
            "sources": [facts.sources[s] for s in sorted(page.used_sources)],
            "checked": page.date(checklists.checked_on(page)),
            "not_reviewed": facts.languages[page.language].review is Review.not_reviewed,
        }
        for page in pages
    ]
    return env.get_template(job.template).render(
        card=facts.checklists.card,
        sheets=sheets,
        columns=columns,
        qr=checklists.qr_data_uri(sheets[-1].address) if sheets else "",
    )


def fonts_digest() -> str:
    digest = hashlib.sha256()
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.read_bytes())
    return digest.hexdigest()


def draw_all(facts, site_url: str, cache_dir: Path, later: dict[str, int] | None = None) -> Printed:
    """Make every PDF in the cache, drawing only those whose content changed.

    Called before any page is written, so a PDF that cannot be drawn stops the
    build, and the pages can give the size of each file they link to. PDFs named
    in `later` (their sizes before) are left pending instead: see `draw_pending`.
    """
    env = environment(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    salt = f"{version('weasyprint')}\n{fonts_digest()}\n"
    printed = Printed()
    for job in jobs(facts):
        html = html_of(job, facts, site_url, env)
        cached = cache_dir / f"{hashlib.sha256((salt + html).encode('utf-8')).hexdigest()}.pdf"
        if cached.exists():
            printed.reused.append(job.name)
        elif later and job.name in later:
            printed.pending[job.name] = (html, later[job.name])
        else:
            _draw(html, cached)
            printed.rendered.append(job.name)
        printed.files[job.name] = cached
    for old in set(cache_dir.glob("*.pdf")) - set(printed.files.values()):
        old.unlink(missing_ok=True)  # drawn for content that has changed since
    return printed


_drawing = threading.Lock()  # one drawing at a time: a later build may want the same file


def _draw(html: str, target: Path) -> None:
    import weasyprint  # 0.7 s to import: paid only when a PDF has to be drawn

    with _drawing:
        if target.exists():
            return
        partial = target.with_suffix(f".{os.getpid()}.part")  # another build may draw the same file
        weasyprint.HTML(string=html, base_url=str(FONTS) + "/").write_pdf(partial)
        partial.replace(target)


def draw_pending(printed: Printed, site_dir: Path) -> threading.Thread:
    """Draw the pending PDFs in the background and put them into `site_dir` (`mkdocs serve`)."""

    def work() -> None:
        for name, (html, _) in printed.pending.items():
            try:
                _draw(html, printed.files[name])
            except Exception as error:  # noqa: BLE001 - the preview goes on; `make site` would stop
                log.error(f"PDF {name} could not be drawn: {error}")
        with contextlib.suppress(OSError):  # a newer build may have cleaned the folder meanwhile
            copy_into(printed, site_dir)
        log.info(f"PDFs: {len(printed.pending)} drawn after the pages were served")

    thread = threading.Thread(target=work, name="pana-pdfs", daemon=True)
    thread.start()
    return thread


def copy_into(printed: Printed, site_dir: Path) -> None:
    """Put the drawn PDFs under `site_dir`/pdf/, where every language's pages link to them."""
    out = site_dir / checklists.PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for name, cached in printed.files.items():
        if cached.exists():
            shutil.copyfile(cached, out / name)
