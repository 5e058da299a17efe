"""Checks of the shared texts: each one well formed and in every language, each marker naming one that exists."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.model import Check, Site
from .model import MARKER, WHERE, read_texts, text_lines


def texts_valid(site: Site) -> Iterator[Problem]:
    """Each language's shared texts are short names with a text."""
    for lang in site.languages:
        yield from read_texts(site, lang)[1]


def texts_in_every_language(site: Site) -> Iterator[Problem]:
    """A shared text of one language exists in every other one (the same id)."""
    ids = {lang: set(text_lines(site, lang)) for lang in site.languages}
    for lang, lines in ((lang, text_lines(site, lang)) for lang in site.languages):
        for other in (o for o in site.languages if o != lang):
            for ident in sorted(set(lines) - ids[other]):
                yield Problem("mkdocs.yml", lines[ident], f"the shared text '{ident}' of '{lang}' has no counterpart "
                              f"in '{other}'", f"add '{ident}:' with its translation to the texts of '{other}' "
                              f"({WHERE}), or remove it here")


def markers_known(site: Site) -> Iterator[Problem]:
    """Every ``<!-- text:id -->`` of a page names a shared text of the page's language."""
    known = {lang: read_texts(site, lang)[0] for lang in site.languages}
    for page in site.pages.values():
        texts = known.get(page.lang, {})
        for number, line in enumerate(page.lines, 1):
            for found in MARKER.finditer(line):
                if found.group(1) not in texts:
                    names = ", ".join(sorted(texts)) or "none yet"
                    yield Problem(page.display, number, f"the shared text '{found.group(1)}' does not exist in "
                                  f"'{page.lang}'", f"use one of the shared texts ({names}), or add "
                                  f"'{found.group(1)}:' {WHERE}")


CHECKS: list[Check] = [texts_valid, texts_in_every_language, markers_known]
