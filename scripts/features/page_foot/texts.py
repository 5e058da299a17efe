"""The reader-facing words of the page foot, per language (mkdocs.yml: ``extra.messages.page_foot``)."""
from __future__ import annotations

from ...source.fields import TEXT, Schema
from ...source.model import Site
from ...source.texts import Texts, block, with_names

BLOCK = "page_foot"
TEXTS: Texts = {BLOCK: Schema({
    "updated": with_names("date"),   # "Page updated on {date}"
    "share": TEXT,                   # the button where the browser can share (Web Share API)
    "copy": TEXT,                    # the button where it cannot: the link is copied
    "copied": TEXT,                  # the confirmation after copying
    "address": TEXT,                 # before the page's address, on paper
})}


def foot_texts(site: Site, lang: str) -> dict[str, str]:
    """The texts of ``lang`` (the source checks report the missing ones)."""
    return block(site, lang, TEXTS, BLOCK)
