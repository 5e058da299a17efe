"""Which engine builds the site, chosen in one place: the ``ENGINE`` environment variable (README: The engine).

``mkdocs`` (the default) is MkDocs 1.6; ``properdocs`` is ProperDocs, the community fork of MkDocs 1.x. ProperDocs
has its own module name and loads plugins written for MkDocs by making ``mkdocs.*`` imports load ``properdocs.*``
in its process: a process builds with one engine only, chosen by ``load`` before any MkDocs import.
"""
from __future__ import annotations

import logging
import os
import sys

from ..problems import Problem

VARIABLE = "ENGINE"
ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"
# Modules that belong to one engine's run: dropped when a process (a forked build) switches engine.
ENGINE_MODULES = ("mkdocs", "properdocs", "material", "mkdocs_static_i18n", "pymdownx")


def chosen() -> str:
    """The engine named by ``ENGINE`` (empty or unset: MkDocs), as written; ``check`` says if it is unknown."""
    return os.environ.get(VARIABLE, "").strip().lower() or DEFAULT


def check(name: str) -> list[Problem]:
    """A problem if ``name`` is not an engine the project knows."""
    if name in ENGINES:
        return []
    return [Problem("ENGINE", None, f"the engine '{name}' is unknown",
                    f"set ENGINE={' or ENGINE='.join(ENGINES)} (or leave it unset for {DEFAULT})")]


def load(name: str) -> str:
    """Make this process's ``mkdocs`` imports load the engine ``name`` (reading mkdocs.yml with libyaml); the name of
    the logger it reports to."""
    found = _load(name)
    _read_yaml_with_libyaml()
    return found


def _read_yaml_with_libyaml() -> None:
    """The engine reads mkdocs.yml with PyYAML's full loader, in Python: its C twin gives the same data in a fifth of
    the time (make serve reads the file at every save)."""
    import yaml
    from mkdocs.utils import yaml as engine_yaml

    fast = getattr(yaml, "CLoader", None)
    defaults = engine_yaml.get_yaml_loader.__defaults__
    if fast is not None and defaults and defaults[0] is yaml.Loader:
        engine_yaml.get_yaml_loader.__defaults__ = (fast, *defaults[1:])


def _load(name: str) -> str:
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != name:  # a process that has used the other engine
        for module in [m for m in sys.modules if m.split(".")[0] in ENGINE_MODULES]:
            del sys.modules[module]
        sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "properdocs.replacement"]
    if name != "properdocs":
        return "mkdocs"
    import properdocs.replacement  # noqa: F401 - from now on, mkdocs.* imports load properdocs.*

    sys.modules["mkdocs"] = sys.modules["properdocs"]  # also after a second load in the same process
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")  # as its command line does
    return "properdocs"

