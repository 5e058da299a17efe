"""A straight apostrophe typed in French text (« l'on ») is told to the editor as a warning (EDITORS.md asks for
the curly one, « l’on »); code, link targets, HTML and attribute lists are left out."""
from __future__ import annotations

import re

from ...problems import Problem
from ...source.model import Site
from .spacing import FRENCH

STRAIGHT = re.compile(r"[^\W\d_]+'[^\W\d_]+")  # l'on, aujourd'hui
NOT_TEXT = [re.compile(pattern) for pattern in (r"`[^`]*`", r"\]\([^)]*\)", r"<[^>]*>", r"\{[^}]*\}")]
FENCE = re.compile(r"^\s*(```|~~~)")


def straight_apostrophes(site: Site) -> list[Problem]:
    """One warning a line of French text with a straight apostrophe between two letters."""
    found = []
    for page in site.pages.values():
        if page.lang != FRENCH:
            continue
        in_fence = False
        for number, line in enumerate(page.lines, start=1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            text = line
            for pattern in NOT_TEXT:
                text = pattern.sub(" ", text)
            match = None if in_fence else STRAIGHT.search(text)
            if match:
                found.append(Problem(page.display, number, f"a straight apostrophe in French text (« {match.group(0)} »)",
                                     "type the French one, ’ (e.g. « l’on »); on a keyboard without it, copy it "
                                     "from here", "warning"))
    return found
