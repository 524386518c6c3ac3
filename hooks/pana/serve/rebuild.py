"""Under `make serve`, a rebuild writes only the pages whose Markdown changed.

MkDocs makes the whole site again on each save: for a one-fact edit, Markdown and the
theme's templates for every page of every language, though most come out byte for byte
as before. `make serve` runs `mkdocs serve --dirty`, under which a build skips a page
whose File says it was not modified; Pana says so here, by the page's Markdown as Pana
rendered it (a page is made from data and content, so its source file's time tells
nothing). A page is skipped only when
- its Markdown and its source file are the ones of the last build that succeeded, and
- nothing every page shows has changed: the set of pages, their titles and front matter
  (the navigation, the footer's links), the interface words, mkdocs.yml, overrides/,
  hooks/; otherwise the folder is emptied and every page made, as a plain build does.
A skipped page keeps what other pages use of it from that build: its title and metadata
(navigation), its anchors and links (the link checks) and its search entries. A failed
build forgets everything, so the next one makes every page. tests/test_rebuild.py builds
the site this way after edits and compares every file with a clean build's.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import mkdocs.utils
from mkdocs.utils import meta as front_matter

log = logging.getLogger("mkdocs.hooks.pana")
SHARED = ("mkdocs.yml", "overrides", "hooks")  # what every page is made with, besides its Markdown
HEADING = re.compile(r"^# .*$|^.+\n=+[ \t]*$", re.MULTILINE)  # a level-one heading, ATX or Setext


@dataclass
class Kept:
    """What the last build made of one page and what the other pages use of it."""

    source: str  # the page's file in content/
    markdown: str  # as Pana rendered it
    title: str | None
    meta: dict
    anchors: set[str] | None  # the ids on the page, which links to it are checked against
    links: dict[str, dict[str, str]]  # the page's links to anchors, by the target's src_uri


class HideDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave other pages' navigation wrong, which plan() prevents;
    in strict mode the warning would stop every build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def fingerprint(root: Path, *shared: object) -> str:
    hashed = hashlib.sha256(repr(shared).encode())
    for part in SHARED:
        files = [root / part] if (root / part).is_file() else sorted((root / part).rglob("*"))
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                hashed.update(f"{file.relative_to(root)}\n".encode() + file.read_bytes())
    return hashed.hexdigest()


def _title_lines(kept: Kept) -> tuple:
    """What a page's title comes from: its front matter and its level-one headings."""
    return front_matter.get_data(kept.source)[1], HEADING.findall(kept.markdown)


class Rebuilds:
    """What one `make serve` remembers from its last good build, to make only the pages that changed."""

    def __init__(self) -> None:
        self.kept: dict[str, Kept] = {}  # by src_uri ("ru/guide.md"), from the last build that succeeded
        self.shared: str | None = None  # the fingerprint of what every page is made with, in that build
        self.entries: list[dict] = []  # that build's search entries, every language's
        self.skip: set[str] = set()  # the pages this build leaves as they are
        self.made: dict[str, Kept] = {}  # the pages this build makes
        self.made_urls: set[str] = set()

    def plan(self, pages: dict[tuple[str, str], str], docs_dir: Path, site_dir: Path, shared: str) -> None:
        """Before a build: choose the pages it may skip (see the module's docstring), or empty `site_dir`."""
        self.skip.clear()
        self.made.clear()
        self.made_urls.clear()
        new = {}
        for (language, name), markdown in pages.items():
            source = (docs_dir / language / name).read_text(encoding="utf-8")
            new[f"{language}/{name}"] = Kept(source, markdown, None, {}, None, {})
        same_pages = self.kept.keys() == new.keys() and self.shared == shared
        if same_pages and all(_title_lines(new[uri]) == _title_lines(self.kept[uri]) for uri in new):
            self.skip.update(
                uri
                for uri, page in new.items()
                if (page.source, page.markdown) == (self.kept[uri].source, self.kept[uri].markdown)
            )
            log.info(f"{len(new) - len(self.skip)} of {len(new)} pages changed: only they are made again")
        else:
            self.forget()
            mkdocs.utils.clean_directory(str(site_dir))  # a dirty build does not: pages may have gone
        self.shared = shared

    def keep_or_make(self, files) -> None:
        """on_nav: a skipped page gets what the last build read from it; every other page is made."""
        for file in files.documentation_pages():
            kept = self.kept.get(file.src_uri) if file.src_uri in self.skip and file.page is not None else None
            file.is_modified = (lambda: False) if kept else (lambda: True)
            if kept:
                page = file.page
                page.title, page.meta, page.present_anchor_ids = kept.title, kept.meta, kept.anchors
                page.links_to_anchors = {
                    target: links for uri, links in kept.links.items() if (target := files.get_file_from_path(uri))
                }

    def note_made(self, files, config) -> None:
        """on_env: remember what this build read from the pages it makes. And stop the theme's search
        plugin merging in its last index under --dirty (it assumes one page and one language changed;
        with static-i18n its index grew every build): search_entries() below merges instead."""
        config.plugins["material/search"].search_index_prev = None
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.markdown is None:
                continue
            kept = self.kept.get(file.src_uri)
            links = {target.src_uri: dict(links) for target, links in (page.links_to_anchors or {}).items()}
            source = Path(file.abs_src_path).read_text(encoding="utf-8")
            made = Kept(source, page.markdown, page.title, dict(page.meta), page.present_anchor_ids, links)
            if self.skip and kept and made.title != kept.title:  # plan() compared the headings; this cannot happen
                log.error(f"{file.src_uri}: its title changed though its headings did not: save again to rebuild all")
            self.made[file.src_uri] = made
            self.made_urls.add(page.url)

    def search_entries(self, built: list[dict]) -> list[dict]:
        """Every page's search entries: this build's for the pages it made, the last build's for the others."""
        if not self.skip:
            return built
        by_page: dict[str, list[dict]] = {}
        for entry in built:
            by_page.setdefault(entry["location"].split("#")[0], []).append(entry)
        merged, done = [], set()
        for entry in self.entries:  # in the order a full build gives them
            url = entry["location"].split("#")[0]
            if url not in self.made_urls:
                merged.append(entry)
            elif url not in done:
                merged += by_page.get(url, [])
                done.add(url)
        return merged

    def succeeded(self, entries: list[dict]) -> None:
        """After the last language: this build's pages and search entries are what the next one compares with."""
        self.kept.update(self.made)
        self.entries = entries

    def forget(self) -> None:
        """After a failed build (or a change every page shows): the next build makes every page."""
        self.kept.clear()
        self.entries.clear()
        self.skip.clear()
        self.shared = None
