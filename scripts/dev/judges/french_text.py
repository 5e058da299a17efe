"""The rendered text of the French pages, block by block, as a reader sees it (for Grammalecte).

Read with BeautifulSoup, independently of our own spacing pass: the article of each page whose ``<html lang>``
is French, one line per block (paragraph, list item, heading, cell...); no-break spaces (U+00A0, U+202F) kept;
inline code kept (a reader sees it); preformatted code, scripts, hidden elements and elements in another
language (``lang`` other than French, ``lang=""`` included) left out (within a sentence: "…").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

BLOCKS = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
                    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                    "header", "hr", "legend", "li", "main", "nav", "ol", "p", "section", "summary", "table",
                    "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
LEFT_OUT = frozenset({"pre", "script", "style", "svg", "math", "template", "noscript", "button", "input", "select",
                      "textarea"})
ADDRESS = re.compile(r"\S*(?:://|@|\w\.[a-z]{2,})\S*")  # a web or e-mail address, a file name
OTHER_LANGUAGE = "…"  # what words in another language, within a sentence, become for the checker
SPACES = re.compile(r"[ \t\r\n\f]+")  # not U+00A0: a no-break space is part of the text


@dataclass(frozen=True)
class Block:
    page: str  # e.g. "faq/index.html"
    text: str
    other_tokens: frozenset[str]  # what is not French words: its inline code, addresses and file names

    def excuses(self, word: str) -> bool:
        """Whether ``word`` is part of an address, a file name or code (not a French word to spell)."""
        return any(word in token for token in self.other_tokens)


def french_blocks(site: Path) -> list[Block]:
    """Every block of text of every French page of ``site``, in order."""
    blocks: list[Block] = []
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if not isinstance(soup.html, Tag) or not str(soup.html.get("lang", "")).lower().startswith("fr"):
            continue
        article = soup.find("article") or soup.find("main") or soup.body
        if isinstance(article, Tag):
            page = str(path.relative_to(site))
            blocks += [Block(page, text, frozenset(words + ADDRESS.findall(text)))
                       for text, words in _blocks(article) if text]
    return blocks


def _left_out(element: Tag) -> bool:
    lang = element.get("lang")
    return (element.name in LEFT_OUT or element.has_attr("hidden") or element.get("aria-hidden") == "true"
            or (lang is not None and not str(lang).lower().startswith("fr")))


def _blocks(element: Tag) -> list[tuple[str, list[str]]]:
    """The blocks inside ``element``: (text, its inline code)."""
    found: list[tuple[str, list[str]]] = []
    parts: list[str] = []
    code: list[str] = []

    def close() -> None:
        text = SPACES.sub(" ", "".join(parts)).strip(" ")
        found.append((text, list(code)))
        parts.clear()
        code.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and _left_out(child):
                if child.get("lang") is not None and child.name not in BLOCKS:
                    parts.append(OTHER_LANGUAGE)  # "« <span lang="en">…</span> »" reads "« … »"
            elif isinstance(child, Tag):
                if child.name in BLOCKS:
                    close()
                    walk(child)
                    close()
                else:
                    if child.name in ("code", "kbd", "samp"):
                        code.append(child.get_text())
                    walk(child)

    walk(element)
    close()
    return found
