"""Links between pages whose `#anchor` names no heading or id of the page they lead to.

MkDocs' strict build finds these too, but only after a full build; `make check` finds them
here, in the rendered Markdown, in a few milliseconds. Heading ids are made as the toc
extension makes them (mkdocs.yml: pymdownx's slugify, lower case), or given as `{ #id }`.
"""

from __future__ import annotations

import posixpath
import re

from pymdownx.slugs import slugify

from pana.facts.data import Problem

SLUG = slugify(case="lower")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*(?:\{[^}]*?#([\w-]+)[^}]*\})?[ \t]*$", re.MULTILINE)
GIVEN_ID = re.compile(r"""\{[^}\n]*?#([\w-]+)[^}\n]*\}|\bid=["']([\w-]+)["']""")
LINK = re.compile(r"\]\(\s*<?([^)\s>]*#[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")


def ids_of(markdown: str) -> set[str]:
    """Every anchor a page offers: its headings' ids and the ids given to any element."""
    found = {heading_id or SLUG(INLINE_MARKUP.sub(r"\1", text), "-") for text, heading_id in HEADING.findall(markdown)}
    found.update(given or html for given, html in GIVEN_ID.findall(markdown))
    return found


def anchor_problems(rendered: dict[tuple[str, str], str], sources) -> list[Problem]:
    """One problem per link whose page exists but lacks the anchor. `sources(language, name)`
    gives the page's file and its text, to point at the line where the link is written."""
    ids = {key: ids_of(markdown) for key, markdown in rendered.items()}
    problems = []
    for (language, name), markdown in rendered.items():
        for target in sorted(set(LINK.findall(markdown))):
            path, _, anchor = target.partition("#")
            if re.match(r"[a-z][a-z0-9+.-]*:|/", path):  # another host, or an absolute path: not a page here
                continue
            page = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if (language, page) in ids and anchor not in ids[(language, page)]:
                shown, text = sources(language, name)
                line = next((n for n, row in enumerate(text.splitlines(), 1) if f"#{anchor}" in row), 1)
                problems.append(
                    Problem(
                        shown,
                        line,
                        "",
                        f"the link '{target}' leads to no heading or id '{anchor}' in {language}/{page}: "
                        "check the anchor's spelling against the headings of that page",
                    )
                )
    return problems
