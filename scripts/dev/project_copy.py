"""A copy of what a build reads, for tests and benchmarks to change freely."""
from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")  # what a build reads


def copy_project(root: Path, dest: Path) -> Path:
    """Copy what a build of the project at ``root`` reads into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest
