"""Load the theme's script only when a reader needs it.

The theme's bundle is 35 KB of gzip, more than the rest of a first visit together, and a
reader does not need it to read: the menu, the language switch, content tabs and the steps
work with HTML and CSS alone (and Pana's own small scripts). What needs it is search.
Each page's `<script src=…bundle….js>` is replaced by Pana's loader
(overrides/assets/javascripts/pana-theme.js), which adds the bundle when search is opened:
its button, a tap or Tab into the search field, or the theme's keys `/`, `s` and `f`.
"""

from __future__ import annotations

import re

from pana.site.search_loading import ThemeChanged

BUNDLE_SCRIPT = re.compile(r"""<script src=(["']?)(?P<src>[^"'\s>]*/bundle\.[0-9a-f]+\.min\.js)\1></script>""")
LOADER = "pana-theme.js"


def load_bundle_on_demand(html: str) -> str:
    """The page with the bundle's script tag replaced by the loader, which names the bundle."""

    def loader(match: re.Match) -> str:
        src = match["src"]
        return f'<script src="{src.rsplit("/", 1)[0]}/{LOADER}" data-bundle="{src}" defer></script>'

    replaced, count = BUNDLE_SCRIPT.subn(loader, html)
    if count != 1:
        raise ThemeChanged(
            f"hooks/pana/site/bundle_on_demand.py: expected one script tag of the theme's bundle in a page, "
            f"found {count}; update BUNDLE_SCRIPT for the new theme"
        )
    return replaced
