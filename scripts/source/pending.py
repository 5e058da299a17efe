"""Sections awaiting their translation: a section whose heading is followed by ``<!-- translation: pending -->``
may have no counterpart in the other language. The parity checks leave it (and its sub-sections) out; readers of
the other language get it in its own language, at the same place, under a notice in theirs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from ..problems import Problem
from .model import Check, Heading, Page, Site

MARK = "<!-- translation: pending -->"


@dataclass(frozen=True)
class PendingSection:
    heading: Heading
    mark: int   # the line of the mark
    end: int    # the last line of the section and its sub-sections

    def holds(self, line: int) -> bool:
        return self.heading.line <= line <= self.end


def pending_sections(page: Page) -> list[PendingSection]:
    """The sections of ``page`` marked as awaiting their translation (with their sub-sections)."""
    found = []
    for section in page.sections:
        heading = next((h for h in page.headings if h.line == section.line), None)
        if not section.pending or heading is None:
            continue
        after = [h.line for h in page.headings if h.line > heading.line and h.level <= heading.level]
        found.append(PendingSection(heading, section.pending, (after[0] - 1) if after else len(page.lines)))
    return found


def untranslated(page: Page, other: Page) -> list[PendingSection]:
    """The pending sections of ``page`` that ``other`` (the page in another language) does not have yet."""
    theirs = {h.id for h in other.headings if h.id}
    return [section for section in pending_sections(page) if section.heading.id not in theirs]


def pending_ids(page: Page, other: Page) -> set[str]:
    """The heading ids inside the page's pending sections that ``other`` does not have yet."""
    return {h.id for s in untranslated(page, other) for h in page.headings if h.id and s.holds(h.line)}


def pending_lines(page: Page, other: Page) -> set[int]:
    """The lines of the page's pending sections that ``other`` does not have yet."""
    return {line for s in untranslated(page, other) for line in range(s.heading.line, s.end + 1)}


def marks_valid(site: Site) -> Iterator[Problem]:
    """A mark under a heading, on a section the other language does not have yet."""
    for page in site.pages.values():
        marked = {s.mark for s in pending_sections(page)}
        for section in page.sections:
            if section.pending and section.pending not in marked:
                yield Problem(page.display, section.pending, f"the mark {MARK} is not under a heading",
                              "put it on the line under the heading of the section that awaits its translation")
        for pending in pending_sections(page):
            for lang in site.languages:
                other = site.page(lang, page.rel)
                if other and other is not page and pending.heading.id in {h.id for h in other.headings}:
                    yield Problem(page.display, pending.mark, f"the section #{pending.heading.id} is marked as "
                                  f"awaiting its translation, but {other.display} has it",
                                  f"remove the line {MARK} (the translation is there)")


def with_pending_sections(markdown: str, page: Page, source: Page, notice: str) -> str:
    """``markdown`` of ``page`` with the sections of ``source`` (the same page in another language) that await
    their translation, each at the place it has there, in its language, under ``notice``."""
    order = [h.id for h in source.headings if h.id]
    for section in untranslated(source, page):
        body = [line for line in source.lines[section.heading.line:section.end] if MARK not in line]
        heading = source.lines[section.heading.line - 1]
        heading = heading.replace("{#", f"{{lang={source.lang} #", 1)
        block = (f"{heading}\n\n<div class=\"admonition note rc-pending\" role=\"note\" data-web-only>"
                 f"<p>{escape(notice)}</p></div>\n\n"
                 f"<div lang=\"{source.lang}\" markdown=\"1\">\n" + "\n".join(body) + "\n\n</div>\n\n")
        later = order[order.index(section.heading.id) + 1:] if section.heading.id in order else []
        place = next((m for hid in later if (m := _heading(markdown, hid))), None)
        markdown = (markdown[:place.start()] + block + markdown[place.start():] if place
                    else markdown.rstrip("\n") + "\n\n" + block)
    return markdown


def _heading(markdown: str, heading_id: str) -> re.Match[str] | None:
    return re.search(rf"^#{{2,6}}[ \t].*\{{[^}}]*#{re.escape(heading_id)}(?![\w-])[^}}]*\}}[ \t]*$", markdown, re.M)


CHECKS: list[Check] = [marks_valid]
