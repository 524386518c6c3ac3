"""The PDFs as a screen reader or a phone's reader mode gets them: tagged, in reading order,
each text in its language, with a title, a subject and a text alternative for the QR code.

The PDFs are drawn once, by the build's own code (pana.printouts.printables.draw_all), into tmp_path;
pypdf reads the structure tree and pdfium the text of each marked-content sequence.
"""

from __future__ import annotations

import ctypes
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import ROOT
from pana.facts.data import load_facts
from pana.pages import checklists
from pana.pages.render import Page
from pana.printouts import pdf_cache, printables
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

FACTS = load_facts(ROOT / "data")
SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
JOBS = printables.jobs(FACTS)
CARD = FACTS.checklists.card.id
SHEETS = [job for job in JOBS if job.item_id != CARD]


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Every PDF of the site, drawn as the build draws them."""
    cache_dir = tmp_path_factory.mktemp("pdf-cache") / "pdf"
    return printables.draw_all(FACTS, SITE_URL, cache_dir).files


def squeeze(text: str) -> str:
    """Text without whitespace: lines and styled runs (bold, italic) break anywhere."""
    return "".join(text.split())


@dataclass
class Node:
    """A structure element: its type, its own /Lang, its language in effect, its text, its kids."""

    kind: str
    lang: str | None
    language: str
    alt: str | None = None
    kids: list[Node] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # own marked content and kids' text, in order
    parts: list[tuple[str, Node | None]] = field(default_factory=list)  # (own text, None) or (text, kid)

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()


@dataclass
class Tagged:
    catalog: DictionaryObject
    info: dict
    xmp: str
    tree: Node
    pages: int

    def language_text(self, language: str) -> str:
        """The text the reader hears in `language`, in reading order."""
        found = []

        def visit(node: Node, inherited: str) -> None:
            for kid_text, kid in node.parts:
                if kid is None:
                    if inherited == language:
                        found.append(kid_text)
                else:
                    visit(kid, kid.language)

        visit(self.tree, self.tree.language)
        return " ".join(found)


def marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """{(page index, MCID): text} of every text object inside marked content."""
    found: dict[tuple[int, int], str] = {}
    pdf = pdfium.PdfDocument(path)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        for obj in page.get_objects():
            if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(obj.raw)
            size = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
            buffer = (ctypes.c_ushort * (size // 2))()  # UTF-16, ending in a zero
            pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
            # pdfium gives a hyphen that ends a line (asylum-|seeker) as U+0002 (U+FFFE in a text page)
            text = bytes(buffer)[: size - 2].decode("utf-16-le").replace("\x02", "-").replace("\ufffe", "-")
            if mcid >= 0:
                found[(index, mcid)] = found.get((index, mcid), "") + text
    return found


def read(path: Path) -> Tagged:
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    texts = marked_texts(path)

    def build(obj, inherited: str, page: int | None) -> Node:
        element = obj.get_object()
        lang = str(element["/Lang"]) if "/Lang" in element else None
        node = Node(str(element["/S"])[1:], lang, lang or inherited, str(element.get("/Alt", "")) or None)
        if "/Pg" in element:
            page = page_of[element.raw_get("/Pg").idnum]
        kids = element.get("/K", ArrayObject())
        kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if isinstance(kid, int):
                text = texts.get((page, kid), "")
                node.parts.append((text, None))
                node.texts.append(text)
                continue
            kid = kid.get_object()
            if not isinstance(kid, DictionaryObject) or kid.get("/Type") == "/OBJR" or "/S" not in kid:
                continue
            child = build(kid, node.language, page)
            node.kids.append(child)
            node.parts.append((child.text, child))
            node.texts.append(child.text)
        return node

    root = catalog["/StructTreeRoot"].get_object()
    document = root["/K"][0]
    metadata = catalog["/Metadata"].get_object().get_data().decode("utf-8") if "/Metadata" in catalog else ""
    return Tagged(
        catalog, dict(reader.metadata or {}), metadata, build(document, str(catalog["/Lang"]), None), len(reader.pages)
    )


def sheet_of(item_id: str, language: str) -> checklists.Sheet:
    return checklists.sheet(Page(FACTS, language, site_url=SITE_URL), item_id)


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in `haystack` after the one before them (whitespace ignored)."""
    rest, missing = squeeze(haystack), []
    for needle in needles:
        at = rest.find(squeeze(needle))
        if at < 0:
            missing.append(needle)
        else:
            rest = rest[at + len(squeeze(needle)) :]
    return missing


def reading_order(sheet: checklists.Sheet) -> list[str]:
    """What a sheet says, top to bottom, as the data has it."""
    said = [sheet.title, sheet.lead]
    for due in sheet.deadlines:
        said += [due.label, due.phrase]
    said += list(sheet.blanks)
    for section in sheet.sections:
        said += [section.title] + ([section.where] if section.where else [])
        said += [row.text for row in section.rows]
    said += [contact.name for contact in sheet.contacts]
    return said + [sheet.address]


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_pdf_is_tagged_with_its_language_title_and_subject(pdfs, job):
    pdf = read(pdfs[job.name])
    assert pdf.catalog["/MarkInfo"]["/Marked"].value is True
    assert pdf.tree.kind == "Document" and pdf.tree.kids
    assert str(pdf.catalog["/Lang"]) == job.languages[0]
    assert pdf.catalog["/ViewerPreferences"]["/DisplayDocTitle"]  # the title, not the file name
    pages = [Page(FACTS, language, site_url=SITE_URL) for language in job.languages]
    if job.item_id == CARD:
        card = FACTS.checklists.card
        title = " / ".join(page.text(card.title) for page in pages)
        subject = " / ".join(page.text(card.says) for page in pages)
    else:
        sheets = [sheet_of(job.item_id, language) for language in job.languages]
        title, subject = " / ".join(s.title for s in sheets), " / ".join(s.lead for s in sheets)
    assert pdf.info["/Title"] == title
    assert pdf.info["/Subject"] == subject
    # PDF/UA-1: WeasyPrint declares it in the XMP metadata, with the title and subject again
    assert re.search(r'pdfuaid:part="1"', pdf.xmp), pdf.xmp[:300]
    assert title in pdf.xmp
    assert 1 <= pdf.pages <= 2


@pytest.mark.parametrize("job", SHEETS, ids=lambda job: job.name)
def test_structure_reads_each_language_in_the_order_of_the_sheet(pdfs, job):
    pdf = read(pdfs[job.name])
    for language in job.languages:
        heard = pdf.language_text(language)
        sheet = sheet_of(job.item_id, language)
        assert in_order(heard, reading_order(sheet)) == []
        for other in job.languages:
            if other != language:  # the other column is read in its own voice
                assert squeeze(sheet_of(job.item_id, other).title) not in squeeze(heard)
    headings = [node for node in pdf.tree.walk() if node.kind in ("H1", "H2")]
    for language in job.languages:
        sheet = sheet_of(job.item_id, language)
        wanted = [sheet.title] + [section.title for section in sheet.sections]
        got = [squeeze(h.text) for h in headings if h.language == language]
        assert [squeeze(w) for w in wanted] == got[: len(wanted)]


@pytest.mark.parametrize("job", [job for job in SHEETS if len(job.languages) == 1], ids=lambda job: job.name)
def test_one_language_sheets_give_each_section_as_a_list_of_its_tick_boxes(pdfs, job):
    pdf = read(pdfs[job.name])
    sheet = sheet_of(job.item_id, job.languages[0])
    # WeasyPrint tags each page on its own: a list that goes on over the page is two lists
    found: list[list[Node]] = []
    for node in pdf.tree.kids:
        if node.kind == "H2":
            found.append([])
        elif node.kind == "L" and found:
            found[-1] += [kid for kid in node.kids if kid.kind == "LI"]
    assert len(found) == len(sheet.sections)
    for items, section in zip(found, sheet.sections, strict=True):
        assert len(items) == len(section.rows)
        for item, row in zip(items, section.rows, strict=True):
            assert squeeze(item.text).startswith(squeeze(row.text))
            if row.deadline:
                assert squeeze(row.deadline) in squeeze(item.text)


@pytest.mark.parametrize("job", [job for job in JOBS if len(job.languages) > 1], ids=lambda job: job.name)
def test_bilingual_pdfs_mark_each_columns_language(pdfs, job):
    pdf = read(pdfs[job.name])
    rows = [node for node in pdf.tree.walk() if node.kind == "TR"]
    columns = [row for row in rows if len([kid for kid in row.kids if kid.kind == "TD"]) == len(job.languages)]
    assert len(columns) >= len(rows) - len(FACTS.checklists.card.blanks)  # the card's blanks span both
    for row in columns:
        assert [cell.lang for cell in row.kids if cell.kind == "TD"] == list(job.languages), row.text[:80]
    marked = {node.lang for node in pdf.tree.walk() if node.lang}
    assert marked == set(job.languages)
    if job.item_id == CARD:  # a blank's label in both languages, each word in its own
        spans = [node for node in pdf.tree.walk() if node.kind == "Span" and node.lang]
        assert {span.lang for span in spans} == set(job.languages)
        assert FACTS.checklists.card.blanks[0][job.languages[1]] in [span.text for span in spans]


@pytest.mark.parametrize("job", SHEETS, ids=lambda job: job.name)
def test_qr_code_is_a_figure_whose_text_alternative_gives_the_address(pdfs, job):
    pdf = read(pdfs[job.name])
    figures = [node for node in pdf.tree.walk() if node.kind == "Figure"]
    last = job.languages[-1]
    address = sheet_of(job.item_id, last).address
    assert [(f.alt, f.language) for f in figures] == [
        (f"{Page(FACTS, last, site_url=SITE_URL).t('qr_code')}: {address}", last)
    ]


def test_pdfs_drawn_with_other_options_are_not_reused(pdfs, monkeypatch, tmp_path):
    """An untagged PDF left in .cache/ by an older build is drawn again, not published."""
    cache_dir = tmp_path / "pdf"
    shutil.copytree(next(iter(pdfs.values())).parent, cache_dir)  # draw_all drops the PDFs it does not use
    names = {job.name: 0 for job in JOBS}
    assert printables.draw_all(FACTS, SITE_URL, cache_dir, later=names).reused == list(names)
    monkeypatch.setattr(printables, "PDF_OPTIONS", {})
    again = printables.draw_all(FACTS, SITE_URL, cache_dir, later=names)
    assert again.reused == [] and set(again.pending) == set(names)
    monkeypatch.setattr(printables, "PDF_OPTIONS", pdf_cache.PDF_OPTIONS)
    monkeypatch.setattr(printables, "LANGUAGE_TAGS", pdf_cache.LANGUAGE_TAGS + 1)
    assert printables.draw_all(FACTS, SITE_URL, cache_dir, later=names).reused == []
