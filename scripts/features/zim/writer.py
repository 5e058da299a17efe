"""Writing the ZIM with libzim: one entry per file of the built site (pages as front articles, with their
title, in the full-text index), the home page as main entry, the metadata Kiwix shows, a 48 × 48 illustration."""
from __future__ import annotations

import io
import mimetypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from libzim.writer import Creator, Hint, IndexData, Item, StringProvider  # type: ignore[import-not-found, import-untyped, unused-ignore]

from ..share_image.logo import draw_logo, read_logo
from .strip import left_out, zim_page

MAIN = "index.html"


@dataclass(frozen=True)
class Metadata:
    name: str          # e.g. "resilient-cities_mul_all"
    title: str         # at most 30 characters
    description: str   # at most 80 characters
    languages: str     # ISO 639-3, e.g. "fra,eng"
    creator: str
    publisher: str
    date: str          # YYYY-MM-DD
    long_description: str = ""


class _Index(IndexData):  # type: ignore[misc]
    """What the full-text index knows of a page: its title, its article's text (not the menus, which every page
    repeats) and its search words (front matter ``keywords:`` and ``section_keywords:``, as in the site's own search)."""

    def __init__(self, title: str, content: str, keywords: tuple[str, ...]) -> None:
        super().__init__()
        self.title, self.content, self.keywords = title, content, keywords

    def has_indexdata(self) -> bool:
        return True

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.content

    def get_keywords(self) -> str:
        return " ".join(self.keywords)

    def get_wordcount(self) -> int:
        return len(self.content.split())

    def get_geoposition(self) -> None:
        return None


class _Entry(Item):  # type: ignore[misc]
    def __init__(self, path: str, title: str, mimetype: str, data: bytes, front: bool,
                 index: _Index | None = None) -> None:
        super().__init__()
        self.path, self.title, self.mimetype, self.data, self.front, self.index = path, title, mimetype, data, front, index

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.data)

    def get_indexdata(self) -> _Index | None:
        return self.index

    def get_hints(self) -> dict[Hint, bool]:
        compressed = not self.mimetype.startswith(("image/png", "application/pdf"))  # already compressed
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: compressed}


def entries(site_dir: Path, keywords: dict[str, tuple[str, ...]], root: str = "/") -> list[_Entry]:
    """Every file of the built site the ZIM holds, pages prepared for Kiwix; ``keywords``: each page's search
    words, by its path in the site ("en/faq/index.html"); ``root``: the site's path on its host ("/rc/")."""
    found = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if left_out(rel):
            continue
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind == "text/html":
            html = zim_page(path.read_text("utf-8"), rel, root)
            soup = BeautifulSoup(html, "html.parser")
            title = soup.title.get_text(strip=True) if soup.title else rel
            article = soup.find("article")
            index = _Index(title, article.get_text(" ") if article else "", keywords.get(rel, ()))
            found.append(_Entry(rel, title, kind, html.encode("utf-8"), True, index))
        else:
            found.append(_Entry(rel, "", kind, path.read_bytes(), False))
    return found


def illustration(logo_svg: str) -> bytes:
    """The 48 × 48 PNG Kiwix shows for the file: the site's logo on white."""
    from PIL import Image

    logo = draw_logo(read_logo(logo_svg), 40)
    image = Image.new("RGBA", (48, 48), (255, 255, 255, 255))
    image.alpha_composite(logo, (4, 4))
    data = io.BytesIO()
    image.convert("RGB").save(data, "PNG")
    return data.getvalue()


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its progress on the process's standard output, which --format json keeps for JSON only."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_zim(site_dir: Path, target: Path, metadata: Metadata, logo_svg: str,
              keywords: dict[str, tuple[str, ...]], root: str = "/") -> int:
    """Write the ZIM of ``site_dir`` (published at the path ``root``) to ``target``; the number of entries."""
    items = entries(site_dir, keywords, root)
    target.unlink(missing_ok=True)
    with _quiet_stdout(), Creator(str(target)).config_indexing(True, metadata.languages.split(",")[0]) as creator:
        creator.set_mainpath(MAIN)
        creator.add_illustration(48, illustration(logo_svg))
        for name, value in (("Name", metadata.name), ("Title", metadata.title), ("Description", metadata.description),
                            ("Language", metadata.languages), ("Creator", metadata.creator),
                            ("Publisher", metadata.publisher), ("Date", metadata.date),
                            ("LongDescription", metadata.long_description)):
            if value:
                creator.add_metadata(name, value)
        for item in items:
            creator.add_item(item)
    return len(items)
