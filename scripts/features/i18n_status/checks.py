"""Checks of the configuration and the status page: every language has the texts of the outdated-page notice
and of the status page; the status page has its marker."""
from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

from ...problems import Check, Problem
from ...source.config import language_options, messages
from ...source.markers import missing_marker
from ...source.model import Site
from .pages import STATES, STATUS_MARKER, STATUS_TEXTS

# The texts of the reader's notice, under languages[*].extra.messages in mkdocs.yml.
NOTICE_MESSAGES = {"outdated": ("{version}", "{date}"), "outdated_link": ("{version}",)}
STATUS_PAGE = "i18n-status.md"


def _fields(text: Any) -> set[str] | None:
    """The ``{names}`` of a text; None if it is not a text that can be filled."""
    try:
        return {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name is not None} \
            if isinstance(text, str) else None
    except ValueError:
        return None


def _texts(found: Any, expected: dict[str, tuple[str, ...]], exact: bool) -> Iterator[str]:
    """The keys of ``expected`` whose text is missing, or lacks (or, if ``exact``, adds) a ``{name}``."""
    for key, names in expected.items():
        fields = _fields(found.get(key)) if isinstance(found, dict) else None
        if fields is None or not set(names) <= fields or (exact and fields - set(names)):
            yield key


def notice_messages(site: Site) -> Iterator[Problem]:
    """Every language has the texts of the outdated-page notice, naming every other language's version, and
    the texts of the status page."""
    for options in language_options(site.config):
        lang = options.get("locale")
        texts = messages(site.config, str(lang))
        where = f"languages → {lang} → extra → messages"
        for key in _texts(texts, NOTICE_MESSAGES, exact=False):
            yield Problem("mkdocs.yml", None, f"the notice text '{key}' for {str(lang).upper()} is missing "
                          f"or lacks {' and '.join(NOTICE_MESSAGES[key])}", f"add it under {where} in the i18n plugin")
        versions = texts.get("versions") or {}
        for other in site.languages:
            if other != lang and not (isinstance(versions, dict) and versions.get(other)):
                yield Problem("mkdocs.yml", None, f"the {str(lang).upper()} notice has no name for the "
                              f"{other.upper()} version", f"add '{other}: ...' under {where} → versions")
        status = texts.get("status")
        wrong = [*_texts(status, STATUS_TEXTS, exact=True),
                 *(f"states → {key}" for key in _texts(status.get("states") if isinstance(status, dict) else None,
                                                        STATES, exact=True))]
        if wrong:
            yield Problem("mkdocs.yml", None, f"the status page texts for {str(lang).upper()} are missing or have "
                          f"wrong {{names}}: {', '.join(wrong)}",
                          f"copy them from the other language under {where} → status, and translate them")


def status_page_marker(site: Site) -> Iterator[Problem]:
    """The status page, in each language, has the marker where the table goes."""
    yield from missing_marker(site, STATUS_PAGE, STATUS_MARKER, "the translation status table")


CHECKS: list[Check] = [notice_messages, status_page_marker]
