"""Every page carries a Content Security Policy that lets scripts run only from the site's own
files (and the theme's inline scripts, by hash); in Chromium no page breaks it, online or offline."""

from __future__ import annotations

import zipfile

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES
from pana.site import csp

VIOLATIONS = """() => new Promise((resolve) => {
  const found = [];
  document.addEventListener('securitypolicyviolation', (e) => found.push(e.violatedDirective + ' ' + e.blockedURI));
  setTimeout(() => resolve(found), 400);
})"""


def all_pages(site):
    return sorted(site.rglob("*.html"))


def test_every_page_has_a_policy_with_no_inline_script_unhashed(site):
    pages = all_pages(site)
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        policy = meta["content"]
        assert "script-src 'self' " in policy and "'unsafe-inline'" not in policy.split("style-src")[0], path
        for digest in csp.inline_hashes(html):
            assert digest in policy, (path, digest)
        assert " on" not in " ".join(
            attribute
            for tag in BeautifulSoup(html, "html.parser").find_all(True)
            for attribute in tag.attrs
            if attribute.startswith("on")
        )


def test_a_script_smuggled_into_a_page_would_not_run():
    page = "<html><head></head><body><script>window.x=1</script></body></html>"
    policy = csp.with_policy(page)
    injected = policy.replace("</body>", "<script>window.evil=1</script></body>")
    assert csp.inline_hashes(injected) != csp.inline_hashes(policy)  # its hash is not in the policy


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "guide/", "calculator/", "checklists/first-days/", "figures/", "glossary/"])
def test_no_page_breaks_its_policy_in_chromium(page, served_site, language, path):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(served_site + ("" if language == "en" else f"{language}/") + path)
    found = page.evaluate(VIOLATIONS)
    if path == "calculator/":
        page.fill("#calc-arrival", "2027-03-19")
        assert page.locator("#calc-result-apply .pana-date").inner_text() == "24.03.2027"
    assert found == [] and not [m for m in messages if "Content Security Policy" in m], (found, messages)


def test_the_offline_copy_keeps_its_policy_from_file(browser, built_project, tmp_path):
    with zipfile.ZipFile(built_project / "offline" / "pana-offline.zip") as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(offline=True)
    tab = context.new_page()
    messages = []
    tab.on("console", lambda message: messages.append(message.text))
    tab.goto((tmp_path / "pana" / "ru" / "calculator.html").as_uri())
    tab.fill("#calc-arrival", "2027-03-19")
    assert tab.locator("#calc-result-apply .pana-date").inner_text() == "24.03.2027"
    assert not [m for m in messages if "Content Security Policy" in m], messages
    policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy  # still no other host
    tab.evaluate("() => fetch('https://example.org/').catch(() => null)")
    assert [m for m in messages if "Content Security Policy" in m and "example.org" in m]
    context.close()
