"""The shared texts written into a built page in place of their markers."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..feature import PageView
from ..programme.render import markdown_html
from .model import MARKER, read_texts

LinkFixer = Callable[[str], str]
ALONE = re.compile(r"^(\s*)" + MARKER.pattern + r"\s*$", re.M)  # a marker that was a paragraph of its own
PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


def fill_texts(html: str, texts: dict[str, str], to_html: Callable[[str], str]) -> str:
    """``html`` with each ``<!-- text:id -->`` replaced by its text, made HTML by ``to_html`` (Markdown to
    HTML with the page's links): a paragraph where the marker stood alone, inline text elsewhere. An unknown
    marker stays (the source checks name it)."""
    if "<!--" not in html:
        return html

    def block(found: re.Match[str]) -> str:
        text = texts.get(found.group(2))
        return found.group(0) if text is None else found.group(1) + to_html(text)

    def inline(found: re.Match[str]) -> str:
        text = texts.get(found.group(1))
        if text is None:
            return found.group(0)
        converted = to_html(text).strip()
        paragraph = PARAGRAPH.match(converted)
        return paragraph.group(1) if paragraph else converted

    return MARKER.sub(inline, ALONE.sub(block, html))


def on_content(html: str, view: PageView) -> str:
    """The shared texts of the page's language in place of their markers."""
    return fill_texts(html, read_texts(view.site, view.lang)[0], lambda text: markdown_html(text, view.link))
