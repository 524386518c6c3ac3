"""Give each language its own search index.

static-i18n leaves one index for the whole site, so a search on a Russian page
returns English and Kazakh pages too. Each language's pages are written to
`<lang>/search/search_index.json` with locations relative to that language's
root; overrides/main.html points the search worker of each language there.

Each index also says how its language's words are stemmed, so that a query finds a
page whatever the form of the word: Russian with lunr's Snowball stemmer (which the
theme ships) and the dictionary forms of search_forms.py, Kazakh with the small stemmer
in overrides/assets/javascripts/lunr/min/lunr.kk.min.js. English keeps the theme's
setting: prefix matching alone serves it well, and its stemmer breaks prefix queries.
"""

from __future__ import annotations

import json
from pathlib import Path

from pana.site import offline, search_forms

STEMMED = {"ru", "kk"}


def lunr_languages(site_dir: Path) -> set[str]:
    """The languages whose words lunr can handle on this site: its own (en) and those with a lunr.<code> file."""
    scripts = site_dir / "assets" / "javascripts" / "lunr" / "min"
    return {"en"} | {file.name.split(".")[1] for file in scripts.glob("lunr.*.min.js")}


def split_entries(index: dict, language: str, default: str, others: list[str], known: set[str]) -> dict:
    """The part of a search index that belongs to `language`, with its prefix removed.

    A language lunr does not know (`known`) is searched with English rules: the theme
    would otherwise ask for a lunr.<code> file that does not exist, and find nothing.
    """
    if language == default:
        docs = [d for d in index["docs"] if not d["location"].startswith(tuple(f"{o}/" for o in others))]
    else:
        prefix = f"{language}/"
        docs = [
            {**d, "location": d["location"][len(prefix) :]} for d in index["docs"] if d["location"].startswith(prefix)
        ]
    config = {**index["config"], "lang": [language if language in known else "en"]}
    if language in STEMMED:
        config["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
    if language == "ru":
        config["fields"] = {**config["fields"], "forms": {"boost": 1.0}}
        docs = [{**d, "forms": search_forms.other_forms(f"{d['title']} {d['text']}")} for d in docs]
    return {"config": config, "docs": docs}


READERS_WORDS_BOOST = 1000.0  # as strong as a title (1000), far above the text (1): the page comes first


def page_location(page: str, directory_urls: bool) -> str:
    """Where a page of content/ is in its language's index: `refusal.md` is `refusal/`
    `checklists/index.md` is `checklists/` (in the offline copy `refusal.html`, `checklists/index.html`)."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"


def with_readers_words(index: dict, words: dict[str, dict[str, str]], language: str, directory_urls: bool) -> dict:
    """The index with readers' own words for each page (data/search.yml) in a field of the page's
    main entry, stemmed by the same pipeline as its text; Russian gets their other forms too."""
    by_location = {page_location(page, directory_urls): texts[language] for page, texts in words.items()}
    config = {**index["config"], "fields": {**index["config"]["fields"], "words": {"boost": READERS_WORDS_BOOST}}}
    docs = []
    for doc in index["docs"]:
        said = by_location.get(doc["location"])
        if said:
            doc = {**doc, "words": said.replace(",", " ")}
            if language == "ru":
                doc["forms"] = " ".join(filter(None, [doc.get("forms", ""), search_forms.other_forms(said)]))
        docs.append(doc)
    return {"config": config, "docs": docs}


def write_index(site_dir: Path, index: dict, language: str, default: str, for_file_urls: bool) -> Path:
    folder = site_dir if language == default else site_dir / language
    target = folder / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    target.write_text(data, encoding="utf-8")
    if for_file_urls:
        offline.write_index_script(data, target)
    return target
