"""What the build knows of each language, declared once in mkdocs.yml: ``extra: language:`` in the language's
block of the i18n plugin. Every field may be left out; the defaults come from Babel's data for the language.

- ``region``: the country whose usage the site follows (FR): og:locale fr_FR, the read-aloud voice fr-FR, the dates;
- ``typography``: ``french`` (no-break spaces before ; : ! ? », the curly apostrophe checked) or ``none``;
- ``abbreviations``: words after whose full stop a sentence goes on (readability);
- ``elisions``: the elided words written before another (l’, qu’): "l’accueil" is the word "accueil";
- ``date_format``: how a day is written (a Babel pattern; Babel's long format of the region by default).

A third language needs no code: its block in mkdocs.yml and its docs/<lang>/ folder (EDITORS.md, "Add a language").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, get_date_format

from ..problems import Problem
from .fields import INVALID, TEXT, TEXTS, FieldReader, Kind, Schema, one_of
from .model import Check, Page, Site
from .parse import language_block

FRENCH = "french"     # the typography of French: spacing of the built pages (features/typography), writing checks
TYPOGRAPHIES = (FRENCH, "none")
REGION_CODE = re.compile("[A-Z]{2}|[0-9]{3}")
REGION = Kind("a country code in capitals, e.g. FR or GB",
              lambda value: value if isinstance(value, str) and REGION_CODE.fullmatch(value) else INVALID)
LANGUAGE = Schema({"region": REGION, "typography": one_of(TYPOGRAPHIES), "abbreviations": TEXTS, "elisions": TEXTS,
                   "date_format": TEXT}, optional=("region", "typography", "abbreviations", "elisions", "date_format"))
WHERE = ("extra", "language")
LUNR_BUILT_IN = "en"  # lunr stems English itself; other languages need Material's lunr.<lang>.min.js
LUNR_FILES = "assets/javascripts/lunr/min"  # where the built site has them (Material's search worker loads them)


@dataclass(frozen=True)
class LanguageRules:
    """One language's rules, e.g. ``LanguageRules("fr", "FR", "french", …)``."""

    lang: str
    region: str
    typography: str = "none"
    abbreviations: frozenset[str] = frozenset()   # lower case, with their full stop: "e.g."
    elisions: tuple[str, ...] = ()                # without their apostrophe: "l", "qu"
    date_format: str = "d MMMM y"

    def format_day(self, day: date) -> str:
        """A day the way the language writes it (its ``date_format``), e.g. "12 mars 2025"."""
        return format_date(day, self.date_format, locale=self.locale)

    @property
    def locale(self) -> str:
        """Babel's and Open Graph's name of the language and region: "fr_FR"."""
        return f"{self.lang}_{self.region}" if self.region else self.lang

    @property
    def tag(self) -> str:
        """Its language tag (BCP 47), e.g. for the read-aloud voice: "fr-FR"."""
        return self.locale.replace("_", "-")

    def bare(self, word: str) -> str:
        """A word without its elided article or pronoun ("l’accueil": "accueil")."""
        return _elision(self.elisions).sub("", word) if self.elisions else word


@cache
def _elision(elisions: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(map(re.escape, elisions))})[’']", re.I)


def likely_region(lang: str) -> str:
    """The country Babel's data names for a bare language ("de": DE); "" when it knows none."""
    parts = str(get_global("likely_subtags").get(lang, "")).split("_")
    return parts[-1] if len(parts) > 1 and REGION_CODE.fullmatch(parts[-1]) else ""


def _read(block: Page, lang: str) -> tuple[LanguageRules, list[Problem]]:
    reader = FieldReader(block, "", "see the other languages' 'language:' in mkdocs.yml")
    values = reader.read((), block.meta, LANGUAGE, f"the language '{lang}'") or {}
    region = values.get("region") or likely_region(lang)
    try:
        Locale(lang, region or None)
    except (UnknownLocaleError, ValueError):
        reader.problem(("region",), f"Babel knows no language '{lang}' in the region '{region}'",
                       "check the language's 'locale:' and its 'region:' (two capital letters, e.g. DE)")
        return LanguageRules(lang, region), reader.problems
    locale = f"{lang}_{region}" if region else lang
    pattern = values.get("date_format") or get_date_format("long", locale=locale).pattern
    try:
        format_date(date(2025, 3, 12), pattern, locale=locale)
    except (ValueError, KeyError, AttributeError) as error:
        reader.problem(("date_format",), f"the date format '{pattern}' cannot be used ({error})",
                       "write a Babel pattern, e.g. \"d MMMM y\" for 12 March 2025")
        pattern = "y-MM-dd"
    return LanguageRules(lang, region, values.get("typography") or "none",
                         frozenset(a.lower() for a in values.get("abbreviations") or ()),
                         tuple(e.rstrip("’'") for e in values.get("elisions") or ()), pattern), reader.problems


def read_language(site: Site, lang: str) -> tuple[LanguageRules, list[Problem]]:
    """The rules of ``lang`` and the problems of its declaration, with their lines in mkdocs.yml (read once, then
    kept in the model)."""
    return site.once(("language rules", lang), lambda: _read(language_block(site, lang, *WHERE), lang))


def rules_of(site: Site, lang: str) -> LanguageRules:
    """The rules of ``lang`` (their problems are the source checks')."""
    return read_language(site, lang)[0]


def search_language(lang: str, site_dir: Path) -> str:
    """lunr's language for searching ``lang``'s index: its own where Material ships its stemmer (lunr.de.min.js,
    in the site built in ``site_dir``), else English, built into lunr (as Material does for a language it has no
    stemmer for)."""
    own = lang == LUNR_BUILT_IN or (site_dir / LUNR_FILES / f"lunr.{lang}.min.js").is_file()
    return lang if own else LUNR_BUILT_IN


def search_files(lang: str, site_dir: Path) -> set[str]:
    """The lunr files that searching ``lang`` loads, from the site root (none for English: lunr's own)."""
    found = search_language(lang, site_dir)
    return set() if found == LUNR_BUILT_IN else {f"{LUNR_FILES}/lunr.stemmer.support.min.js",
                                                   f"{LUNR_FILES}/lunr.{found}.min.js"}


def declarations_valid(site: Site) -> Iterator[Problem]:
    """Every language's ``extra: language:`` reads (its problems at their lines in mkdocs.yml)."""
    for lang in site.languages:
        yield from read_language(site, lang)[1]


CHECKS: list[Check] = [declarations_valid]
