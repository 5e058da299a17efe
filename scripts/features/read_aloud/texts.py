"""The reader-facing words of the read-aloud control, per language (mkdocs.yml: ``extra.messages.read_aloud``),
and the check that every language has them."""
from __future__ import annotations

from typing import Any

from ...problems import Check, Problem
from ...source.config import message_block, texts_check

BLOCK = "read_aloud"
NAMES: dict[str, set[str]] = {
    "listen": set(),     # the play button, and the name of the group of controls
    "pause": set(),      # the same button while it reads
    "resume": set(),     # the same button once paused
    "previous": set(),   # the button that goes back one block
    "next": set(),       # the button that goes on one block
    "rate": set(),       # the label of the speed menu
    "slower": set(), "default": set(), "normal": set(), "faster": set(),  # the speeds (default: a little slower)
    "hint": set(),       # what the control does, said once under it
    "no_voice": set(),   # when the device has no voice in the page's language
}


def read_aloud_texts(config: dict[str, Any], lang: str) -> tuple[dict[str, str], list[Problem]]:
    """The texts of ``lang`` (empty where missing) and the problems with them."""
    return message_block(config, lang, BLOCK, NAMES)


CHECKS: list[Check] = [texts_check(BLOCK, NAMES)]
