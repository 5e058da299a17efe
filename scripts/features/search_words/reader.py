"""A page's search words, read from its front matter: ``keywords: [éligibilité, conditions, inscription]``."""
from __future__ import annotations

from ...problems import Problem
from ...source.fields import TEXTS, FieldReader, Schema
from ...source.model import Page

FIELD = "keywords"
SCHEMA = Schema({FIELD: TEXTS}, optional=(FIELD,), closed=False)
EXAMPLE = "e.g. keywords: [éligibilité, conditions, inscription], in the page's own language"


def read_keywords(page: Page) -> tuple[tuple[str, ...], list[Problem]]:
    """The page's search words (none if it lists none), and the problems of a badly written list."""
    if FIELD not in page.meta:
        return (), []
    reader = FieldReader(page, FIELD, EXAMPLE)
    values = reader.read((), page.meta, SCHEMA, "the page")
    words = values[FIELD] if values and values[FIELD] else ()
    return tuple(dict.fromkeys(words)), reader.problems
