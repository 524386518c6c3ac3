"""JSON Schemas of the data files, generated from the models that validate them.

Editors' tools (VS Code with the YAML extension, via the `yaml-language-server`
line at the top of each data file) complete fields and underline mistakes as
one types. `python -m pana.facts.schemas` rewrites stale files and exits 1 when it
changed anything, so CI fails until the regenerated schemas are committed;
`--check` only reports. A text's languages come from data/languages.yml, so the
schemas are regenerated when a language is added.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from pana.facts.models import FILES

FOLDER = "schemas"


def schema_text(model, languages: list[str]) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if "Text" in schema.get("$defs", {}):
        text = schema["$defs"]["Text"]
        one = text.pop("patternProperties").popitem()[1]  # a non-empty string
        text |= {"properties": dict.fromkeys(languages, one), "required": languages, "additionalProperties": False}
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def languages_of(root: Path) -> list[str]:
    """The codes in data/languages.yml, in order (the build checks that file itself)."""
    data = yaml.safe_load((root / "data" / "languages.yml").read_text(encoding="utf-8"))
    return list(data["languages"])


def schema_path(root: Path, data_file: str) -> Path:
    return root / FOLDER / data_file.replace(".yml", ".schema.json")


def stale(root: Path) -> list[Path]:
    """Schema files that differ from what the models produce now."""
    languages = languages_of(root)
    return [
        schema_path(root, name)
        for name, model in FILES.items()
        if not schema_path(root, name).exists()
        or schema_path(root, name).read_text(encoding="utf-8") != schema_text(model, languages)
    ]


def main(argv: list[str]) -> int:
    root = Path.cwd()
    outdated = stale(root)
    for path in outdated:
        print(f"{path.relative_to(root)} is out of date with hooks/pana/facts/models.py")
        if "--check" not in argv:
            path.parent.mkdir(exist_ok=True)
            name = path.name.replace(".schema.json", ".yml")
            path.write_text(schema_text(FILES[name], languages_of(root)), encoding="utf-8")
            print(f"  rewritten: commit {path.relative_to(root)}")
    return 1 if outdated else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
