"""What a poster says, taken from the built pages of its language, so it never says more than the site:
the site's description, and the sections "who can take part" and "what you receive" of the take-part page
(its paragraphs and list items, without those that point to another page or only lead into a list)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

PAGE = "take-part.md"
SECTIONS = ("who-can-take-part", "you-receive")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SPACES = re.compile(r"[ \t\r\n]+")  # not the no-break spaces of French typography
LIST_END = re.compile(r"[\s\u00a0]*[;,]$")   # "…, or refugees);": a list item's end, not needed on its own line


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]   # plain text, one paragraph or list item each


def _text(node: Tag) -> str:
    for hidden in node.select(".rc-visually-hidden, .headerlink"):
        hidden.decompose()
    return SPACES.sub(" ", node.get_text()).strip()


def _only_points_elsewhere(node: Tag) -> bool:
    """A paragraph with a link to another page (not a word of the glossary): the QR code does that."""
    return any("rc-term" not in (link.get("class") or []) for link in node.find_all("a"))


def section(page_html: str, ident: str) -> Section | None:
    """The heading ``#ident`` of a built page and the text under it, up to the next heading of its level or above."""
    soup = BeautifulSoup(page_html, "html.parser")
    heading = soup.find(id=ident)
    if not isinstance(heading, Tag) or heading.name not in HEADINGS:
        return None
    level, lines = int(heading.name[1]), []
    for node in heading.find_next_siblings():
        if node.name in HEADINGS and int(node.name[1]) <= level:
            break
        items = node.find_all("li") if node.name in ("ul", "ol") else [node] if node.name == "p" else []
        lines += [LIST_END.sub("", _text(item)) for item in items if not _only_points_elsewhere(item)]
    kept = (line[:1].upper() + line[1:] for line in lines if line and not line.endswith(":"))
    return Section(_text(heading), tuple(kept))
