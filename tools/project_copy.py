"""Copy what a build needs into a new folder, so that a test or a benchmark may change it freely."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "data", "content", "hooks", "overrides", "fonts")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # PurgeCSS, run by the build
    return target
