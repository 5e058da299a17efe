"""The share pictures of a language build: where each page's picture is published, and each one drawn
(or taken from the cache, by a hash of everything it is drawn from, like the booklet PDFs) into the site."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from ...problems import Problem
from ...source.kept_files import read_checked, write_checked
from . import card, logo
from .card import FONT_HINT, FONTS, LOGO_SIZE, SIZE, draw_card, missing_fonts
from .logo import draw_logo, read_logo

FOLDER = "assets/share"         # in the built site: assets/share/<lang>/<page>.png
CACHE_FORMAT = "1"              # change it when the cache's layout or meaning changes


@dataclass(frozen=True)
class Card:
    """One page's picture: its file in the built site and what it shows."""

    path: str     # from the site root, e.g. "assets/share/en/faq.png"
    title: str


@dataclass
class CardReport:
    problems: list[Problem] = field(default_factory=list)
    drawn: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def card_for(lang: str, rel: str, title: str, description: str, site_name: str) -> Card:
    """The picture of the page ``rel`` read in ``lang``: its title, or its description when the title is
    only the site's name (the home page), so that each language's picture says something of its own."""
    return Card(card_path(lang, rel), description if title == site_name and description else title)


def card_path(lang: str, rel: str) -> str:
    """Where the picture of the page ``rel`` (``booklets/index.md``) read in ``lang`` is published."""
    return f"{FOLDER}/{lang}/{rel.removesuffix('.md')}.png"


def drawing_key(logo_svg: bytes) -> bytes:
    """A hash of what every picture is drawn with: logo, fonts, drawing code, Pillow."""
    code = [Path(module.__file__ or "").read_bytes() for module in (card, logo)]
    fonts = [path.read_bytes() for path in FONTS.values()]
    parts = [CACHE_FORMAT.encode(), version("pillow").encode(), repr(SIZE).encode(), *code, *fonts, logo_svg]
    return hashlib.sha256(b"".join(hashlib.sha256(part).digest() for part in parts)).digest()


def cache_key(drawing: bytes, title: str, site_name: str) -> str:
    """A hash of everything one picture is drawn from: ``drawing_key`` and its texts."""
    return hashlib.sha256(drawing + hashlib.sha256(title.encode()).digest() + site_name.encode()).hexdigest()


def publish_cards(cards: list[Card], site_name: str, logo_file: Path, site_dir: Path, cache_dir: Path,
                  shown: str = "") -> CardReport:
    """Draw (or take from ``cache_dir``) each picture into the built site ``site_dir``; ``shown``: the logo's
    path as editors see it (in messages)."""
    report = CardReport()
    if missing_fonts():
        report.problems.append(Problem(str(missing_fonts()[0]), None, "the font of the share pictures is missing",
                                       FONT_HINT))
        return report
    svg = logo_file.read_bytes()
    try:
        drawn_logo = draw_logo(read_logo(svg.decode("utf-8")), LOGO_SIZE)
    except (ValueError, SyntaxError) as error:  # ElementTree.ParseError is a SyntaxError
        report.problems.append(Problem(shown or str(logo_file), None,
                                       f"the logo cannot be drawn in the share pictures: {error}",
                                       "keep the logo to <path> elements (commands M, L, H, V, A, Z) with fill "
                                       "and stroke colours, or ask a developer"))
        return report
    drawing = drawing_key(svg)
    for item in cards:
        key = cache_key(drawing, item.title, site_name)
        cached = cache_dir / item.path.removeprefix(FOLDER + "/")
        stored = cached.parent / f"{cached.stem}.{key[:32]}.png"
        data = read_checked(stored)
        if data is not None:
            report.reused.append(item.path)
        else:  # not drawn yet, or the kept file is damaged
            data = draw_card(item.title, site_name, drawn_logo)
            stored.parent.mkdir(parents=True, exist_ok=True)
            for old in stored.parent.glob(f"{cached.stem}.*.png*"):
                old.unlink(missing_ok=True)
            write_checked(stored, data)
            report.drawn.append(item.path)
        target = site_dir / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return report
