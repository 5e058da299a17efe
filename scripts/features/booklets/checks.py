"""Checks of the booklets: front matter well formed, the same facts in every language, texts, index marker."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.markers import missing_marker
from ...source.model import Check, Site
from .model import INDEX, MARKER, Booklet, booklet_pages, load_booklets, parse


def front_matter(site: Site) -> Iterator[Problem]:
    """Every booklet's front matter has every field, each of the right kind."""
    for page in booklet_pages(site):
        yield from parse(page)[1]


SHARED = ("kind", "programme", "territory", "period", "participants")  # the same in every language


def same_facts(site: Site) -> Iterator[Problem]:
    """Kind, programme, territory, period and participant counts are the same in every language."""
    by_slug: dict[str, list[Booklet]] = {}
    for booklet in load_booklets(site):
        by_slug.setdefault(booklet.slug, []).append(booklet)
    for versions in by_slug.values():
        first = next((b for b in versions if b.lang == site.default_language), versions[0])
        for other in versions:
            for name in SHARED:
                if other is not first and getattr(other, name) != getattr(first, name):
                    page = site.page(other.lang, other.rel)
                    yield Problem(other.display, page.meta_lines.get(name) if page else None,
                                  f"the field '{name}' differs from {first.display}",
                                  f"{', '.join(SHARED)} must be the same in every language")


def index_lists_booklets(site: Site) -> Iterator[Problem]:
    """Each language's booklets index holds the marker where the list of booklets goes."""
    yield from missing_marker(site, INDEX, MARKER, "the list of booklets")


CHECKS: list[Check] = [front_matter, same_facts, index_lists_booklets]
