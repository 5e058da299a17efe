"""A page's search words, read from its front matter: ``keywords: [éligibilité, conditions, inscription]`` for
the whole page, and ``section_keywords:`` for one section, by its heading id::

    section_keywords:
      compensation: [salaire, argent]
"""
from __future__ import annotations

from typing import Any

from ...problems import Problem
from ...source.fields import INVALID, TEXTS, FieldReader, Schema, shown
from ...source.model import Page

FIELD = "keywords"
SECTIONS = "section_keywords"
SCHEMA = Schema({FIELD: TEXTS}, optional=(FIELD,), closed=False)
EXAMPLE = "e.g. keywords: [éligibilité, conditions, inscription], in the page's own language"
SECTION_EXAMPLE = "e.g. section_keywords: then, indented below it, compensation: [salaire, argent]"


def read_keywords(page: Page) -> tuple[tuple[str, ...], list[Problem]]:
    """The page's search words (none if it lists none), and the problems of a badly written list.
    Read once, then kept."""
    return page.once("keywords", lambda: _read_keywords(page))


def _read_keywords(page: Page) -> tuple[tuple[str, ...], list[Problem]]:
    if FIELD not in page.meta:
        return (), []
    reader = FieldReader(page, FIELD, EXAMPLE)
    values = reader.read((), page.meta, SCHEMA, "the page")
    words = values[FIELD] if values and values[FIELD] else ()
    return tuple(dict.fromkeys(words)), reader.problems


def read_section_keywords(page: Page) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """The search words of each section (heading id -> words), and the problems of a badly written block:
    not a block of 'id: [words]' lines, an id that is no heading of the page, words that are no list.
    Read once, then kept."""
    return page.once("section keywords", lambda: _read_section_keywords(page))


def _read_section_keywords(page: Page) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    data: Any = page.meta.get(SECTIONS)
    if data is None:
        return {}, []
    reader = FieldReader(page, SECTIONS, SECTION_EXAMPLE)
    if not isinstance(data, dict) or not data:
        reader.problem((SECTIONS,), f"the field '{SECTIONS}' must be lines of 'heading-id: [words]', indented, "
                                    f"not {shown(data)}", f"correct '{SECTIONS}:'")
        return {}, reader.problems
    ids = [heading.id for heading in page.headings if heading.id]
    found: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        words = TEXTS.read(value)
        if str(key) not in ids:
            reader.problem((SECTIONS, key), f"there is no heading #{key} on this page for its search words",
                           f"use the id at the end of one of its headings: {', '.join(ids[:8])}")
        elif words is INVALID:
            reader.problem((SECTIONS, key), f"the search words of #{key} must be {TEXTS.expected}, not {shown(value)}",
                           f"correct '{key}:' on that line")
        else:
            found[str(key)] = tuple(dict.fromkeys(words))
    return found, reader.problems
