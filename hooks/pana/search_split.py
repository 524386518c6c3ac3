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

from pana import offline, search_forms

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


def write_index(site_dir: Path, index: dict, language: str, default: str, for_file_urls: bool) -> Path:
    folder = site_dir if language == default else site_dir / language
    target = folder / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    target.write_text(data, encoding="utf-8")
    if for_file_urls:
        offline.write_index_script(data, target)
    return target
