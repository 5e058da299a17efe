"""The posters' own words (mkdocs.yml: ``extra.messages.poster``): headings and labels only; what the poster
says about the programme comes from the built pages (content.py). And the check that every language has them."""
from __future__ import annotations

from typing import Any

from ...problems import Check, Problem
from ...source.config import message_block, texts_check

BLOCK = "poster"
NAMES: dict[str, set[str]] = {
    "what": set(),       # the heading over the site's description
    "scan": set(),       # next to the QR code: what it opens
    "qr_alt": set(),     # the QR code's text alternative
    "link": {"language"},   # a download link on the take-part page: "A4 poster in {language} (PDF)" (Babel's name)
    "missing": set(),    # on the take-part page when the build made no poster (no public address)
}


def poster_texts(config: dict[str, Any], lang: str) -> tuple[dict[str, str], list[Problem]]:
    """The texts of ``lang`` (empty where missing) and the problems with them."""
    return message_block(config, lang, BLOCK, NAMES)


CHECKS: list[Check] = [texts_check(BLOCK, NAMES)]
