"""Checks of offline reading: its texts in every language, and the main pages it keeps exist."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.model import Check, Site
from .model import MAIN_PAGES, WORKER_SOURCE


def main_pages_exist(site: Site) -> Iterator[Problem]:
    """The pages kept for offline reading exist (in the default language; the translation checks see to
    the others), and so does the worker's source."""
    for rel in MAIN_PAGES:
        if site.page(site.default_language, rel) is None:
            yield Problem(site.show(site.docs / site.default_language / rel), None, "this page is kept for offline "
                          "reading (scripts/features/offline/model.py: MAIN_PAGES), but it does not exist",
                          "restore the page, or ask a developer to change MAIN_PAGES")
    if not (site.docs / WORKER_SOURCE).is_file():
        yield Problem(site.show(site.docs / WORKER_SOURCE), None, "the service worker's source is missing",
                      "restore it from the repository")


CHECKS: list[Check] = [main_pages_exist]
