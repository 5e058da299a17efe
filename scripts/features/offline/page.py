"""The offline page of each language (template overrides/offline.html) and the offline note of each page."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import jinja2

from ...built.html_model import insert_after_title
from ...source.model import Site
from .model import MAIN_PAGES, PAGE_SCRIPT, offline_page_path, offline_texts

TEMPLATE = "offline.html"  # in the theme's custom_dir (overrides/)


@dataclass(frozen=True)
class Listed:
    """A page of the language on the offline page: the main ones always, the others once kept."""

    path: str      # from the site root, e.g. "en/faq/"
    title: str
    main: bool


def with_note(html: str, texts: dict[str, str]) -> str:
    """The page's HTML with the offline note under its title, hidden unless the page is served from the
    device without a network (the service worker marks it: site.css shows the note)."""
    note = (f'<div class="admonition info rc-offline-note" role="note" hidden data-search-exclude>'
            f'<p>{escape(texts["note"])}</p></div>')
    return insert_after_title(html, note) or note + html


def listed_pages(site: Site, lang: str) -> list[Listed]:
    """Every page of ``lang`` (pages waiting for their translation left out), the main ones first."""
    order = {rel: index for index, rel in enumerate(MAIN_PAGES)}
    found = sorted((order.get(rel, len(order)), rel, page) for rel in site.rels() if (page := site.page(lang, rel)))
    return [Listed(site.page_url(lang, rel).lstrip("/"), page.title or rel, rel in order) for _, rel, page in found]


def write_offline_page(env: jinja2.Environment, site: Site, lang: str, site_dir: Path, *, root: str,
                       theme: dict[str, Any], stylesheets: list[str]) -> Path:
    """Write the offline page of ``lang`` into the built site; ``root`` is the site's path ("/" or "/repo/")."""
    texts, _ = offline_texts(site.config, lang)
    html = env.get_template(TEMPLATE).render(
        lang=lang, texts=texts, site_name=site.config.get("site_name") or "", root=root,
        home=site.page_url(lang, "index.md").lstrip("/"), pages=listed_pages(site, lang),
        favicon=theme.get("favicon") or "", logo=theme.get("logo") or "", stylesheets=stylesheets, script=PAGE_SCRIPT)
    target = site_dir / offline_page_path(site, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target
