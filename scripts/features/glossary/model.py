"""The glossary of each language: its terms, the words that stand for them on a page, their definitions.

It lives in mkdocs.yml, under each language's ``extra.messages.glossary`` (so MkDocs does not publish it
as a page), and is read with the front-matter validator for problems with their line in mkdocs.yml.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...problems import Problem
from ...source.fields import SLUG_PATTERN, TEXT, FieldReader, Kind, Schema
from ...source.fields import TEXTS as TEXT_LIST
from ...source.model import Site
from ...source.parse import messages_block
from ...source.texts import Texts

KEY = "glossary"       # under extra: messages: of each language
ID_PREFIX = "glossary-"  # the id of a term's entry in a page's list of words explained: glossary-<term id>
SCRIPT = "assets/javascripts/glossary.js"
TERMS = Kind("a list of terms, each 'term-id:' with 'words:' and 'definition:' indented under it", lambda value: value)
GLOSSARY = Schema({"heading": TEXT, "back": TEXT, "hint": TEXT, "terms": TERMS})
TEXTS: Texts = {KEY: GLOSSARY}
TERM = Schema({"words": TEXT_LIST, "definition": TEXT})
WHERE = "under extra: messages: glossary:"


@dataclass(frozen=True)
class Term:
    """One term: ``words`` are the forms that stand for it on a page (the first one names it); plain text."""

    id: str
    words: tuple[str, ...]
    definition: str
    line: int = 1      # in mkdocs.yml

    @property
    def name(self) -> str:
        return self.words[0]


@dataclass(frozen=True)
class Glossary:
    """One language's glossary and the words around it."""

    lang: str
    heading: str       # of the list of words explained at the end of a page
    back: str          # the link from an entry back to the word in the text
    hint: str          # said after the word by screen readers, e.g. "définition"
    terms: tuple[Term, ...]


def read_glossary(site: Site, lang: str) -> tuple[Glossary | None, list[Problem]]:
    """The glossary of ``lang``, or None and the problems that stop it being used; None without problems
    when the language has no glossary at all (the checks require one when another language has one).
    Read once, then kept."""
    return site.once(("glossary", lang), lambda: _read_glossary(site, lang))


def _read_glossary(site: Site, lang: str) -> tuple[Glossary | None, list[Problem]]:
    block = messages_block(site, lang, KEY)
    if not block.meta:
        return None, []
    reader = FieldReader(block, "terms", f"see the glossary of another language in mkdocs.yml, {WHERE}")
    values = reader.read((), block.meta, GLOSSARY, f"the glossary of '{lang}'")
    terms: list[Term] = []
    if isinstance(block.meta.get("terms"), dict):
        for ident, data in block.meta["terms"].items():
            where = ("terms", ident)
            if not isinstance(ident, str) or not SLUG_PATTERN.match(ident):
                reader.problem(where, f"the glossary term id '{ident}' is not a short name",
                               "use small letters without accents, digits and hyphens, e.g. welcoming-policies")
            read = reader.read(where, data, TERM, f"the glossary term '{ident}'")
            if read is not None:
                terms.append(Term(str(ident), read["words"], read["definition"], reader.line(where)))
    elif values is not None:
        reader.problem(("terms",), f"'terms' must be {TERMS.expected}", "see the other language's glossary")
    seen: dict[str, str] = {}
    for term in terms:
        for word in term.words:
            other = seen.setdefault(word.casefold(), term.id)
            if other != term.id:
                reader.problem(("terms", term.id, "words"), f"the word '{word}' stands for two glossary terms "
                               f"('{other}' and '{term.id}')", "keep it under one term only")
    if values is None or reader.problems:
        return None, reader.problems
    return Glossary(lang, values["heading"], values["back"], values["hint"], tuple(terms)), []
