"""The pages' one stylesheet: Material's, then the site's (mkdocs.yml extra.stylesheets), in one file.

overrides/main.html inlines the rules a page shows first (overrides/partials/critical.css) and links this file
at the end of the body. One file, so that the page goes from its first paint to its full style in one step:
with two, Material's rules would apply alone for a moment over the site's inlined ones (a layout shift).
"""
from __future__ import annotations

import re
from pathlib import Path

FOLDER = "assets/stylesheets"
MATERIAL = "main.*.min.css"
COMBINED = f"{FOLDER}/pages.css"
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def material_stylesheet(site_dir: Path) -> Path | None:
    """Material's stylesheet in the built site (its name holds its version)."""
    found = sorted((site_dir / FOLDER).glob(MATERIAL))
    return found[0] if found else None


def combine_stylesheets(site_dir: Path, stylesheets: list[str]) -> str | None:
    """Write ``pages.css`` into the built site; a message if Material's stylesheet is missing."""
    material = material_stylesheet(site_dir)
    if material is None:
        return f"{site_dir / FOLDER}: no {MATERIAL} (Material's stylesheet): the pages would have no style"
    parts = [SOURCE_MAP.sub("", material.read_text("utf-8"))]
    parts += [(site_dir / path).read_text("utf-8") for path in stylesheets]
    (site_dir / COMBINED).write_text("\n".join(parts), "utf-8")
    return None
