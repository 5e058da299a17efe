"""French spacing in the built HTML of French pages, whatever the editor typed and whatever Python-Markdown's
table of contents did to it (it turns no-break spaces into plain ones).

Only the readable text changes (``text_runs``: the title, headings, menus, table of contents, body), never
markup, character references, code, scripts, styles, or elements in another language (``lang="en"`` on a French page). One
no-break space (U+00A0) goes before ? ! ; : and », after «, and between a number and its unit ("12 heures");
a space that is already a no-break one is kept, never doubled, and extra spaces there are dropped.
"""
from __future__ import annotations

import re

from ...source.locales import FRENCH, LanguageRules
from ..feature import PageView
from .text_runs import Char, Page, Run

NBSP = "\u00a0"
SPACES = "[ \t\u00a0\u202f]"  # the spaces that may stand at those places (U+202F: narrow no-break space)
UNITS = ("%|‰|€|h|min|minutes?|jours?|semaines?|mois|ans?|années?|euros?|heures?|km|m|cm|mm|kg|g|°C")
# Each rule finds a stretch of spaces (group "gap", possibly empty) that must be exactly one no-break space.
RULES = [
    re.compile(rf"(?<=\S)(?P<gap>{SPACES}+)(?=[?!;:»])"),  # "Qui ?" (a colon only after a space: 14:30, https:)
    re.compile(r"(?<=[^\W_])(?P<gap>)(?=[?!;](?:\s|$|[)»]))"),  # "Qui?" -> "Qui ?"
    re.compile(r"(?<=[^\s«])(?P<gap>)(?=»)"),  # "oui»"
    re.compile(rf"(?<=«)(?P<gap>{SPACES}*)"),  # "« oui", "«oui", and never "«" + two no-break spaces
    re.compile(rf"(?<![\w.,–-])\d+(?:,\d+)?(?P<gap>{SPACES}+)(?=(?:{UNITS})(?![\w’'–-]))"),  # "12 heures"
]
KEEP = "\u00a0\u202f"  # a no-break space already there is kept


def typeset(html: str, rules: LanguageRules) -> str:
    """The page with the typography of its language (mkdocs.yml: extra.language.typography)."""
    return french_spacing(html, rules.lang) if rules.typography == FRENCH else html


def french_spacing(html: str, lang: str = "fr") -> str:
    """The page in ``lang`` (French, or a language written with its typography) with French spacing in its text."""
    page = Page(html, lang)
    edits = [edit for run in page.runs() for edit in _edits(run)]
    return page.html(edits) if edits else html


def _edits(run: Run) -> list[tuple[Char, str, str]]:
    """The edits that make each gap of the run one no-break space."""
    text, gaps = run.text, set[tuple[int, int]]()
    for rule in RULES:
        gaps.update(match.span("gap") for match in rule.finditer(text))
    edits: list[tuple[Char, str, str]] = []
    done = -1  # gaps never overlap: a later one starting inside an earlier one is left out
    for start, end in sorted(gaps):
        if start < done:
            continue
        done = max(end, start + 1)
        chars = run.chars[start:end]
        kept = next((char for char in chars if char.value in KEEP), None)
        if kept is None:
            kept = next((char for char in chars if char.plain), None)
            if kept is not None:
                edits.append((kept, NBSP, "instead"))
            elif start < len(run.chars):
                edits.append((run.chars[start], NBSP, "before"))
            else:
                edits.append((run.chars[-1], NBSP, "after"))
        edits.extend((char, "", "instead") for char in chars if char is not kept and char.plain)
    return edits


def on_page(output: str, view: PageView) -> str:
    """The typography of the reader's language (French spacing on French pages)."""
    return typeset(output, view.rules)
