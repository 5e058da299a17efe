"""Checks of the glossaries: each well formed, and every term explained in every language."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Problem
from ...source.model import Check, Site
from .model import WHERE, read_glossary


def glossaries_valid(site: Site) -> Iterator[Problem]:
    """Each language's glossary (mkdocs.yml) has its texts, and each term its words and definition."""
    for lang in site.languages:
        yield from read_glossary(site, lang)[1]


def terms_in_every_language(site: Site) -> Iterator[Problem]:
    """A term explained in one language is explained in every other one (the same term id)."""
    glossaries = {lang: read_glossary(site, lang) for lang in site.languages}
    if not any(glossary for glossary, _ in glossaries.values()):
        return
    for lang, (glossary, problems) in glossaries.items():
        if glossary is None and not problems:
            yield Problem("mkdocs.yml", site.config_line(f"locale: {lang}"), f"the language '{lang}' has no glossary",
                          f"copy the 'glossary:' block of another language {WHERE.removeprefix('under ')} and "
                          "translate it")
    for lang, (glossary, _) in glossaries.items():
        for other, (theirs, _) in glossaries.items():
            if glossary is None or theirs is None or other == lang:
                continue
            for term in (t for t in glossary.terms if t.id not in {t.id for t in theirs.terms}):
                yield Problem("mkdocs.yml", term.line, f"the glossary term '{term.id}' of '{lang}' has no counterpart "
                              f"in '{other}'", f"add '{term.id}:' with its words and definition to the glossary of "
                              f"'{other}', or remove it here")


CHECKS: list[Check] = [glossaries_valid, terms_in_every_language]
