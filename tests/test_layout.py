"""The package's folders are the flow's stages, and imports run one way: facts ← pages ← printouts ← site ← serve.
A newcomer can then start from the folder named for what they want to change."""

import ast
from pathlib import Path

PANA = Path(__file__).resolve().parents[1] / "hooks" / "pana"
STAGES = ["facts", "pages", "printouts", "site", "serve"]  # each may import only the ones before it
SHARED = {"pana.cache"}  # the one cache helper, used by every stage
ENTRY = {"pana.build", "pana.check", "pana.po"}  # what mkdocs and make call: they use the stages, no stage uses them


def module_name(file: Path) -> str:
    parts = file.relative_to(PANA.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PANA.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(file: Path) -> set[str]:
    """The pana modules `file` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pana"):
            assert node.level == 0, f"{file}: relative import; name the stage (from pana.facts.data import …)"
            for alias in node.names:  # `from pana.pages import render` imports the module pana.pages.render
                name = f"{node.module}.{alias.name}"
                found.add(name if is_module(name) else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("pana")}
    return found


GRAPH = {module_name(file): imports_of(file) for file in PANA.rglob("*.py")}


def stage(module: str) -> str | None:
    part = module.split(".")[1] if module.count(".") >= 1 else ""
    return part if part in STAGES else None


def test_every_module_lives_in_a_stage_folder_or_is_an_entry_point():
    loose = {m for m in GRAPH if stage(m) is None and m not in SHARED | ENTRY | {"pana"}}
    assert not loose, f"modules outside the stage folders: {sorted(loose)}; put each in the stage it belongs to"


def test_imports_run_one_way():
    backwards = []
    for module, imported in GRAPH.items():
        for target in imported:
            if target in SHARED or target == module:
                continue
            if target in ENTRY or stage(target) is None:
                if module not in ENTRY:
                    backwards.append(f"{module} imports {target}, which only entry points may")
            elif stage(module) and STAGES.index(stage(target)) > STAGES.index(stage(module)):
                backwards.append(f"{module} ({stage(module)}) imports {target} ({stage(target)}), a later stage")
    assert not backwards, "\n".join(backwards)


def test_no_two_modules_import_each_other():
    pairs = sorted(f"{a} ↔ {b}" for a in GRAPH for b in GRAPH[a] if a < b and a in GRAPH.get(b, set()))
    assert not pairs, pairs


def test_main_holds_no_state_only_the_events_of_one_build():
    tree = ast.parse((PANA.parent / "main.py").read_text(encoding="utf-8"))
    assigned = [node for node in tree.body if isinstance(node, ast.Assign)]
    made = [a for a in assigned if isinstance(a.value, ast.Call)]
    assert [ast.unparse(a) for a in made] == ["_build = Build()"]
    for a in assigned:
        if a not in made:
            assert isinstance(a.value, ast.Attribute) and ast.unparse(a.value.value) == "_build", ast.unparse(a)
            assert a.targets[0].id == a.value.attr, ast.unparse(a)  # on_x = _build.on_x
