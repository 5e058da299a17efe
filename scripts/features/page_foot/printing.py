"""Printing: each question (an ``<h3>`` at the top level of the page and what follows it, up to the next
heading) is wrapped in ``<div class="rc-question">``, which the print stylesheet keeps on one sheet."""
from __future__ import annotations

from html.parser import HTMLParser

from ...built.html_model import VOID, line_starts
from ..feature import PageView

QUESTION, ENDS = "h3", {"h1", "h2", "h3"}


class _TopLevelHeadings(HTMLParser):
    """The offsets in the HTML of the start tags of headings that are not inside another element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.positions: list[tuple[tuple[int, int], str]] = []   # ((line, column), tag name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0 and tag in ENDS:
            self.positions.append((self.getpos(), tag))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <path/>: no depth

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)


def keep_questions_together(html: str) -> str:
    """The page's HTML with each top-level question and its answer in a ``div.rc-question``."""
    parser = _TopLevelHeadings()
    parser.feed(html)
    parser.close()
    starts = line_starts(html)
    cuts = [(starts[line - 1] + column, tag) for (line, column), tag in parser.positions]
    out, last, open_ = [], 0, False
    for offset, tag in cuts:
        out.append(html[last:offset])
        if open_:
            out.append("</div>")
        open_ = tag == QUESTION
        if open_:
            out.append('<div class="rc-question">')
        last = offset
    out.append(html[last:])
    if open_:
        out.append("</div>")
    return "".join(out)


def on_content(html: str, view: PageView) -> str:
    """Each question kept whole on paper."""
    return keep_questions_together(html)
