"""The model the pipeline loaded, handed to the MkDocs hooks that build it.

MkDocs runs in the pipeline's process, or in processes forked from it (one per language), which inherit what is
prepared here: the hooks take that model and read no source again. Under ``mkdocs serve`` nothing is prepared,
and the hooks load their own at each rebuild. The state lives in this module, not in ``hooks``, whose module
MkDocs loads again by its path.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..source.model import Site

_prepared: Site | None = None


@contextmanager
def prepared(site: Site) -> Iterator[None]:
    """``site`` is the model of the MkDocs runs started in the block."""
    global _prepared
    _prepared = site
    try:
        yield
    finally:
        _prepared = None


def model_for(config_file: Path) -> Site | None:
    """The prepared model, if it is the one of the project of ``config_file``."""
    if _prepared is not None and _prepared.root.resolve() == config_file.parent.resolve():
        return _prepared
    return None
