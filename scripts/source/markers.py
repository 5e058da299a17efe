"""Markers: the lines (HTML comments) where a feature puts what it makes, e.g. ``<!-- booklets:list -->``."""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from .model import Site


def missing_marker(site: Site, rel: str, marker: str, what: str) -> Iterator[Problem]:
    """A problem for each language version of the page ``rel`` without its line ``marker`` (where ``what`` goes)."""
    for lang in site.languages:
        page = site.page(lang, rel)
        if page and not page.line_of(marker):
            yield Problem(page.display, None, f"{what} has no place in this page",
                          f"add a line with only {marker} where it must appear")
