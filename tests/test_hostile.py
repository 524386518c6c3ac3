"""Hostile edits: what a contributor could put into data or a page to run script in a reader's
browser or code on the build machine. Each is refused with one message naming file, line and field,
before anything is built (checked on the loaded data and the rendered pages, no full build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from pana.facts.data import DataError, load_facts
from pana.pages.render import ContentError, render_all
from pana.printouts import printables

TEXT = "Say that you are asking for asylum."  # routes.yml, routes[0].where.en
FIELD = "routes[0].where.en"


@pytest.fixture
def tree(tmp_path) -> Path:
    for folder in ("data", "content"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def problems_after(tree: Path, file: str, old: str, new: str, quote: bool = False) -> list[str]:
    """The problems after replacing `old` with `new` in `file` (in a data file, `quote` writes the
    whole text as a double-quoted YAML string, as an editor must for a text with ': ' or ' #')."""
    path = tree / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    if quote:
        line = next(line for line in text.splitlines() if old in line)
        key, value = line.split(": ", 1)
        value = value.replace(old, new).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        text = text.replace(line, f'{key}: "{value}"', 1)
    else:
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    try:
        facts = load_facts(tree / "data")
        render_all(facts, tree / "content", pdf_sizes={job.name: 0 for job in printables.jobs(facts)})
    except (DataError, ContentError) as error:
        return [str(problem) for problem in error.problems]
    return []


HOSTILE_TEXTS = [
    ("[asylum](javascript:alert(1))", "a link that is not https://"),
    ("[asylum](javascript&#58;alert(1))", "a link that is not https://"),
    ("[asylum](&#106;avascript:alert(1))", "a link that is not https://"),
    ("[asylum](javascript&#x3A;alert(1))", "a link that is not https://"),
    ("[asylum](javascript&amp;#58;alert(1))", "a link that is not https://"),
    ("[asylum]( JaVaScRiPt:alert(1))", "a link that is not https://"),
    ("[asylum](vbscript:msgbox(1))", "a link that is not https://"),
    ("[asylum](data:text/html;base64,PHNjcmlwdD4=)", "a link that is not https://"),
    ("[asylum](http://evil.example/)", "a link that is not https://"),
    ("[asylum](//evil.example/)", "a link that is not https://"),
    ("[asylum][x]\n\n[x]: https://evil.example/", "a link definition"),
    ("*asylum*{: onmouseover=alert(1) }", "an attribute list"),
    ("*asylum*{ #x onclick=alert(1) }", "an attribute list"),
    ("![x](https://evil.example/track.png)", "an image"),
    ("<script>alert(1)</script>", "raw HTML"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "raw HTML"),
    ("<img src=x onerror=alert(1)>", "raw HTML"),
    ("<iframe src=https://evil.example>", "raw HTML"),
    ("<https://evil.example>", "raw HTML"),
    ("<!-- hidden -->", "raw HTML"),
]


@pytest.mark.parametrize("hostile,message", HOSTILE_TEXTS)
def test_a_hostile_data_text_is_refused_with_its_place(tree, hostile, message):
    found = problems_after(tree, "data/routes.yml", TEXT, f"{TEXT} {hostile}", quote=True)
    assert len(found) == 1, found
    assert found[0].startswith("data/routes.yml:") and f": {FIELD}: contains {message}" in found[0], found


@pytest.mark.parametrize(
    "harmless", ["[the guide](guide.md#step-apply)", "[UNHCR](https://www.unhcr.org/kazakhstan.html)", "**5** & *more*"]
)
def test_the_small_set_of_inline_markdown_passes(tree, harmless):
    assert problems_after(tree, "data/routes.yml", TEXT, f"{TEXT} {harmless}", quote=True) == []


HOSTILE_PAGES = [
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "not allowed in a page: access to attribute"),
    ("{{ lipsum.__globals__['os'] }}", "not allowed in a page: access to attribute '__globals__'"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed in a page: access to attribute '__class__'"),
    ("{{ facts.steps.append(1) }}", "not allowed in a page: access to attribute 'append'"),
    ("{{ self._TemplateReference__context }}", "not allowed in a page"),
    ("{% for i in range(10**12) %}x{% endfor %}", "too much work: Range too big"),
    ("<script>alert(1)</script>", "raw HTML is not allowed in a page"),
    ("<iframe src=https://evil.example></iframe>", "raw HTML is not allowed in a page"),
    ("<img src=x onerror=alert(1)>", "raw HTML is not allowed in a page"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "raw HTML is not allowed in a page"),
    ("[the guide](javascript:alert(1))", "a link that is not https://"),
    ("[the guide](&#106;avascript:alert(1))", "a link that is not https://"),
    ("[the guide](http://evil.example/)", "a link that is not https://"),
    ("![x](https://evil.example/track.png)", "an image from another host"),
    ("*asylum*{: onmouseover=alert(1) }", "an attribute list is not allowed"),
    ("## Title { #x onclick=alert(1) }", "an attribute list is not allowed"),
]


@pytest.mark.parametrize("hostile,message", HOSTILE_PAGES)
def test_a_page_cannot_reach_the_build_machine(tree, hostile, message, tmp_path):
    marker = tmp_path / "ran"
    hostile = hostile.replace("'id'", f"'touch {marker}'")
    found = problems_after(tree, "content/en/family.md", "\n## ", f"\n{hostile}\n\n## ")
    assert len(found) == 1, found
    assert found[0].startswith("content/en/family.md:") and message in found[0], found
    assert not marker.exists()


CARELESS = [
    (
        "content/en/refusal.md",
        "link('guide.md#step-notice')",
        "link('guide.md#step-notise')",
        "no step 'notise' for the link",
    ),
    # (file, old, new, the message expected)
    (
        "data/sources.yml",
        "    checked: 2026-11-22\n",
        "    checked: 2026-02-30\n",
        "sources[0].checked: '2026-02-30' is not a real date",
    ),
    (
        "data/sources.yml",
        "    checked: 2026-11-22\n",
        "    checked: 2099-01-01\n",
        "sources[0]: checked: 2099-01-01 is in the future",
    ),
    (
        "data/sources.yml",
        "    updated: 2022-09-21\n",
        "    updated: 2027-09-21\n",
        "sources[0]: updated: 2027-09-21 is after checked",
    ),
    (
        "data/sources.yml",
        "url: https://egov.kz/cms/en/articles/refugee_status",
        "url: http://egov.kz/cms/en/articles/refugee_status",
        "sources[0].url: 'http://egov.kz/cms/en/articles/refugee_status' must be an https:// address",
    ),
    ("data/sources.yml", "    updated: 2022-09-21\n", "    updated: 2022\n", None),
    (
        "data/routes.yml",
        "      ru: В аэропорту, на сухопутном пункте пропуска или в морском порту подайте письменное ходатайство пограничной службе. Скажите, что просите убежища.",
        "      ru: At an airport, a land crossing or a seaport, give your written application to the Border Service there.",
        "routes[0].where.ru: is written mostly in letters other than cyrillic",
    ),
    (
        "data/routes.yml",
        "      kk: Әуежайда, құрлықтағы өткізу бекетінде немесе теңіз портында жазбаша өтінішті шекара қызметіне беріңіз. Пана сұрап тұрғаныңызды айтыңыз.",
        "      kk: В аэропорту, на сухопутном пункте пропуска или в морском порту подайте письменное ходатайство пограничной службе.",
        "routes[0].where.kk: has none of the letters ә, ғ, қ, ң, ө, ұ, ү, һ, і",
    ),
    (
        "data/routes.yml",
        "    where:\n      en: At an airport",
        "    where:\n      en: ...\n      enx: At an airport",
        "is a placeholder",
    ),
    (
        "data/glossary.yml",
        "      ru: беженец\n",
        "      rus: беженец\n",
        "terms[1].name.ru: the ru translation is missing; add `ru:` with the text in that language (there is `rus:`",
    ),
    (
        "data/glossary.yml",
        "      ru: беженец\n",
        "      ru:\n",
        "terms[1].name.ru: is empty; write the text after the colon",
    ),
    ("data/offices.yml", '"+7 727 258 45 98"', '"8 (727) 258-45-98"', "is not a phone number as the site writes them"),
    (
        "data/languages.yml",
        "    review: not_reviewed\n",
        "    review: reviewed\n",
        "languages.ru: review: reviewed needs `reviewer:`",
    ),
    (
        "content/en/guide.md",
        "step('apply')",
        "step('aply')",
        "no step 'aply' in data/procedure.yml (known: apply, register,",
    ),
    (
        "data/procedure.yml",
        "deadline: {amount: 5, unit: calendar_days, from: arrival}",
        "deadline: {amount: true, unit: calendar_days, from: arrival}",
        "steps[0].deadline.amount:",
    ),
    (
        "data/procedure.yml",
        "deadline: {amount: 5, unit: calendar_days, from: arrival}",
        "deadline: {amount: 100000, unit: calendar_days, from: arrival}",
        "steps[0].deadline: amount 100000 is more than 366 calendar_days",
    ),
    (
        "data/procedure.yml",
        "deadline: {amount: 5, unit: calendar_days, from: arrival}",
        "deadline: {amount: 12345678901234567890, unit: calendar_days, from: arrival}",
        "steps[0].deadline: amount 12345678901234567890 is more than 366",
    ),
    (
        "content/en/index.md",
        "link('refusal.md#challenge')",
        "link('refusal.md#challeng')",
        "the link 'refusal.md#challeng' leads to no heading or id 'challeng' in en/refusal.md",
    ),
    (
        "content/ru/guide.md",
        "## ",
        "[см. ниже](#no-such-heading)\n\n## ",
        "the link '#no-such-heading' leads to no heading or id 'no-such-heading' in ru/guide.md",
    ),
]


@pytest.mark.parametrize("file,old,new,message", CARELESS, ids=lambda value: str(value)[:30])
def test_a_careless_value_gets_one_message_for_people(tree, file, old, new, message):
    """One message, in words an editor understands (None: the value is understood as meant)."""
    found = problems_after(tree, file, old, new)
    if message is None:
        assert found == []
        return
    assert len(found) == 1, found
    assert found[0].startswith(f"{file}:") and message in found[0], found


def problems_of(tree: Path) -> list[str]:
    try:
        load_facts(tree / "data")
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_an_alias_bomb_is_refused_at_once(tree):
    """Nine lines that would expand to 9**9 items: refused without being expanded."""
    lines = ["bomb:", "  a: &a [x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  {name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    path = tree / "data" / "detention.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")
    found = problems_of(tree)
    assert len(found) == 1 and "uses an anchor and alias" in found[0] and found[0].startswith("data/detention.yml:")


def test_a_file_that_is_not_utf8_gets_its_line(tree):
    path = tree / "data" / "grounds.yml"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"grounds:", b"grounds:\n# caf\xe9", 1))
    line = raw[: raw.index(b"grounds:")].count(b"\n") + 2
    assert problems_of(tree) == [f"data/grounds.yml:{line}: not UTF-8 text; save the file with the UTF-8 encoding"]


def test_a_corrupted_cache_is_never_published(warm_project, tmp_path):
    """Every file in .cache/ damaged after a build: the next build makes them again and
    publishes the same site (PDFs, the purged stylesheet, the Russian search index, pages)."""
    from conftest import build

    first, second = tmp_path / "first", tmp_path / "second"
    assert build(warm_project, first).returncode == 0
    damaged = 0
    for file in (warm_project / ".cache").rglob("*"):
        if file.is_file() and not file.name.endswith(".sha256"):
            data = file.read_bytes()
            file.write_bytes(data + b"body{display:none}" if file.suffix == ".css" else data[: len(data) // 2] + b"x")
            damaged += 1
    assert damaged > 20
    result = build(warm_project, second)
    assert result.returncode == 0, result.stderr
    for relative in ["pdf/pana-first-days-ru.pdf", "ru/search/search_index.json", "ru/guide/index.html"]:
        assert (second / relative).read_bytes() == (first / relative).read_bytes(), relative
    for css in (first / "assets" / "stylesheets").glob("main.*.css"):
        assert (second / css.relative_to(first)).read_bytes() == css.read_bytes()
        assert b"body{display:none}" not in css.read_bytes()


def test_a_page_description_cannot_break_out_of_its_meta_tag(warm_project, tmp_path):
    from bs4 import BeautifulSoup
    from conftest import build

    hostile = 'How to "apply" now & more" onmouseover="alert(1)'  # raw tags are refused before this
    page = warm_project / "content/en/apply.md"
    text = page.read_text(encoding="utf-8")
    first = text.splitlines()[1]
    assert first.startswith("description:")
    page.write_text(text.replace(first, "description: '" + hostile.replace("'", "''") + "'", 1), encoding="utf-8")
    assert build(warm_project, tmp_path / "out").returncode == 0
    html = BeautifulSoup((tmp_path / "out" / "apply" / "index.html").read_text(encoding="utf-8"), "html.parser")
    meta = html.find("meta", attrs={"name": "description"})
    assert meta["content"] == hostile and "onmouseover" not in meta.attrs


def test_a_byte_order_mark_does_not_show_the_front_matter():
    from pana.pages.render import _after_front_matter

    page = "\ufeff---\ndescription: x\n---\n# Title\n\nText\n"
    assert _after_front_matter(page, "HEADER\n") == "# Title\nHEADER\n\nText\n"
