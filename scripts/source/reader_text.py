"""The text readers see, line by line, as written in the sources: each page's front matter values and body, and
each language's texts in mkdocs.yml. Code, link targets, URLs, tags, comments and YAML comments are blanked out,
so the writing rules (``writing.py``) only look at prose."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Page, Site
from .parse import FENCE, NOT_PROSE

COMMENT = re.compile(r"<!--.*?-->", re.S)  # notes to editors, over several lines too
YAML_COMMENT = re.compile(r"(?:^|\s)#\s.*$")  # '# note' at the start of a line or after a space
ID_FIELD = re.compile(r"^\s*(?:-\s*)?id:")  # ids (work-with-migrants) are names for the build, not text
LOCALE = re.compile(r"^\s*-\s*locale:\s*['\"]?([\w-]+)")


@dataclass(frozen=True)
class TextLine:
    """One line of reader text: where it is (as shown to editors) and its prose."""

    path: str
    line: int
    text: str


def prose(text: str) -> str:
    """``text`` without code, link targets, attribute lists, tags, comments and URLs."""
    text = COMMENT.sub(" ", text)
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


def _without_yaml_comment(line: str) -> str:
    """A YAML line without its trailing ``# comment`` (a ``#`` inside a quoted text stays)."""
    found = YAML_COMMENT.search(line)
    if found and line[:found.start()].count('"') % 2 == 0 and line[:found.start()].count("'") % 2 == 0:
        return line[:found.start()]
    return line


def page_lines(page: Page) -> Iterator[TextLine]:
    """The prose of a page: its front matter (without YAML comments) and its body (without code blocks)."""
    in_fence = False
    blanked = COMMENT.sub(lambda found: re.sub(r"[^\n]", " ", found.group(0)), "\n".join(page.lines))
    for index, line in enumerate(blanked.split("\n")):
        if index < page.body_start:
            if line.strip() != "---" and not ID_FIELD.match(line):
                yield TextLine(page.display, index + 1, prose(_without_yaml_comment(line)))
            continue
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield TextLine(page.display, index + 1, prose(line))


def config_lines(site: Site, lang: str) -> Iterator[TextLine]:
    """The prose of ``lang``'s block in mkdocs.yml (from its ``- locale: xx`` line to the next language's)."""
    inside = False
    for number, line in enumerate(site.config_lines, 1):
        found = LOCALE.match(line)
        if found:
            inside = found.group(1) == lang
            continue
        if inside and not line.lstrip().startswith("#"):
            yield TextLine("mkdocs.yml", number, prose(_without_yaml_comment(line)))


def reader_lines(site: Site, lang: str) -> Iterator[TextLine]:
    """Every line of reader text of ``lang``: its pages, then its texts in mkdocs.yml."""
    for page in site.pages.values():
        if page.lang == lang:
            yield from page_lines(page)
    yield from config_lines(site, lang)
