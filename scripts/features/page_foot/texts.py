"""The reader-facing words of the page foot, per language (mkdocs.yml: ``extra.messages.page_foot``)."""
from __future__ import annotations

from typing import Any

from ...problems import Problem
from ...source.config import message_block

BLOCK = "page_foot"
# Each text and the names in braces it must hold.
NAMES: dict[str, set[str]] = {
    "updated": {"date"},     # "Page updated on {date}"
    "share": set(),          # the button where the browser can share (Web Share API)
    "copy": set(),           # the button where it cannot: the link is copied
    "copied": set(),         # the confirmation after copying
    "address": set(),        # before the page's address, on paper
}


def foot_texts(config: dict[str, Any], lang: str) -> tuple[dict[str, str], list[Problem]]:
    """The texts of ``lang`` (empty where missing) and the problems with them."""
    return message_block(config, lang, BLOCK, NAMES)
