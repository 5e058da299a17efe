"""Pages that Markdown would take minutes to read, or crash on: refused on their line as the page is read
(source/parse.py), before any regular expression or MkDocs sees the text.

Python-Markdown's inline patterns take a time that grows with the square of the unclosed brackets of one
paragraph (2,000 ``[`` take 5 s, 20,000 more than a minute), and nested blocks of raw HTML with
``markdown`` (md_in_html) exhaust Python's recursion. Editors' pages are far from these limits: the longest
page is 12 KB, its deepest indentation 8 spaces.
"""
from __future__ import annotations

import re

from ..problems import Problem

MAX_PAGE_BYTES = 200_000
MAX_BRACKETS = 100        # "[" in one paragraph (a link takes one)
MAX_ANGLES = 400          # "<" in one paragraph (a tag takes one)
MAX_NESTING = 20          # blocks inside each other: quotes (>), list indentation (4 spaces a level), HTML
OPEN = re.compile(r"<(div|section|details|blockquote|article|aside|figure|ul|ol|table)\b", re.I)
CLOSE = re.compile(r"</(div|section|details|blockquote|article|aside|figure|ul|ol|table)\s*>", re.I)
HOW = "split the text into shorter paragraphs with fewer links, or fewer levels of lists, quotes and blocks"


def too_heavy(display: str, text: str) -> Problem | None:
    """The problem of a page's text over a limit, checked before anything else reads it (our own regular
    expressions too would take minutes), or None."""
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return Problem(display, None, f"the page is {size // 1000} KB, more than {MAX_PAGE_BYTES // 1000} KB",
                       "split it into several pages")
    found = _first_excess(text.splitlines())
    return Problem(display, found[0], found[1], HOW) if found else None


def _first_excess(lines: list[str]) -> tuple[int, str] | None:
    """(line, what) of the first place over a limit."""
    brackets = angles = depth = 0
    start = 1
    for number, line in enumerate(lines, 1):
        if not line.strip():
            brackets, angles, start = 0, 0, number + 1
            continue
        brackets, angles = brackets + line.count("["), angles + line.count("<")
        if brackets > MAX_BRACKETS:
            return start, f"this paragraph holds more than {MAX_BRACKETS} '['"
        if angles > MAX_ANGLES:
            return start, f"this paragraph holds more than {MAX_ANGLES} '<'"
        depth += len(OPEN.findall(line)) - len(CLOSE.findall(line))
        quotes = line[: len(line) - len(line.lstrip(" >"))].count(">")
        indent = (len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))) // 4
        if max(depth, quotes, indent) > MAX_NESTING:
            return number, f"the text here is nested more than {MAX_NESTING} levels deep"
    return None
