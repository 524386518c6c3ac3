"""CONTRIBUTING's examples are copied by editors: each must still be valid data, in the file it names."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pana.facts.data import DataError, load_facts

ROOT = Path(__file__).resolve().parents[1]
# an example block starts with a comment naming its file and where it goes
EXAMPLE = re.compile(
    r"```yaml\n# data/(?P<file>[a-z]+\.yml), (?:under (?P<key>[a-z_]+):|checklist item:)\n(?P<body>.*?)```", re.S
)


def examples() -> list[tuple[str, str | None, str]]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [(m["file"], m["key"], m["body"]) for m in EXAMPLE.finditer(text)]


def test_contributing_shows_every_kind_of_fact():
    shown = {file for file, _, _ in examples()}
    for file in (
        "procedure.yml",
        "rights.yml",
        "grounds.yml",
        "detention.yml",
        "statistics.yml",
        "glossary.yml",
        "checklists.yml",
        "search.yml",
    ):
        assert file in shown, f"CONTRIBUTING.md has no example of {file}"


@pytest.mark.parametrize(
    ("file", "key", "body"), examples(), ids=lambda v: v if isinstance(v, str) and v.endswith(".yml") else ""
)
def test_example_is_valid_where_it_goes(tmp_path, file, key, body):
    """Put the example in a copy of the data in place of the item with its id (or beside it) and load it all."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    items = yaml.safe_load(body)
    assert isinstance(items, list) and len(items) == 1, "an example is one list item, starting with '- '"
    item = items[0]
    doc = yaml.safe_load((data / file).read_text(encoding="utf-8"))
    place = doc[key] if key else doc["checklists"][0]["sections"][0]["items"]
    key_of = next((k for k in ("id", "page") if k in item), None)  # what makes an item unique in its file
    same = [i for i, old in enumerate(place) if key_of and old.get(key_of) == item[key_of]]
    if same:
        place[same[0]] = item
    else:
        place.append(item)
    (data / file).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        load_facts(data)
    except DataError as error:
        pytest.fail(f"CONTRIBUTING.md's example for {file} is not valid:\n{error}")
