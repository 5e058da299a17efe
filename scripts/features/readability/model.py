"""The readability report as values, and its settings (mkdocs.yml, ``extra.readability``).

``measure`` fills the report from the site model; ``report`` shows it (text, JSON, build warnings).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ...problems import Problem
from ...source.model import Check, Site

SETTINGS_KEY = "readability"  # under extra: in mkdocs.yml


@dataclass(frozen=True)
class Settings:
    """What editors can tune (mkdocs.yml, ``extra.readability``)."""

    sentence_words: int = 25      # a sentence of more words than this is listed
    common_words: int = 5000      # a word outside the language's N most frequent words counts as rare
    rare_words_shown: int = 10    # how many of a page's rarest words are listed


HELP = {
    "sentence_words": "a sentence of more words than this is listed, e.g. 25",
    "common_words": "a word outside this many most frequent words of the language counts as rare, e.g. 5000",
    "rare_words_shown": "how many of a page's rarest words are listed, e.g. 10",
}


def read_settings(site: Site) -> tuple[Settings, list[Problem]]:
    """The settings from mkdocs.yml (defaults for those not given), and the problems of wrong ones.
    Read once, then kept."""
    return site.once("readability settings", lambda: _read_settings(site))


def _read_settings(site: Site) -> tuple[Settings, list[Problem]]:
    data = (site.config.get("extra") or {}).get(SETTINGS_KEY)
    if data is None:
        return Settings(), []
    if not isinstance(data, dict):
        return Settings(), [Problem("mkdocs.yml", site.config_line(f"{SETTINGS_KEY}:"),
                                    f"'extra: {SETTINGS_KEY}:' must be a list of 'name: value' fields",
                                    f"write {', '.join(HELP)} on indented lines under it")]
    values: dict[str, Any] = {}
    problems = []
    for item in fields(Settings):
        value = data.get(item.name, item.default)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            values[item.name] = value
        else:
            problems.append(Problem("mkdocs.yml", site.config_line(f"{item.name}:"),
                                    f"the readability setting '{item.name}' must be a whole number above 0, "
                                    f"not {value!r}", HELP[item.name]))
    problems += [Problem("mkdocs.yml", site.config_line(f"{name}:"), f"the readability setting '{name}' is unknown",
                         f"use only {', '.join(HELP)}") for name in data if name not in HELP]
    return (Settings() if problems else Settings(**values)), problems


def settings_valid(site: Site) -> Iterator[Problem]:
    """The readability settings in mkdocs.yml are whole numbers, and known."""
    yield from read_settings(site)[1]


CHECKS: list[Check] = [settings_valid]


@dataclass(frozen=True)
class Sentence:
    """A sentence, list item or table cell of a page, where it starts, and its length in words."""

    text: str
    line: int
    words: int


@dataclass(frozen=True)
class RareWord:
    word: str
    count: int       # times on the page
    zipf: float      # wordfreq's Zipf frequency: 0 (unknown) to about 8 (the, de)


@dataclass
class PageReport:
    """One page in one language."""

    display: str                 # e.g. docs/fr/faq.md
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    words: int = 0               # words looked up in the frequency list (numbers and names left out)
    rare: list[RareWord] = field(default_factory=list)  # rarest first
    rare_count: int = 0          # occurrences of rare words

    @property
    def average(self) -> float:
        return sum(s.words for s in self.sentences) / len(self.sentences) if self.sentences else 0.0

    @property
    def rare_share(self) -> float:
        return self.rare_count / self.words if self.words else 0.0

    def long(self, limit: int) -> list[Sentence]:
        return [s for s in self.sentences if s.words > limit]


@dataclass
class Report:
    settings: Settings
    pages: list[PageReport] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)  # language -> its folder, e.g. docs/fr
    notes: list[str] = field(default_factory=list)   # e.g. a language without a frequency list

    def languages(self) -> list[str]:
        return list(dict.fromkeys(page.lang for page in self.pages))

    def long_sentences(self) -> list[tuple[PageReport, Sentence]]:
        return [(page, s) for page in self.pages for s in page.long(self.settings.sentence_words)]
