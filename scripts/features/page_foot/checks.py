"""Check of the configuration: every language has the texts of the page foot."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Check, Problem
from ...source.model import Site
from .texts import foot_texts


def texts_present(site: Site) -> Iterator[Problem]:
    """Every language has every text of the page foot."""
    for lang in site.languages:
        yield from foot_texts(site.config, lang)[1]


CHECKS: list[Check] = [texts_present]
