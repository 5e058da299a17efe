"""The site model: pages, front matter, headings, links and numbers, and where each page is published.

Filled once by ``parse.load_site``; every check and feature reads it. Nothing here depends on MkDocs.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from ..problems import Problem
from .config import line_of

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
Check = Callable[["Site"], Iterable[Problem]]
"""A check of the sources: a pure function of the site model, yielding the problems it finds."""
Where = tuple[str | int, ...]
"""Where a value sits in the front matter, e.g. ("stages", 2, "start")."""
T = TypeVar("T")


class Once:
    """What is read from the sources once and kept: ``once(key, make)`` makes it the first time it is asked for;
    every later call gets the same value (the features' models: booklets, stages, texts, translation status)."""

    loaded: dict[Hashable, Any]

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        if key not in self.loaded:
            self.loaded[key] = make()
        return cast(T, self.loaded[key])


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Link:
    """A link, image or download in a page; ``target`` is resolved against the language folder."""

    raw: str
    target: str
    line: int
    is_image: bool
    in_html: bool = False  # written as raw HTML: relative to the built page's URL, not to the file

    @property
    def is_internal(self) -> bool:
        return not SCHEME.match(self.raw)


@dataclass
class Section:
    """The text between two headings; ``id`` is the heading's id ("" before the first heading)."""

    id: str
    line: int
    numbers: dict[str, int] = field(default_factory=dict)  # number -> first line
    allowed: set[str] = field(default_factory=set)         # marked as a justified difference
    pending: int = 0   # the line of its <!-- translation: pending --> mark (0: none): it awaits its translation


@dataclass
class Page(Once):
    lang: str
    rel: str              # path inside the language folder, e.g. "faq.md"
    path: Path            # path on disk
    display: str          # path as shown to editors, e.g. "docs/fr/faq.md"
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)    # top-level field -> its first line
    field_lines: dict[Where, int] = field(default_factory=dict)  # every front-matter value -> its line
    repeated_fields: list[tuple[Where, int]] = field(default_factory=list)  # keys written twice
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the file's text, line by line
    body_start: int = 0   # index in ``lines`` of the first line after the front matter
    readable: bool = True  # False when the file or its front matter could not be read
    loaded: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)  # Once

    @property
    def pending(self) -> bool:
        return self.meta.get("translation") == "pending"

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title
        h1 = next((h for h in self.headings if h.level == 1), None)
        return h1.text if h1 else None

    def line_of(self, text: str) -> int | None:
        """First line of the page's file that contains ``text`` (for messages about built pages)."""
        return line_of(self.lines, text)

    def field_line(self, where: Where) -> int:
        """The line of a front-matter value, or of the nearest field that contains it."""
        while where and where not in self.field_lines:
            where = where[:-1]
        return self.field_lines.get(where) or self.meta_lines.get(str(where[0]) if where else "") \
            or self.meta_lines.get("", 1)  # "": the line of the block itself (a block of mkdocs.yml)


@dataclass
class Site(Once):
    root: Path
    docs: Path
    languages: list[str]
    default_language: str
    config: dict[str, Any]
    config_lines: list[str] = field(default_factory=list)  # mkdocs.yml, line by line
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    loaded: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)  # Once

    def page(self, lang: str, rel: str) -> Page | None:
        return self.pages.get((lang, rel))

    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def show(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def config_line(self, text: str) -> int | None:
        """The first line of mkdocs.yml that contains ``text``."""
        return line_of(self.config_lines, text)

    def page_url(self, lang: str, rel: str) -> str:
        """The site-relative URL at which the source page ``rel`` of ``lang`` is published."""
        return page_url(lang, rel, self.default_language)

    def source_map(self) -> dict[str, Page]:
        """Published URL path -> Markdown page, to name the file (and line) an editor must open."""
        return {self.page_url(lang, rel): page for (lang, rel), page in self.pages.items()}


def page_url(lang: str, rel: str, default_language: str) -> str:
    """The URL of a source page, e.g. ("en", "faq.md") -> "/en/faq/", ("fr", "index.md") -> "/"."""
    stem = rel[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    prefix = "/" if lang == default_language else f"/{lang}/"
    return prefix + stem


def relative_url(target: str, base: str) -> str:
    """A site-relative URL (``/faq/``) as a link from the page at ``base`` (``/en/faq/``)."""
    path = posixpath.relpath(target, base if base.endswith("/") else posixpath.dirname(base))
    return "./" if path == "." else path + ("/" if target.endswith("/") and path != "." else "")


def link_counts(page: Page, left_out: Set[int] = frozenset()) -> Counter[str]:
    """Internal link targets of a page, counted (for comparing languages); ``left_out``: lines not compared."""
    return Counter(link.target for link in page.links if link.is_internal and link.line not in left_out)
