"""pre-commit's YAML check, with the data's own reader (hooks/pana/facts/yaml_lines.py): each file must parse, hold
no key twice (PyYAML's safe_load keeps the last one silently) and use no anchors; prints `file:line: problem`.
mkdocs.yml's tags (`!ENV [...]`, `!!python/...` on a mapping) are read as the lists and mappings they tag.
Usage: python tools/check_yaml.py FILE...
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from pana.facts.yaml_lines import YamlProblem, load_located  # noqa: E402


def problems(files: list[str]) -> list[str]:
    found = []
    for name in files:
        try:
            load_located(Path(name))
        except YamlProblem as problem:
            found.append(f"{name}:{problem.line}: {problem.message}")
    return found


if __name__ == "__main__":
    found = problems(sys.argv[1:])
    print("\n".join(found), end="\n" if found else "")
    sys.exit(1 if found else 0)
