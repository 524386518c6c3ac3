"""The build, event by event: what each mkdocs event does with the `pana` stages.

static-i18n builds the site once per language on the same config object, so
every event here runs once per language. The data is loaded, checked and every
page of every language rendered once, in the first (English) build's
on_pre_build, before anything is written; the other languages reuse that result,
and so does the next build if nothing it reads has changed (pana.site.memo).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from urllib.parse import urlencode, urlparse

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pana import cache
from pana.printouts import pdf_cache
from pana.serve import preview, rebuild
from pana.site import bundle_on_demand, csp, memo, offline, search_forms, search_loading, search_split, unused_css

log = logging.getLogger("mkdocs.hooks.pana")


class Build:
    """One build's state, carried from event to event (mkdocs calls the methods; hooks/main.py names them).

    static-i18n builds the site once per language on the same config: what the first language's
    on_pre_build makes (every page of every language, the PDFs, the interface words) is kept here
    for the others and for on_post_build; under serve, the next build sees the last one's PDFs.
    """

    def __init__(self) -> None:
        self.command = ""  # "build" or "serve"
        self.dirty = False  # `--dirty`: under serve, only the pages that changed are made again (pana.serve.rebuild)
        self.rendered: dict[tuple[str, str], str] = {}  # every language's pages' Markdown, by (language, path)
        self.printed: pdf_cache.Printed | None = None  # this build's PDFs, copied into the site after its last language
        self.strings: dict = {}  # interface words for the theme's templates (the report link)
        self.not_found: dict[str, str] = {}  # each language's rendered 404.html, written after the last language
        self.search_words: dict[str, dict[str, str]] = {}  # readers' words for pages' search entries (data/search.yml)
        self.rebuilds = rebuild.Rebuilds()  # under `make serve`: the last good build's pages (pana.serve.rebuild)

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if self.fast_rebuilds():
            logging.getLogger("mkdocs.commands.build").addFilter(rebuild.HideDirtyWarning())

    def fast_rebuilds(self) -> bool:
        """`make serve` (mkdocs serve --dirty): a rebuild makes only the pages that changed (pana.serve.rebuild)."""
        return self.command == "serve" and self.dirty

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """A rebuild that fails shows its problems in the browser, and open pages reload on a save (pana.serve.preview)."""
        return preview.serve_preview(server, Path(config.site_dir))

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> None:
        if offline.building(config):
            offline.use_local_iframe_worker(config)
        if self.command == "serve":  # the preview need not be light; minifying every page costs half a second
            config.plugins["minify"].config["minify_html"] = False

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if build_language(config) != config.plugins["i18n"].default_language:
            return
        root = Path(config.config_file_path).parent
        built = built_languages(config)
        settings = (
            config.site_url,
            config.repo_url,
            config.docs_dir,
            offline.zip_size(root, config),
            dt.date.today(),
            built,
            config.use_directory_urls,
        )
        key = memo.digest(root, *settings)
        made = memo.recall(root / ".cache" / "build", key)
        if made and all(cache.valid(path) for path in made.printed.files.values()):
            made.notes.insert(0, "nothing the hooks read has changed since a build that succeeded: its pages reused")
            made.printed = pdf_cache.Printed(files=made.printed.files, reused=list(made.printed.files))
        else:
            made = self.make(config, root, built)
            if not made.printed.pending:
                memo.remember(root / ".cache" / "build", key, made)
        for note in made.notes:
            log.info(note)
        printed = made.printed
        log.info(
            f"PDFs: {len(printed.rendered)} rendered, {len(printed.reused)} reused from .cache/pdf, "
            f"{len(printed.pending)} to draw after serving"
        )
        self.strings = dict(made.strings)
        self.rendered = dict(made.pages)
        self.printed = made.printed
        self.search_words = dict(made.search_words)
        if self.fast_rebuilds():
            shared = rebuild.fingerprint(root, made.strings, settings)
            self.rebuilds.plan(made.pages, Path(config.docs_dir), Path(config.site_dir), shared)

    def make(self, config: MkDocsConfig, root: Path, built: list[str]) -> memo.Made:
        """Load and check the data, draw the PDFs and render every page of every language."""
        # imported here, not above: a build whose inputs have not changed needs none of them (0.2 s)
        from pana.check import stale_sources
        from pana.facts import translations
        from pana.facts.data import DataError, load_facts
        from pana.pages.render import ContentError, render_all
        from pana.printouts import printables

        site_url = config.site_url or ""
        try:
            facts = load_facts(root / "data")
            # under serve, changed PDFs are drawn after the pages are served, so an edit shows at once
            later = self.printed.sizes() if self.command == "serve" and self.printed else None
            printed = printables.draw_all(facts, self.published_site_url(config), root / ".cache" / "pdf", later)
            freshness = translations.status(facts, root / "data", Path(config.docs_dir))
            pages = render_all(
                facts,
                Path(config.docs_dir),
                site_url,
                printed.sizes(),
                repo_url=config.repo_url or "",
                freshness=freshness,
                offline_zip=offline_zip(root, config),
                directory_urls=config.use_directory_urls,
            )
        except (DataError, ContentError) as error:
            raise PluginError(f"the site was not built; fix these first:\n{error}") from None
        if built != list(facts.languages):
            raise PluginError(
                f"mkdocs.yml builds the languages {', '.join(built)}, but data/languages.yml lists "
                f"{', '.join(facts.languages)}: give both the same languages in the same order"
            )
        # reported, not failed: outdated translations and old sources are for editors to act on (`make check` lists them)
        notes = [
            f"{len(keys)} {language} text(s) outdated since their English changed; `make check` lists them"
            for language, keys in freshness.outdated.items()
            if keys
        ]
        notes += [f"stale source: {line}" for line in stale_sources(facts, dt.date.today())]
        strings = {key: dict(text.root) for key, text in facts.strings.items()}
        strings["not_found_deadline"] = not_found_deadlines(facts)
        search_words = {entry.page: dict(entry.words.root) for entry in facts.search_words}
        return memo.Made(pages, printed, strings, notes, search_words)

    def published_site_url(self, config: MkDocsConfig) -> str:
        """The site's address in mkdocs.yml, for the PDFs' QR codes: under serve, config.site_url is the
        preview's, which no phone reading a printed sheet can open; and the PDFs are the published ones,
        already in .cache/pdf, whatever the port."""
        if self.command != "serve":
            return config.site_url or ""
        from mkdocs.utils import yaml_load

        with open(config.config_file_path, "rb") as file:
            url = yaml_load(file).get("site_url") or ""
        return url.rstrip("/") + "/" if url else ""  # as mkdocs gives it: with one final slash

    @event_priority(-200)  # after static-i18n's, which makes the language's navigation
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.fast_rebuilds():
            self.rebuilds.keep_or_make(files)
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.fast_rebuilds():
            self.rebuilds.note_made(files, config)
        return env

    def on_build_error(self, error: Exception) -> None:
        if self.fast_rebuilds():
            self.rebuilds.forget()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        language = build_language(config)
        source = Path(page.file.src_uri)
        # on a language's own page src_uri starts with its folder; a fallback page would be English
        relative = str(source.relative_to(source.parts[0]))
        return self.rendered[(source.parts[0], relative)] if source.parts[0] == language else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Name the checklists' tick boxes for screen readers (the task-list extension leaves them unnamed),
        give the headings' anchor links a title in the page's language (the toc extension's is English),
        and let the keyboard reach tables, which scroll on a phone."""
        language = build_language(config)
        label = escape(self.strings["tick_when_done"][language])
        html = html.replace(
            '<input type="checkbox" disabled/>', f'<input type="checkbox" disabled aria-label="{label}"/>'
        )
        html = html.replace('title="Permanent link"', f'title="{escape(self.strings["permalink"][language])}"')
        # a table wider than a phone scrolls sideways: the keyboard must reach it (the theme's script,
        # loaded only for search, would otherwise be what wraps it)
        return html.replace("<table>", '<table tabindex="0">')

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        """The theme's own words in the page's language, and the 404 page's text in every language."""
        self.theme_words(context, config)
        if template_name == "404.html":
            context["pana_not_found"] = self.not_found_blocks(config)
            not_found_language_links(config)
        return context

    def theme_words(self, context: dict, config: MkDocsConfig) -> None:
        """Words of the theme's templates that mkdocs-material has in English only."""
        context["pana_words"] = {key: self.strings[key][build_language(config)] for key in ("made_with",)}

    def not_found_blocks(self, config: MkDocsConfig) -> list[dict]:
        site_path = urlparse(config.site_url or "/").path
        original = config.plugins["i18n"].default_language
        return [
            {
                "lang": lang,
                "title": self.strings["not_found_title"][lang],
                "text": self.strings["not_found_text"][lang],
                "deadline": self.strings["not_found_deadline"][lang],
                "home": site_path if lang == original else f"{site_path}{lang}/",
                "home_label": self.strings["not_found_home"][lang],
            }
            for lang in built_languages(config)
        ]

    @event_priority(-100)  # after the minifier, so the scripts hashed are the scripts served
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Keep each language's 404 page: static-i18n writes every language's over the root's."""
        if template_name == "404.html":
            output = csp.with_policy(bundle_on_demand.load_bundle_on_demand(output), offline.building(config))
            self.not_found[build_language(config)] = output
        return output

    @event_priority(-100)  # after the minifier, so the scripts hashed are the scripts served
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Every page loads the theme's script only when search opens (pana.site.bundle_on_demand),
        and gets its Content Security Policy (pana.site.csp)."""
        return csp.with_policy(bundle_on_demand.load_bundle_on_demand(output), offline.building(config))

    @event_priority(-50)
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """Make the language switcher's links relative (static-i18n gives the home pages
        absolute ones, like /pana/ru/, which break in an offline copy or a local preview)."""
        site_path = urlparse(config.site_url or "/").path
        # static-i18n sets this as an attribute, which is what the theme reads, not as a key
        for alternate in getattr(config.extra, "alternate", None) or []:
            link = alternate["link"]
            if link.startswith(site_path):
                alternate["link"] = link[len(site_path) :] or "./"
        self.theme_words(context, config)
        if config.repo_url:
            language = build_language(config)
            query = urlencode({"title": f"{page.title} ({language})", "body": f"{page.canonical_url}\n\n"})
            about = next(p for p in nav.pages if p.file.src_uri == f"{language}/about.md")
            context["pana_report"] = {
                "ways": get_relative_url(about.url, page.url) + "#report",  # the ways, one with no account
                "label": self.strings["report_error"][language],
                "github": f"{config.repo_url.rstrip('/')}/issues/new?{query}",
                "github_label": self.strings["report_on_github"][language],
            }
        return context

    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Once static-i18n has built every language (it is no longer `building`): split the
        search index, make search load when opened, drop unused CSS, and put the checklists'
        PDFs (drawn in on_pre_build; under serve, changed ones are drawn after) into the site."""
        i18n = config.plugins["i18n"]
        if i18n.building:
            return
        site_dir = Path(config.site_dir)
        root_index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
        entries = self.rebuilds.search_entries(i18n.search_entries) if self.fast_rebuilds() else i18n.search_entries
        index = {"config": root_index["config"], "docs": entries}
        languages = built_languages(config)
        root = Path(config.config_file_path).parent
        with search_forms.answers_kept_in(root / ".cache" / "search-forms.json"):
            known = search_split.lunr_languages(site_dir)
            for language in languages:
                part = search_split.split_entries(index, language, i18n.default_language, languages, known)
                part = search_split.with_readers_words(part, self.search_words, language, config.use_directory_urls)
                search_split.write_index(site_dir, part, language, i18n.default_language, offline.building(config))
        search_loading.wait_for_search(site_dir)
        if self.command != "serve":
            unused_css.drop_unused_css(root, site_dir)
        self.write_not_found(site_dir, i18n.default_language)
        offline.finish(root, site_dir, config)
        pdf_cache.copy_into(self.printed, site_dir)
        if self.printed.pending:
            pdf_cache.draw_pending(self.printed, site_dir)
        if self.fast_rebuilds():
            self.rebuilds.succeeded(entries)

    def write_not_found(self, site_dir: Path, original: str) -> None:
        """GitHub Pages serves the root 404.html for every wrong address: the original language's chrome
        (each text of it in every language); each language folder gets its own for hosts that look there."""
        for language, html in self.not_found.items():
            folder = site_dir if language == original else site_dir / language
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "404.html").write_text(html, encoding="utf-8")


def built_languages(config: MkDocsConfig) -> list[str]:
    """The languages static-i18n builds, in mkdocs.yml's order."""
    return [lang.locale for lang in config.plugins["i18n"].config.languages if lang.build]


def build_language(config: MkDocsConfig) -> str:
    """The language being built; static-i18n's on_config runs after hooks, so ask it from on_pre_build on."""
    return config.plugins["i18n"].current_language


def not_found_deadlines(facts) -> dict[str, str]:
    """The deadline to apply, in each language, for the page a reader gets at a wrong address."""
    from pana.pages.render import Page

    found = {}
    for language in facts.languages:
        page = Page(facts, language)
        apply, crossing = page.deadline(page.step("apply")), page.deadline(page.route("no-checkpoint"))
        found[language] = page.t("not_found_deadline").format(apply=apply, crossing=crossing)
    return found


def not_found_language_links(config: MkDocsConfig) -> None:
    """A wrong address has no page in another language: the 404 page's language links go to each home.
    (static-i18n left those of the last page built before it, which change with the order of a build.)"""
    site_path = urlparse(config.site_url or "/").path
    original = config.plugins["i18n"].default_language
    for alternate in getattr(config.extra, "alternate", None) or []:
        language = alternate["lang"]
        alternate["link"] = site_path if language == original else f"{site_path}{language}/"


def offline_zip(root: Path, config: MkDocsConfig) -> tuple[str, int] | None:
    """The offline copy's file name and bytes, for the about page's link, once `make offline` has made it."""
    size = offline.zip_size(root, config)
    return (offline.ZIP.name, size) if size is not None else None
