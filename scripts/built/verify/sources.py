"""Where a finding in a published file comes from: the Markdown file and line that hold its text (searched
for, entities decoded), or the template, mkdocs.yml or asset; never the build's temporary folder."""
from __future__ import annotations

from html import unescape
from pathlib import Path

from ...source.model import Site

TEMPLATES = "overrides"


def source_of(site: Site, rel: str, needles: tuple[str, ...]) -> tuple[str, int | None]:
    """The file (and line) an editor or maintainer opens for a finding in the published file ``rel`` (e.g.
    "en/faq/index.html"): the first of ``needles`` found in the page's Markdown, else in the templates or
    mkdocs.yml, else in another page (a precise needle only), else the page or the file itself."""
    from ..html_model import url_of

    page = site.source_map().get(url_of(rel))
    templates = [site.root / "mkdocs.yml", *sorted((site.root / TEMPLATES).rglob("*.html"))]
    places: list[tuple[str, list[str], tuple[str, ...]]] = []
    if page is not None:
        places.append((page.display, page.lines, needles))
    places += [(site.show(path), path.read_text("utf-8", "replace").splitlines(), needles) for path in templates
               if path.is_file()]
    places += [(other.display, other.lines, needles[:1]) for other in site.pages.values() if other is not page]
    asset = site.docs / rel
    if asset.is_file() and asset.suffix == ".svg":
        return site.show(asset), _first(asset.read_text("utf-8", "replace").splitlines(), needles)
    for needle in needles:  # the most precise text first, wherever it is
        for shown, lines, wanted in places:
            line = _line(lines, needle) if needle in wanted else None
            if line:
                return shown, line
    if page is not None:
        return page.display, None
    return f"{rel} (written by the build: scripts/ or overrides/)", None


def _line(lines: list[str], needle: str) -> int | None:
    """The first line holding ``needle`` as written, or once its entities are decoded."""
    needle = needle.strip()
    if not needle:
        return None
    for number, line in enumerate(lines, 1):
        if needle in line or needle in unescape(line):
            return number
    return None


def _first(lines: list[str], needles: tuple[str, ...]) -> int | None:
    return next((line for needle in needles if (line := _line(lines, needle))), None)


def published(out: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The published files of these kinds, in a stable order."""
    return sorted(path for path in out.rglob("*") if path.suffix.lower() in suffixes and path.is_file())
