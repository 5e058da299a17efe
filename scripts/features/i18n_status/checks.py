"""Checks of the configuration and the status page: every language names the other versions in its notice; the
status page has its marker. (Their texts are checked with every other text: source/texts.py.)"""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.markers import missing_marker
from ...source.model import Check, Site
from ...source.parse import messages_block
from .pages import STATUS_MARKER

STATUS_PAGE = "i18n-status.md"


def versions_named(site: Site) -> Iterator[Problem]:
    """Every language's notice has a name for every other language's version."""
    for lang in site.languages:
        versions = messages_block(site, lang, "versions")
        for other in site.languages:
            if other != lang and not str(versions.meta.get(other) or "").strip():
                yield Problem("mkdocs.yml", versions.field_line((other,)), f"the {lang.upper()} notice has no name "
                              f"for the {other.upper()} version", f"add '{other}: ...' under languages → {lang} → "
                              "extra → messages → versions in the i18n plugin")


def status_page_marker(site: Site) -> Iterator[Problem]:
    """The status page, in each language, has the marker where the table goes."""
    yield from missing_marker(site, STATUS_PAGE, STATUS_MARKER, "the translation status table")


CHECKS: list[Check] = [versions_named, status_page_marker]
