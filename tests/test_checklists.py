"""The printable checklists as a reader gets them: web pages, PDFs, the card, the fonts, the cache."""

from __future__ import annotations

import ctypes
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, build, page_path
from fontTools.ttLib import TTFont
from pana.facts.data import load_facts
from pana.pages import checklists
from pana.pages.render import Page
from pana.printouts import printables
from pana.printouts.pdf_cache import PDF_FOLDER

FACTS = load_facts(ROOT / "data")
SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
CHECKLIST_IDS = [c.id for c in FACTS.checklists.checklists]
JOBS = printables.jobs(FACTS)
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KAZAKH_ONLY = "әғқңөұүһі"
SHIPPED_FONTS = sorted((ROOT / "fonts").glob("*.ttf"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def sheet_of(item_id: str, language: str) -> checklists.Sheet:
    return checklists.sheet(Page(FACTS, language, site_url=SITE_URL), item_id)


def pdf_text(path: Path) -> list[str]:
    """The text of every page of a PDF, whitespace collapsed (lines break anywhere).

    pdfium marks a hyphen that ends a line (asylum-|seeker) as U+FFFE."""
    pdf = pdfium.PdfDocument(path)
    return [words(pdf[i].get_textpage().get_text_range().replace("\ufffe", "-")) for i in range(len(pdf))]


def checklist_page(site: Path, language: str, item_id: str) -> Path:
    return page_path(site, language, f"checklists/{item_id}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("item_id", CHECKLIST_IDS)
def test_checklist_page_has_tick_boxes_and_its_deadlines_first(site, language, item_id):
    sheet = sheet_of(item_id, language)
    html = soup(checklist_page(site, language, item_id))
    article = html.select_one("article")
    assert html.html["lang"] == language
    assert article.select_one("h1").get_text(strip=True).startswith(sheet.title)
    rows = [row for section in sheet.sections for row in section.rows]
    assert len(article.select("li.task-list-item input[type=checkbox]")) == len(rows)
    if sheet.deadlines:  # the detention checklist has facts but no deadline of the procedure
        box = words(article.select_one(".admonition.danger").get_text(" "))
        assert all(f"{due.label}: {due.phrase}" in box for due in sheet.deadlines)
        # the deadlines come before the first section
        assert str(article).index("admonition danger") < str(article).index("<h2")
    else:
        assert item_id == "detained" and article.select_one(".admonition.danger") is None
    text = words(article.get_text(" "))
    for row in rows:
        assert row.text in text
        assert row.deadline in text
    assert sheet.address in text and article.select_one(".pana-address svg") is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("item_id", CHECKLIST_IDS)
def test_download_links_lead_to_the_pdfs(site, language, item_id):
    path = checklist_page(site, language, item_id)
    links = soup(path).select("a[download]")
    expected = {checklists.pdf_name(item_id, [language])} | {
        checklists.pdf_name(item_id, pair) for pair in FACTS.checklists.bilingual if language in pair
    }
    assert {a["href"].rsplit("/", 1)[-1] for a in links} == expected
    for a in links:
        pdf = (path.parent / a["href"]).resolve()
        assert pdf.is_file(), a["href"]
        # the button tells a reader on paid data what the download costs
        size = Page(FACTS, language, pdf_sizes={pdf.name: pdf.stat().st_size}).pdf_size(pdf.name)
        assert a.get_text().endswith(f"({size})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_printables_page_lists_every_pdf_of_its_language(site, language):
    path = page_path(site, language, "checklists")
    hrefs = {a["href"].rsplit("/", 1)[-1]: a["href"] for a in soup(path).select("a[download]")}
    card = FACTS.checklists.card.id
    # each checklist in this language and its bilingual pairs; the card in every pairing
    wanted = {job.name for job in JOBS if job.item_id == card or language in job.languages}
    assert set(hrefs) == wanted
    for href in hrefs.values():
        assert (path.parent / href).resolve().is_file(), href


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_pdf_is_short_small_and_in_its_languages(site, job):
    path = site / PDF_FOLDER / job.name
    pages = pdf_text(path)
    text = " ".join(pages)
    assert 1 <= len(pages) <= 2
    assert path.stat().st_size < 100_000
    if job.item_id == FACTS.checklists.card.id:
        for language in job.languages:
            assert words(FACTS.checklists.card.says[language]) in text
        return
    for language in job.languages:
        sheet = sheet_of(job.item_id, language)
        assert sheet.title in text
        for due in sheet.deadlines:
            assert due.phrase in text, (language, due.phrase)
    others = [lang for lang in LANGUAGES if lang not in job.languages]
    for other in others:
        assert sheet_of(job.item_id, other).title not in text
    if "en" in job.languages and len(job.languages) == 1:
        assert not re.search("[а-яё]", text.lower())
    if "kk" in job.languages:
        assert any(letter in text for letter in KAZAKH_ONLY)


def embedded_fonts(path: Path) -> dict[str, str]:
    """{PDF font name: full name inside the embedded font program} of every text object."""
    found = {}
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        for obj in page.get_objects():
            if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            name = ctypes.create_string_buffer(256)
            pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
            size = ctypes.c_size_t()
            pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
            data = (ctypes.c_uint8 * size.value)()
            pdfium_c.FPDFFont_GetFontData(font, data, size.value, ctypes.byref(size))
            found[name.value.decode()] = TTFont(io.BytesIO(bytes(data)))["name"].getDebugName(4)
    return found


@pytest.mark.parametrize(
    "name", ["pana-first-days-kk.pdf", "pana-after-decision-en-ru.pdf", "pana-asylum-card-ru-kk.pdf"]
)
def test_pdfs_embed_only_the_shipped_fonts(site, name):
    shipped = {TTFont(font)["name"].getDebugName(4) for font in SHIPPED_FONTS}
    fonts = embedded_fonts(site / PDF_FOLDER / name)
    assert fonts
    for pdf_name, full_name in fonts.items():
        # the family named only in our @font-face, and the program of a file in fonts/
        assert re.fullmatch(r"[A-Z]{6}\+Pana-Sans(-Bold|-Oblique)?", pdf_name), pdf_name
        assert full_name in shipped, full_name


@pytest.mark.parametrize("font", SHIPPED_FONTS, ids=lambda f: f.name)
def test_shipped_font_covers_every_letter_the_site_prints(font):
    """WeasyPrint would silently borrow a missing glyph from a system font."""
    covered = TTFont(font).getBestCmap()
    data_text = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "data").glob("*.yml"))
    letters = set(RUSSIAN + RUSSIAN.upper() + KAZAKH_ONLY + KAZAKH_ONLY.upper()) | set(data_text)
    missing = sorted(c for c in letters if c.isprintable() and not c.isspace() and ord(c) not in covered)
    assert missing == []
    assert (ROOT / "fonts" / "LICENSE-PTSans.txt").is_file()


@pytest.mark.parametrize("job", [job for job in JOBS if job.item_id != FACTS.checklists.card.id], ids=lambda j: j.name)
def test_pdf_qr_code_reads_back_as_the_page_address(site, job):
    pdf = pdfium.PdfDocument(site / PDF_FOLDER / job.name)
    found = []
    for page in pdf:
        found += [code.text for code in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    assert found == [sheet_of(job.item_id, job.languages[-1]).address]


def test_pdfs_are_drawn_again_only_when_their_content_changes(project, tmp_path):
    def pdf_log(result) -> tuple[int, int]:
        assert result.returncode == 0, result.stderr
        found = re.search(r"PDFs: (\d+) rendered, (\d+) reused", result.stderr)
        return int(found[1]), int(found[2])

    assert pdf_log(build(project, tmp_path / "one")) == (len(JOBS), 0)
    assert pdf_log(build(project, tmp_path / "two")) == (0, len(JOBS))
    procedure = project / "data" / "procedure.yml"
    text = procedure.read_text(encoding="utf-8")
    old = "deadline: {amount: 3, unit: calendar_days, from: certificate}"
    assert old in text
    procedure.write_text(text.replace(old, old.replace("amount: 3", "amount: 4")), encoding="utf-8")
    rendered, reused = pdf_log(build(project, tmp_path / "three"))
    assert 0 < rendered < len(JOBS) and rendered + reused == len(JOBS)
    assert len(list((project / ".cache" / "pdf").glob("*.pdf"))) == len(JOBS)  # stale ones are dropped
    ru = " ".join(pdf_text(tmp_path / "three" / PDF_FOLDER / "pana-procedure-ru.pdf"))
    assert "В течение 4 календарных дней с момента получения свидетельства" in ru


def mentions(term_name: str, language: str) -> str:
    """The words by which a sheet names a body, whatever its grammatical case: the abbreviation in
    brackets, or the name before its first comma less the word that inflects (Russian and English
    head nouns come first, Kazakh ones last)."""
    if abbreviation := re.search(r"\(([^)]+)\)", term_name):
        return abbreviation[1]
    words_ = term_name.split(",")[0].split()
    if len(words_) == 1:
        return words_[0]
    return " ".join(words_[:-1] if language == "kk" else words_[1:])


def test_mentions_find_the_names_in_any_case():
    assert mentions("Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы", "kk") in (
        "жұмыспен қамту және әлеуметтік бағдарламалар басқармасына".capitalize()
    )
    assert (
        mentions("Управление занятости и социальных программ", "ru") in "в управление занятости и социальных программ"
    )
    assert mentions("UNHCR, the UN Refugee Agency", "en") == "UNHCR"


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_sheet_gives_the_contacts_of_the_bodies_it_names(site, job):
    """A sheet that names a body whose office the data gives an address or phone for shows them."""
    text = " ".join(pdf_text(site / PDF_FOLDER / job.name))
    checked = 0
    for language in job.languages:
        for office in FACTS.offices:
            if office.body is None or not (office.address or office.phones):
                continue
            name = mentions(FACTS.terms[office.body].name[language], language)
            if name.lower() not in text.lower():
                continue
            checked += 1
            for phone in office.phones:
                assert phone in text, (job.name, office.id, phone)
            if office.address:
                assert words(office.address[language]) in text, (job.name, office.id, language)
    if job.item_id in ("detained", "asylum-card", "first-days", "after-decision"):
        assert checked, f"{job.name} names no body with contacts: the test would prove nothing"


def test_the_card_names_the_law_it_relies_on(site):
    card = FACTS.checklists.card
    for pair in card.pairs:
        text = " ".join(pdf_text(site / PDF_FOLDER / checklists.pdf_name(card.id, pair)))
        for language in pair:
            assert words(FACTS.sources[card.law].title[language]) in text


@pytest.mark.parametrize("item_id", CHECKLIST_IDS)
def test_every_checklist_is_printed_in_russian_and_kazakh_side_by_side(site, item_id):
    assert ["ru", "kk"] in [list(pair) for pair in FACTS.checklists.bilingual]
    pages = pdf_text(site / PDF_FOLDER / checklists.pdf_name(item_id, ("ru", "kk")))
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    for language in ("ru", "kk"):
        assert words(sheet_of(item_id, language).title) in text
