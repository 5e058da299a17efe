"""The frame's texts, in each language's block of mkdocs.yml: the footer's legal links (``extra.legal_links``, read
by overrides/partials/copyright.html) and the 404 page's words (``extra.messages.not_found``: the one 404 page,
overrides/404.html, shows every language's). Each checked with its line, as every other text."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...problems import Problem
from ...source.config import language_names
from ...source.fields import INVALID, TEXT, FieldReader, Kind, Schema
from ...source.model import Check, Site
from ...source.parse import language_block
from ...source.texts import Texts, read

TEXTS: Texts = {"not_found": Schema({
    "languages": TEXT,   # the name of the list of languages ("Langues")
    "title": TEXT,       # "Page not found"
    "text": TEXT,        # what happened, in one sentence
    "link": TEXT,        # the link to the language's home page
})}
WEB = re.compile(r"^https://[^\s/]+\.[^\s]+$")
PATH = re.compile(r"^(?:[a-z0-9-]+/)+$")
ADDRESS = Kind("a page's address from the site root, ending in / (e.g. privacy/ or en/privacy/), or an address "
               "starting with https://", lambda value: value if isinstance(value, str) and (WEB.match(value)
                                                                                               or PATH.match(value))
               else INVALID)
LINK = Schema({"title": TEXT, "link": ADDRESS})


def not_found_texts(site: Site) -> list[dict[str, Any]]:
    """Every language's words for the 404 page, with its code, its name and its home (from the site root)."""
    names = language_names(site.config)
    return [{**(read(site, lang, TEXTS).values["not_found"] or {}), "lang": lang, "language": names.get(lang, lang),
             "home": site.page_url(lang, "index.md").lstrip("/")} for lang in site.languages]


def legal_links_valid(site: Site) -> Iterator[Problem]:
    """Every language has its legal links, each a title and an address (that it leads somewhere is the link checks'
    to tell, on the built site: a page may be published from another language's file)."""
    for lang in site.languages:
        block = language_block(site, lang, "extra")
        reader = FieldReader(block, "legal_links", "see the legal links of another language in mkdocs.yml")
        for where, item in reader.items(("legal_links",), block.meta.get("legal_links"), "legal link"):
            reader.read(where, item, LINK, f"legal link {int(where[-1]) + 1}")
        yield from reader.problems


CHECKS: list[Check] = [legal_links_valid]
