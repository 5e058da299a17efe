"""Checks of the search words: each page's ``keywords:`` is a list of words or phrases."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.model import Check, Site
from .reader import read_keywords, read_section_keywords


def keywords_valid(site: Site) -> Iterator[Problem]:
    """Every page's ``keywords:``, when given, is a non-empty list of texts; its ``section_keywords:`` name
    its own headings."""
    for page in site.pages.values():
        yield from read_keywords(page)[1]
        yield from read_section_keywords(page)[1]


CHECKS: list[Check] = [keywords_valid]
