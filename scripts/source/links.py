"""Links lead somewhere: each Markdown link to a page (and heading) or image of the site finds it, before any
build. Links in raw HTML, and to files the build makes (PDFs, calendars), are checked on the built site."""
from __future__ import annotations

import re
from collections.abc import Iterator, Set

from markdown.extensions.toc import slugify

from ..problems import Problem
from .model import Check, Link, Page, Site

# Ids written in a page besides its headings: {#id} attribute lists and id="…" in raw HTML.
WRITTEN_ID = re.compile(r"""\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}|\bid\s*=\s*["']([^"']+)["']""")


def anchors(page: Page) -> set[str]:
    """The ids a built page will have: its headings' ({#id}, or the slug MkDocs makes of the text) and the
    ids written in it."""
    found = {heading.id or slugify(heading.text, "-") for heading in page.headings}
    return found | {a or b for line in page.lines for a, b in WRITTEN_ID.findall(line)}


def broken(site: Site, page: Page, link: Link, own: Set[str] = frozenset()) -> Problem | None:
    """The problem of a link of ``page`` that leads to no page, image or heading of the site (None if it
    leads somewhere). ``own``: ids the page gets from our rendering, besides ``anchors``."""
    path, _, anchor = link.target.partition("#")
    if path and not path.endswith(".md"):
        if (site.docs / page.lang / path).is_file() or (site.docs / path).is_file():
            return None
        return Problem(page.display, link.line, f"the link '{link.raw}' leads to no page or file",
                       "check the file name and its folder (shared files are in docs/assets/)")
    target = (site.page(page.lang, path) or site.page(site.default_language, path)) if path else page
    if target is None:
        return Problem(page.display, link.line, f"the link '{link.raw}' leads to no page or file",
                       "check the file name, or create the page")
    if anchor and anchor not in anchors(target) | (own if target is page else set()):
        return Problem(page.display, link.line, f"the link '{link.raw}' leads to no heading '#{anchor}' in "
                       f"{target.display}", "use an id that exists in that page (the {#…} at the end of a heading)")
    return None


def checked_here(link: Link) -> bool:
    """Whether the link is checked before the build: raw HTML and made files are checked on the built site,
    links into other folders by parity.cross_language_links."""
    path = link.target.partition("#")[0]
    return not (link.in_html or not link.is_internal or link.raw.startswith("/") or path.startswith("..")
                or (path and not path.endswith(".md") and not link.is_image))


def broken_links(site: Site, page: Page) -> list[Problem]:
    """The problems of the page's links that lead nowhere (those checked before the build)."""
    return [problem for link in page.links if checked_here(link) and (problem := broken(site, page, link))]


def link_targets(site: Site) -> Iterator[Problem]:
    """Every Markdown link to a page, heading or image of the site leads to it."""
    for page in site.pages.values():
        yield from broken_links(site, page)


CHECKS: list[Check] = [link_targets]
