"""The thin MkDocs glue: the only module that knows MkDocs' events. Behaviour lives in the other modules."""
from __future__ import annotations

import logging
import posixpath
import sys
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from jinja2 import Environment
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# MkDocs loads this file alone, not as part of the package: make the package importable (e.g. `mkdocs serve`).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import booklets, i18n_status, programme  # noqa: E402
from scripts import headers, material_fixes, search_index, seo  # noqa: E402
from scripts.sources import Site, load_site  # noqa: E402

# The sources and the translation status, read once per language build (see on_config).
_sources: dict[str, Site] = {}
_status: dict[str, i18n_status.StatusReport] = {}
log = logging.getLogger("mkdocs.hooks.site")  # a warning fails the strict build


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    """Programme markers filled from the front matter; a page served from the other language
    (``translation: pending``) keeps its true ``lang`` and says so."""
    html = _programme_html(html, page, config, files)
    reader = config.theme["language"]
    source = getattr(page.file, "locale", reader)  # set by mkdocs-static-i18n
    if source == reader:
        notice = i18n_status.notice_html(_status["report"], page.file.src_uri, reader, config.extra.get("messages", {}))
        return i18n_status.with_notice(html, notice)
    notice = config.extra.get("messages", {}).get("pending", "")
    return (f'<div class="admonition note rc-pending" role="note"><p>{escape(notice)}</p></div>'
            f'<div lang="{escape(source)}">{html}</div>')


def on_config(config: MkDocsConfig, **_: Any) -> None:
    """Read the sources once, and the translation status (git history) for the notices and the status page."""
    config_file = Path(config.config_file_path)
    _sources["site"] = load_site(config_file.parent, config_file)
    _status["report"] = i18n_status.load_status(config_file.parent, _sources["site"])


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Write the editors' translation-status page (i18n-status/index.html) and the language's
    programme calendar (programme.ics, en/programme.ics) into the built site; give the language its
    own search index, fix Material's script (material_fixes) and write the HTTP headers (_headers)."""
    i18n_status.write_status_page(_status["report"], Path(config.site_dir))
    programme.write_calendar(_sources["site"], config.theme["language"],
                             Path(config.site_dir), dict(config.extra), config.site_url or "")
    _search_in_own_language(config)
    problem = material_fixes.fix_alternate_sitemaps(Path(config.site_dir))
    if problem:
        log.warning(problem)
    # Last: hashes every inline script of the site (each language build ends here; the last sees all pages).
    headers.write_headers_file(Path(config.site_dir))


def on_env(env: Environment, config: MkDocsConfig, **_: Any) -> Environment:
    """Templates may name the default language (overrides/sitemap.xml: hreflang x-default)."""
    env.globals["i18n_default_language"] = _default_language(config)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    """The page's <head> metadata for overrides/main.html (after mkdocs-static-i18n set its language menu)."""
    context["page_head"] = seo.page_head(
        site_url=config.site_url or "", lang=config.theme["language"], default=_default_language(config),
        title=page.meta.get("title") or page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        canonical=page.canonical_url, menu=list(_language_menu(config)))
    return context


def _language_menu(config: MkDocsConfig) -> list[dict[str, str]]:
    """This page's language menu: mkdocs-static-i18n sets it as an attribute of config.extra (what
    templates read first); the dict item keeps the menu of the language homes."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """The page searches its own language's index, with our worker (scripts/search_index.py)."""
    return search_index.point_page_at_language(output, config.theme["language"], _default_language(config))


def _default_language(config: MkDocsConfig) -> str:
    return str(getattr(config.plugins["i18n"], "default_language"))


def _search_in_own_language(config: MkDocsConfig) -> None:
    """A non-default language's index goes to its own root (en/search/), and its entries are left out of
    the index that mkdocs-static-i18n merges at the site root, which so stays in the default language."""
    if search_index.move_language_index(Path(config.site_dir), config.theme["language"], _default_language(config)):
        search = config.plugins.get("material/search") or config.plugins["search"]
        getattr(search, "search_index").entries.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """The booklets index gets its list of booklets (from their front matter) in place of its marker."""
    return booklets.fill_index(markdown, _sources["site"], config.theme["language"], page.file.src_uri)


def _programme_html(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The timeline, criteria and self-check in place of their markers (see scripts/programme.py)."""
    def link(href: str) -> str:
        path, hash_, anchor = href.partition("#")
        if not path or "://" in path or path.startswith(("mailto:", "/")):
            return href
        src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
        target = files.get_file_from_path(src)
        return target.url_relative_to(page.file) + hash_ + anchor if target else href  # else: the link checker says

    return programme.render_markers(
        html, Path(page.file.abs_src_path or ""), config.theme["language"], dict(config.extra), link,
        calendar_href=get_relative_url(programme.calendar_url(page.url), page.url),
        script_href=get_relative_url(programme.SCRIPT, page.url))
