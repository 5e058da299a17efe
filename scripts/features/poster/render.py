"""A poster's print document: the template (overrides/poster-print.html) filled with its texts and the QR
code (segno, as an SVG data URL: nothing to fetch) of the self-check page's absolute address."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
import segno

from .content import Section

TEMPLATE = "poster-print.html"   # in the theme's custom_dir (overrides/); not published


@dataclass(frozen=True)
class PosterContent:
    lang: str
    site_name: str
    author: str
    description: str
    sections: tuple[Section, ...]
    check_url: str   # the self-check page of this language, absolute: what the QR code opens


def qr_data_url(url: str) -> str:
    """The QR code of ``url`` as an SVG data URL (error correction M: it survives a crease or a smudge)."""
    return str(segno.make(url, error="m", micro=False).svg_data_uri(scale=10, border=4))


def poster_html(template: Path, content: PosterContent, texts: dict[str, str]) -> str:
    """The whole document to print."""
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(template.read_text("utf-8")).render(
        content=content, texts=texts, qr=qr_data_url(content.check_url))
