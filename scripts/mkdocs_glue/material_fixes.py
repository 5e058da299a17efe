"""A fix to Material's shipped JavaScript, applied to the built site (upstream: squidfunk/mkdocs-material#8576).

Material fetches ``sitemap.xml`` next to the address of every ``<link rel="alternate">`` of a page,
expecting other-language *sites*. Our hreflang links name the same page in each language, so every
page would request ``/faq/sitemap.xml`` and ``/en/faq/sitemap.xml`` (both 404) from the host of
``site_url``. The selector is narrowed to alternates without ``hreflang`` (feeds and the like).
"""
from __future__ import annotations

from pathlib import Path

BUNDLE = "assets/javascripts/bundle.*.min.js"
SELECTOR = '"link[rel=alternate]"'
FIXED = '"link[rel=alternate]:not([hreflang])"'


def fix_alternate_sitemaps(site_dir: Path) -> str | None:
    """Apply the fix to Material's bundle in ``site_dir``; a message if it could not be applied."""
    bundles = sorted(site_dir.glob(BUNDLE))
    if not bundles:
        return f"Material's JavaScript ({BUNDLE}) is not in the built site"
    for bundle in bundles:
        code = bundle.read_text("utf-8")
        if SELECTOR in code:
            bundle.write_text(code.replace(SELECTOR, FIXED), encoding="utf-8")
        elif FIXED not in code:
            return (f"{bundle.name} no longer selects {SELECTOR}: check whether Material still fetches a "
                    "sitemap for every hreflang link, then update or remove scripts/mkdocs_glue/material_fixes.py")
    return None
