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


# Material's markup that the Nu Html Checker (vnu) finds invalid, each fixed by an exact replacement of what its
# templates write (base.html, partials/nav-item.html, partials/toc.html), on every page:
# - `autocomplete` is not allowed on its two checkboxes (drawer, search);
# - a section's menu label gets `tabindex=""` (an empty number);
# - the table of contents' title is a label `for="__toc"`, a checkbox that only pages in the menu have.
TOGGLES = ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__search" autocomplete="off">')
EMPTY_TABINDEX = '_label" tabindex="">'
TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def fix_invalid_markup(html: str) -> str:
    """The page without Material's invalid attributes (a page without them is returned unchanged)."""
    for toggle in TOGGLES:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    html = html.replace(EMPTY_TABINDEX, '_label">')
    if 'id="__toc"' not in html:
        html = html.replace(TOC_TITLE, '<label class="md-nav__title">')
    return html
