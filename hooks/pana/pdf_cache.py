"""The PDF cache: where each PDF of a build lies, drawing one into it, copying them out.

Kept apart from printables.py (which writes each PDF's HTML from the data) so that
a build whose inputs have not changed (pana.memo) can put the PDFs into the site
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

from . import cache

log = logging.getLogger("mkdocs.hooks.pana")
FONTS = Path(__file__).resolve().parent.parent.parent / "fonts"
PDF_FOLDER = "pdf"  # under the site's root, shared by every language
FONT_FILES = ("PTSans-Regular.ttf", "PTSans-Bold.ttf")  # the ones print.css names


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


def draw(html: str, target: Path) -> None:
    """Draw `html` into the PDF `target` with WeasyPrint, unless another build just did."""
    import weasyprint  # 0.7 s to import: paid only when a PDF has to be drawn

    with _drawing:
        if cache.valid(target):
            return
        missing = [font for font in FONT_FILES if not (FONTS / font).is_file()]
        if missing:  # WeasyPrint would silently use a system font without Kazakh letters
            raise FileNotFoundError(f"fonts/ lacks {', '.join(missing)}: the PDFs need them; restore the folder")
        partial = target.with_suffix(f".{os.getpid()}.part")  # another build may draw the same file
        weasyprint.HTML(string=html, base_url=str(FONTS) + "/").write_pdf(partial)
        cache.seal(partial)
        partial.with_name(partial.name + ".sha256").replace(target.with_name(target.name + ".sha256"))
        partial.replace(target)


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
