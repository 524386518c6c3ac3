"""Read YAML safely while remembering the line of every key and list item.

PyYAML's safe loader silently keeps the last of two duplicate keys and forgets
where each value stood; editors need both caught and located. It also follows
aliases without limit (nine lines of nested `*a` expand to gigabytes), so data
files may not use them, and a file over MAX_BYTES is refused unread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
# libyaml's parser, where PyYAML was built with it, reads the data five times faster
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000  # the largest data file today is about 60 kB


@dataclass
class Located:
    """A YAML document as plain Python values, with the line of each path."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class YamlProblem(Exception):
    """A file that is not valid YAML, with the line where reading stopped."""

    def __init__(self, line: int, message: str, path: Path_ = ()):
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


def load_located(file: Path) -> Located:
    """Parse `file` (UTF-8) into values and a map of paths to 1-based lines."""
    raw = file.read_bytes()
    if len(raw) > MAX_BYTES:
        raise YamlProblem(1, f"the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}; split it or shorten it")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark some editors add is dropped
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(line, "not UTF-8 text; save the file with the UTF-8 encoding") from None
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(mark.line + 1 if mark else 1, _yaml_message(error)) from None
    finally:
        loader.dispose()
    if node is None:
        return Located(value=None)
    located = Located(value=None, lines={(): node.start_mark.line + 1})
    located.value = _build(node, (), loader, located.lines, set())
    return located


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "not valid YAML"
    if "\t" in problem or "\\t" in problem or "tab character" in problem:
        return "a tab character is not allowed in YAML; indent with spaces"
    return f"not valid YAML: {problem}"


def _build(node: yaml.Node, path: Path_, loader: SafeLoader, lines: dict[Path_, int], seen: set[int]) -> Any:
    if id(node) in seen:  # an alias: the composer hands out the anchored node again
        raise YamlProblem(
            node.start_mark.line + 1, "uses an anchor and alias (&name, *name); write the value out instead", path
        )
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            child = (*path, key)
            if key in result:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    f"duplicate key '{key}' (first at line {lines[child]}); keep only one",
                    child,
                )
            lines[child] = key_node.start_mark.line + 1
            result[key] = _build(value_node, child, loader, lines, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            items.append(_build(item, (*path, index), loader, lines, seen))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlProblem(node.start_mark.line + 1, f"not a valid value: {error.problem}", path) from None
    except ValueError as error:  # a date that does not exist, such as 2026-02-30
        message = f"'{node.value}' is not a real date ({error}); write it as YYYY-MM-DD"
        raise YamlProblem(node.start_mark.line + 1, message, path) from None
