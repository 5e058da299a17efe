"""The theme's templates compiled once and kept (``.cache/templates/``, Jinja's bytecode cache, by template name and
text): each language, each build and each rebuild of ``make serve`` reuse them instead of compiling Material's
templates again (a third of a language's build)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache


def compiled_once(env: Environment, root: Path) -> Environment:
    """``env``, keeping its compiled templates in the project at ``root``."""
    folder = root / ".cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def theme_compiled_once(config: Any) -> None:
    """Every environment the theme of ``config`` makes keeps its compiled templates, from the first event on
    (Material's search plugin compiles its language templates in ``on_config``)."""
    make: Callable[[], Environment] = config.theme.get_env
    root = Path(config.config_file_path).parent
    setattr(config.theme, "get_env", lambda: compiled_once(make(), root))  # noqa: B010 - on this theme only
