"""The reader-facing words of the read-aloud control, per language (mkdocs.yml: ``extra.messages.read_aloud``)."""
from __future__ import annotations

from ...source.fields import TEXT, Schema
from ...source.model import Site
from ...source.texts import Texts, block

BLOCK = "read_aloud"
TEXTS: Texts = {BLOCK: Schema(dict.fromkeys((
    "listen",     # the play button, and the name of the group of controls
    "pause",      # the same button while it reads
    "resume",     # the same button once paused
    "previous",   # the button that goes back one block
    "next",       # the button that goes on one block
    "rate",       # the label of the speed menu
    "slower", "default", "normal", "faster",  # the speeds (default: a little slower)
    "hint",       # what the control does, said once under it
    "no_voice",   # when the device has no voice in the page's language
), TEXT))}


def read_aloud_texts(site: Site, lang: str) -> dict[str, str]:
    """The texts of ``lang`` (the source checks report the missing ones)."""
    return block(site, lang, TEXTS, BLOCK)
