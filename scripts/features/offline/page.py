"""The offline page of each language (template overrides/offline.html) and the offline note of each page."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from ...built.html_model import insert_after_title
from ...problems import Problem
from ...source.config import language_names
from ...source.model import Site
from ..feature import BuildView, PageView
from .model import MAIN_PAGES, PAGE_SCRIPT, offline_page_path, offline_texts

TEMPLATE = "offline.html"  # in the theme's custom_dir (overrides/)


@dataclass(frozen=True)
class Listed:
    """A page on the offline page, shown there once the reader has it on their device (reader-tools.js)."""

    path: str      # from the site root, e.g. "en/faq/"
    title: str
    lang: str
    language: str  # the language's name, e.g. "English" (said after pages of another language)


def with_note(html: str, texts: dict[str, str]) -> str:
    """The page's HTML with the offline note under its title, hidden unless the page is served from the
    device without a network (the service worker marks it: site.css shows the note)."""
    note = (f'<div class="admonition info rc-offline-note" role="note" hidden data-search-exclude data-web-only>'
            f'<p>{escape(texts["note"])}</p></div>')
    return insert_after_title(html, note) or note + html


def listed_pages(site: Site, lang: str) -> list[Listed]:
    """Every page, those of ``lang`` first, each language's main pages first (pages waiting for their
    translation left out): a reader offline at an address of another language still finds their own."""
    order = {rel: index for index, rel in enumerate(MAIN_PAGES)}
    languages = sorted(site.languages, key=lambda other: other != lang)
    names = language_names(site.config)
    found = [(languages.index(other), order.get(rel, len(order)), rel, other, page) for other in languages
             for rel in site.rels() if (page := site.page(other, rel))]
    return [Listed(site.page_url(other, rel).lstrip("/"), page.title or rel, other, names.get(other, other))
            for *_, rel, other, page in sorted(found, key=lambda item: item[:3])]


def write_offline_page(env: jinja2.Environment, site: Site, lang: str, site_dir: Path, *, root: str,
                       theme: dict[str, Any], stylesheets: list[str]) -> Path:
    """Write the offline page of ``lang`` into the built site; ``root`` is the site's path ("/" or "/repo/")."""
    texts = offline_texts(site, lang)
    html = env.get_template(TEMPLATE).render(
        lang=lang, texts=texts, site_name=site.config.get("site_name") or "", root=root,
        home=site.page_url(lang, "index.md").lstrip("/"), pages=listed_pages(site, lang),
        favicon=theme.get("favicon") or "", logo=theme.get("logo") or "", stylesheets=stylesheets, script=PAGE_SCRIPT)
    target = site_dir / offline_page_path(site, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target


def on_content(html: str, view: PageView) -> str:
    """The offline note under the page's title."""
    return with_note(html, offline_texts(view.site, view.reader))


def on_post_build(view: BuildView) -> list[Problem]:
    """The language's offline page (its service worker is a pipeline stage, once every file is written)."""
    write_offline_page(view.env, view.site, view.lang, view.out, root=urlsplit(view.site_url or "/").path,
                       theme=view.theme, stylesheets=view.stylesheets)
    return []
