"""The writing rules of EDITORS.md that a program can check in the sources (pages and mkdocs.yml):

- French (each language whose mkdocs.yml declaration says ``typography: french``): the curly apostrophe ’, never
  the straight one ' (an error: nothing fixes it later, and readers see it);
- the names and words EDITORS.md forbids, unless quoted (an error: it changes what the text says about people);
  EDITORS.md has such rules for French and English only: another language gets none until it has its own;
- French: a no-break space between a number and its unit, "12 heures" (a warning only: the French spacing of the
  built pages adds it, so readers see it right; the warning keeps the sources clean for the next editor).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..problems import Level, Problem
from .locales import FRENCH, rules_of
from .model import Check, Site
from .reader_text import reader_lines

STRAIGHT_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# A text that says it quotes a source ("La Ville parle de personnes exilées") may use the source's words.
QUOTING = {"fr": re.compile(r"\bparle(?:nt)? de\b|\bselon\b", re.I),
           "en": re.compile(r"\bspeaks? of\b|\baccording to\b", re.I)}
UNITS = (r"%|€|h|min|km|m|cm|kg|g|Ko|Mo|Go|px|heures?|minutes?|jours?|semaines?|mois|ans?|euros?|kilomètres?|"
         r"mètres?|pixels?")
NUMBER_UNIT = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?[ \t]+(?:" + UNITS + r")(?![^\W_])")


@dataclass(frozen=True)
class Forbidden:
    """A word or phrase EDITORS.md forbids in one language, and what to write instead."""

    pattern: re.Pattern[str]
    instead: str


def _words(*items: tuple[str, str]) -> tuple[Forbidden, ...]:
    return tuple(Forbidden(re.compile(rf"(?<![^\W_]){pattern}(?![^\W_])", re.I), instead) for pattern, instead in items)


FORBIDDEN = {
    "fr": _words(
        (r"issu(?:e|s|es)? de la migration", "« personnes nouvellement arrivées »"),
        (r"migrant(?:e|s|es)?", "« personnes nouvellement arrivées »"),
        (r"exilé(?:e|s|es)?", "« personnes nouvellement arrivées »"),
        (r"en présentiel", "« en personne »"),
        (r"politiques? de la ville", "« politiques locales »"),
        (r"communautés?", "« quartier », « association » ou « vie locale »"),
        (r"fonds AMIF", "« FAMI »"),
        (r"et/ou", "« et » ou « ou »"),
        (r"[^\W\d_]+·[^\W\d_]+(?:·[^\W\d_]+)?", "un mot épicène ou le doublet complet (« engagé ou engagée »)"),
        (r"[^\W\d_]+\((?:e|s|es)\)", "un mot épicène ou le doublet complet (« engagé ou engagée »)"),
    ),
    "en": _words(
        (r"migrants?", "“newcomers”"),
        (r"exiled people", "“newcomers”"),
        (r"public agents?", "“employees of …” or “local actors”"),
    ),
}


def french_typography(site: Site) -> list[str]:
    """The languages written with French typography (mkdocs.yml: their extra.language)."""
    return [lang for lang in site.languages if rules_of(site, lang).typography == FRENCH]


def _problem(path: str, line: int, message: str, hint: str, level: Level = "error") -> Problem:
    return Problem(path, line, message, hint, level)


def straight_apostrophes(site: Site) -> Iterator[Problem]:
    """French reader text uses the curly apostrophe ’ (l’accueil), not the straight one (l'accueil)."""
    for item in (item for lang in french_typography(site) for item in reader_lines(site, lang)):
        for found in STRAIGHT_APOSTROPHE.finditer(item.text):
            word = item.text[max(0, found.start() - 12):found.end() + 12].strip()
            yield _problem(item.path, item.line, f"a straight apostrophe ' in French text (“{word}”)",
                           "type the curly apostrophe ’ instead (l’accueil, aujourd’hui); code and web addresses "
                           "are not concerned")


def forbidden_words(site: Site) -> Iterator[Problem]:
    """No name or word that EDITORS.md forbids, except in a quotation (« … », “ … ”) or a text that says whom it
    quotes ("La Ville parle de personnes exilées")."""
    for lang in site.languages:
        quoting = QUOTING.get(lang)
        for item in reader_lines(site, lang):
            if quoting and quoting.search(item.text):
                continue
            text = QUOTED.sub(" ", item.text)
            for rule in FORBIDDEN.get(lang, ()):
                for found in rule.pattern.finditer(text):
                    yield _problem(item.path, item.line, f"the words “{found.group(0)}” break the writing rules of "
                                   "EDITORS.md", f"write {rule.instead}; when you quote a source, put its words in "
                                   "quotation marks or say who speaks (« La Ville parle de … »)")


def number_unit_spacing(site: Site) -> Iterator[Problem]:
    """French: a no-break space (U+00A0) between a number and its unit ("12 heures", "5 %"); a warning."""
    for item in (item for lang in french_typography(site) for item in reader_lines(site, lang)):
        for found in NUMBER_UNIT.finditer(item.text):
            yield _problem(item.path, item.line, f"a plain space between a number and its unit (“{found.group(0)}”)",
                           "type a no-break space (U+00A0) instead, so that the line never breaks between them; "
                           "the built page gets one anyway", "warning")


CHECKS: list[Check] = [straight_apostrophes, forbidden_words, number_unit_spacing]
