"""The posters' own words (mkdocs.yml: ``extra.messages.poster``): headings and labels only; what the poster
says about the programme comes from the built pages (content.py)."""
from __future__ import annotations

from ...source.fields import TEXT, Schema
from ...source.model import Site
from ...source.texts import Texts, block, with_names

BLOCK = "poster"
TEXTS: Texts = {BLOCK: Schema({
    "what": TEXT,        # the heading over the site's description
    "scan": TEXT,        # next to the QR code: what it opens
    "qr_alt": TEXT,      # the QR code's text alternative
    "link": with_names("language"),  # a download link on the take-part page: "A4 poster in {language} (PDF)"
    "missing": TEXT,     # on the take-part page when the build made no poster (no public address)
})}


def poster_texts(site: Site, lang: str) -> dict[str, str]:
    """The texts of ``lang`` (the source checks report the missing ones)."""
    return block(site, lang, TEXTS, BLOCK)
