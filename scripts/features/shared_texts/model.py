"""Shared texts: one wording, in each language, for a fact that several pages repeat (the certificate's
condition, the selection, the languages of the facilitators, where the programme is open).

They live in mkdocs.yml, under each language's ``extra.messages.texts`` (``id: "text"``, Markdown allowed).
A page uses one with the marker ``<!-- text:id -->``, on a line of its own or inside a sentence or list item;
the build puts the text of the page's language in its place (``render.fill_texts``).
"""
from __future__ import annotations

import re

from ...problems import Problem
from ...source.fields import SLUG_PATTERN
from ...source.model import Site
from ...source.parse import messages_block
from ...source.texts import Texts, entries

KEY = "texts"          # under extra: messages: of each language
TEXTS: Texts = {KEY: entries("lines of 'id: text', indented (a short name, then the text in quotes)")}
WHERE = "in mkdocs.yml, under extra: messages: texts: of each language"
MARKER = re.compile(r"<!--\s*text:\s*([^\s>]*)\s*-->")


def read_texts(site: Site, lang: str) -> tuple[dict[str, str], list[Problem]]:
    """The shared texts of ``lang`` (id -> Markdown), and the problems of the ones that cannot be used.
    Read once, then kept."""
    return site.once(("shared texts", lang), lambda: _read_texts(site, lang))


def _read_texts(site: Site, lang: str) -> tuple[dict[str, str], list[Problem]]:
    block = messages_block(site, lang, KEY)
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for ident, value in block.meta.items():
        line = block.field_line((ident,))
        if not isinstance(ident, str) or not SLUG_PATTERN.match(ident):
            problems.append(Problem("mkdocs.yml", line, f"the shared text id '{ident}' is not a short name",
                                    "use small letters without accents, digits and hyphens, e.g. certificate"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem("mkdocs.yml", line, f"the shared text '{ident}' of '{lang}' is empty or not a text",
                                    f"write it between double quotes after '{ident}:'"))
        else:
            texts[ident] = value.strip()
    return texts, problems


def text_lines(site: Site, lang: str) -> dict[str, int]:
    """The line in mkdocs.yml of each shared text of ``lang``."""
    block = messages_block(site, lang, KEY)
    return {str(ident): block.field_line((ident,)) for ident in block.meta}
