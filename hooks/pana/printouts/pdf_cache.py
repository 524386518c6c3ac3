"""The PDF cache: where each PDF of a build lies, drawing one into it, copying them out.

Kept apart from printables.py (which writes each PDF's HTML from the data) so that
a build whose inputs have not changed (pana.site.memo) can put the PDFs into the site
without loading the data models, templates and WeasyPrint.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pana import cache

log = logging.getLogger("mkdocs.hooks.pana")
FONTS = Path(__file__).resolve().parents[3] / "fonts"
PDF_FOLDER = "pdf"  # under the site's root, shared by every language
FONT_FILES = ("PTSans-Regular.ttf", "PTSans-Bold.ttf")  # the ones print.css names
# Tagged (a structure tree in reading order, for screen readers and reader modes) and
# marked as PDF/UA-1, which changes no layout. Part of every PDF's cache key.
PDF_OPTIONS = {"pdf_tags": True, "pdf_variant": "pdf/ua-1"}
LANGUAGE_TAGS = 1  # the version of `_tag_languages` below: part of the cache key too


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


_drawing = threading.Lock()  # one drawing at a time: a later build may want the same file


def _tag_languages(tags) -> None:
    """Make WeasyPrint give each structure element the language of its HTML element's `lang`.

    WeasyPrint 70 puts `<html lang>` into the catalog but drops the `lang` of every other
    element, so a screen reader would read a Kazakh column of a bilingual sheet with a
    Russian voice. Its tagger builds the tree with one recursive function, `_build_box_tree`,
    which is wrapped here; the PDF tests fail if a new WeasyPrint stops calling it.
    """
    import pydyf  # WeasyPrint's PDF writer

    if getattr(tags._build_box_tree, "pana_languages", False):
        return
    build = tags._build_box_tree
    inside: list[object] = []  # the HTML elements of the boxes being tagged, outermost first

    def with_languages(box, *args):
        box_of = getattr(box, "_box", box)  # an absolute box sits behind a placeholder
        element = box_of.element
        own = element is not None and box_of.element_tag != "html" and (not inside or inside[-1] is not element)
        language = element.get("lang") if own else None  # anonymous boxes share their parent's element
        inside.append(element)
        try:
            for struct in build(box, *args):
                if language and "Lang" not in struct:
                    struct["Lang"] = pydyf.String(language)
                yield struct
        finally:
            inside.pop()

    with_languages.pana_languages = True
    tags._build_box_tree = with_languages


def draw(html: str, target: Path) -> None:
    """Draw `html` into the PDF `target` with WeasyPrint, unless another build just did."""
    import weasyprint  # 0.7 s to import: paid only when a PDF has to be drawn
    from weasyprint.pdf import tags

    _tag_languages(tags)
    with _drawing:
        if cache.valid(target):
            return
        missing = [font for font in FONT_FILES if not (FONTS / font).is_file()]
        if missing:  # WeasyPrint would silently use a system font without Kazakh letters
            raise FileNotFoundError(f"fonts/ lacks {', '.join(missing)}: the PDFs need them; restore the folder")
        partial = target.with_suffix(f".{os.getpid()}.part")  # another build may draw the same file
        weasyprint.HTML(string=html, base_url=str(FONTS) + "/").write_pdf(partial, **PDF_OPTIONS)
        cache.seal(partial)
        cache.move(partial, target)


def draw_pending(printed: Printed, site_dir: Path) -> threading.Thread:
    """Draw the pending PDFs in the background and put them into `site_dir` (`mkdocs serve`)."""

    def work() -> None:
        for name, (html, _) in printed.pending.items():
            try:
                draw(html, printed.files[name])
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
    out = site_dir / PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for name, cached in printed.files.items():
        if cached.exists():
            shutil.copyfile(cached, out / name)
