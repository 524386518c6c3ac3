"""In Chromium, no page asks any host but the site's own, even with the theme's script running.

The theme's repository widget asks api.github.com for the repository's star and fork counts
on every visit, which would tell GitHub who reads the site; overrides/partials/source.html
leaves the widget out. The pages' Content Security Policy would block such a request too,
so these tests turn it off: what they check is that no page tries.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

# every language, and each page that has scripts of its own (the widget is in every page's header)
PAGES = ["guide/", "ru/calculator/", "kk/checklists/first-days/", "figures/"]


def hosts_asked(browser, url: str) -> tuple[set[str], list[str]]:
    """Every host a visit to `url` asks, with search opened and used so the theme's script runs;
    and the local paths asked. Requests to other hosts are recorded and stopped here."""
    own = urlparse(url).netloc
    hosts, paths = set(), []
    context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 900})

    def record(route):
        asked = urlparse(route.request.url)
        hosts.add(asked.netloc or asked.scheme)
        if asked.netloc == own:
            paths.append(asked.path)
            route.continue_()
        else:
            route.abort()

    context.route("**/*", record)
    tab = context.new_page()
    tab.goto(url, wait_until="networkidle")
    meta = tab.locator(".md-search-result__meta")
    waiting = meta.inner_text()  # "Initializing search" until the index has loaded
    tab.keyboard.press("/")  # opens search: the theme's script loads (hooks/pana/site/bundle_on_demand.py)
    tab.keyboard.type("asylum")
    tab.keyboard.press("End")  # the theme searches on keyup
    tab.wait_for_function(
        "waiting => document.querySelector('.md-search-result__meta').innerText != waiting", arg=waiting
    )
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(500)  # the theme's widgets start after the bundle has run
    context.close()
    return hosts, paths


@pytest.mark.parametrize("path", PAGES)
def test_no_page_asks_another_host_even_with_its_policy_off(browser, served_site, path):
    url = served_site + path
    hosts, paths = hosts_asked(browser, url)
    assert any("/bundle." in asked for asked in paths), "the theme's script did not run: the test saw nothing"
    assert any(asked.endswith("/search_index.json") for asked in paths), "search did not run"
    assert hosts == {urlparse(served_site).netloc}, f"{url} asked {sorted(hosts)}"
