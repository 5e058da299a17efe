"""The thin MkDocs glue: the only module that knows MkDocs' events, in the order MkDocs fires them.

Behaviour lives in the features, whose page hooks run here in the order of features/registry.py. The model is the
one the pipeline loaded (mkdocs_glue/state.py): nothing is read again. Under ``mkdocs serve`` (``on_startup``) each
rebuild reads the sources, runs the source checks and shows them (``live_check``).
"""
from __future__ import annotations

import logging
import posixpath
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.features.feature import BuildView, PageView
from scripts.features.i18n_status.model import load_status
from scripts.features.i18n_status.report import outdated_warnings
from scripts.features.page_frame.texts import not_found_texts
from scripts.features.registry import FEATURES, check_sources, load, source_warnings
from scripts.features.search_words.reader import read_keywords, read_section_keywords
from scripts.features.share_image.publish import Card, card_for, publish_cards
from scripts.mkdocs_glue import languages, live_check, material_fixes, search_index, seo, state, stylesheets
from scripts.mkdocs_glue.live_check import LiveCheck, banner_html, terminal_text
from scripts.mkdocs_glue.templates import compiled_once
from scripts.source.config import messages
from scripts.source.locales import rules_of
from scripts.source.model import Site

log = logging.getLogger("mkdocs.hooks.site")  # a warning fails the strict build


@dataclass
class BuildState:
    """What the hooks share during one language build."""

    site: Site
    default_language: str
    live: LiveCheck | None = None  # under mkdocs serve: the source checks of this rebuild
    cards: list[Card] = field(default_factory=list)   # this language's share pictures, drawn after the pages


_current: BuildState | None = None  # the language build under way (set by on_config)
_serving = False                     # mkdocs serve, not a build (set by on_startup)


def _state() -> BuildState:
    assert _current is not None, "on_config has not run"
    return _current


def on_startup(command: str, **_: Any) -> None:
    """Remember whether this is ``mkdocs serve`` (the only command whose pages get the checks' banner)."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig, **_: Any) -> None:
    """The model the pipeline loaded (mkdocs_glue/state.py), or, under ``mkdocs serve``, the sources read again once
    per rebuild (its other languages take the first one's); then (under serve, in the rebuild's first language) the
    source checks start, in a process of their own, while the pages are built (their result: on_post_build)."""
    global _current
    config_file = Path(config.config_file_path)
    i18n = config.plugins["i18n"]
    default = str(getattr(i18n, "default_language"))  # noqa: B009 - an untyped plugin
    if _serving and _current is not None and getattr(i18n, "building", False) and not languages.one_language():
        _current = BuildState(_current.site, default, _current.live)  # the other languages of the same rebuild
        return
    site = state.model_for(config_file) or load(config_file.parent, config_file)
    live = None
    if _serving:  # the problems, and the pages the commits made outdated (warnings), while the pages are built
        live_check.start(lambda: (*check_sources(site), *outdated_warnings(load_status(site.root, site)),
                                  *source_warnings(site)))
        live = live_check.last() or LiveCheck((), 0.0)  # in each page's banner until the checks end (on_post_build)
    _current = BuildState(site, default, live)


def on_env(env: Environment, config: MkDocsConfig, **_: Any) -> Environment:
    """Templates may name the default language (overrides/sitemap.xml: hreflang x-default); the 404 page shows every
    language's words (not_found). The templates compiled once are kept (.cache/templates/, by name and text): each
    language and each rebuild of make serve reuse them."""
    env.globals["i18n_default_language"] = _state().default_language
    env.globals["not_found"] = not_found_texts(_state().site)
    return compiled_once(env, _state().site.root)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    """The features' changes to the Markdown (features/registry.py), in their order."""
    view = _view(page, config, files)
    for feature in FEATURES:
        if feature.markdown is not None:
            markdown = feature.markdown(markdown, view)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    """The features' changes to the page's HTML (features/registry.py), in their order; under ``mkdocs serve``, the
    checks' banner first."""
    view = _view(page, config, files)
    for feature in FEATURES:
        if feature.content is not None:
            html = feature.content(html, view)
    live = _state().live
    if live is not None:
        html = banner_html(live, _state().site.show(Path(page.file.abs_src_path or ""))) + html
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    """The page's <head> metadata for overrides/main.html (after mkdocs-static-i18n set its language menu),
    with its share picture (drawn in on_post_build); its search words into its entry of the search index
    (just written by the search plugin)."""
    _add_search_words(config, page)
    state_, reader = _state(), config.theme["language"]
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    card = None
    if "noindex" not in str(page.meta.get("robots", "")):  # the editors' pages are not for sharing
        card = card_for(reader, _source(page)[1], title, description, config.site_name)
        state_.cards.append(card)
    context["page_head"] = seo.page_head(
        site_url=config.site_url or "", lang=reader, default=state_.default_language, title=title,
        description=description, canonical=page.canonical_url, menu=list(_language_menu(config)),
        locales={lang: rules_of(state_.site, lang).locale for lang in state_.site.languages},
        image=card.path if card else "", image_alt=card.title if card else "")
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Material's invalid markup fixed; the features' changes to the whole page (features/registry.py); the page
    searches its own language's index, with our worker."""
    lang = config.theme["language"]
    output = material_fixes.fix_invalid_markup(output)
    view = _view(page, config, None)
    for feature in FEATURES:
        if feature.page is not None:
            output = feature.page(output, view)
    return search_index.point_page_at_language(output, lang, _state().default_language)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """The features' files of the language (features/registry.py: its calendar, its offline page; the service worker
    and the security policy are pipeline stages, once every page is written); the share pictures; the language's
    own search index; Material's script fixed."""
    state_, site_dir, lang = _state(), Path(config.site_dir), config.theme["language"]
    view = BuildView(state_.site, lang, site_dir, config.site_url or "", config.site_name,
                     compiled_once(config.theme.get_env(), state_.site.root), dict(config.theme),
                     list(config.extra["stylesheets"]), Path(config.docs_dir) / config.theme["logo"])
    problems = [problem for feature in FEATURES if feature.post_build for problem in feature.post_build(view)]
    problems += publish_cards(state_.cards, config.site_name, view.logo, site_dir,
                              state_.site.root / ".cache" / "share-images", state_.site.show(view.logo)).problems
    for found in problems:
        log.warning(str(found))
    _search_in_own_language(config, site_dir, lang)
    for problem in (material_fixes.fix_alternate_sitemaps(site_dir),
                    stylesheets.combine_stylesheets(site_dir, list(config.extra["stylesheets"]))):
        if problem:
            log.warning(problem)
    checked = live_check.finish()  # under mkdocs serve: the checks that ran while the pages were built
    if checked is not None:
        print(terminal_text(checked), file=sys.stderr, flush=True)
        live_check.refresh_banners(site_dir, checked)


def _view(page: Page, config: MkDocsConfig, files: Files | None) -> PageView:
    """The page as the features see it."""
    lang, rel = _source(page)
    reader = config.theme["language"]
    return PageView(_state().site, reader, lang, rel, "/" + page.url, page.meta,
                    page.canonical_url or config.site_url or "",
                    _link_fixer(page, files) if files is not None else (lambda href: href),
                    messages(_state().site.config, reader))


def _source(page: Page) -> tuple[str, str]:
    """The language folder and the path in it of the page's Markdown file: ("en", "faq.md")."""
    lang, _, rel = page.file.src_uri.partition("/")
    return lang, rel


def _language_menu(config: MkDocsConfig) -> list[dict[str, str]]:
    """This page's language menu: mkdocs-static-i18n sets it as an attribute of config.extra (what
    templates read first); the dict item keeps the menu of the language homes."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def _add_search_words(config: MkDocsConfig, page: Page) -> None:
    """Only a page written in the language being built gives its words (not one served from another)."""
    lang, rel = _source(page)
    source = _state().site.page(lang, rel)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if source is not None and search is not None and lang == config.theme["language"]:
        entries = getattr(search, "search_index").entries  # noqa: B009 - an untyped plugin
        search_index.add_search_words(entries, page.url, read_keywords(source)[0], read_section_keywords(source)[0])


def _search_in_own_language(config: MkDocsConfig, site_dir: Path, lang: str) -> None:
    """A non-default language's index goes to its own root (en/search/), and its entries are left out of
    the index that mkdocs-static-i18n merges at the site root, which so stays in the default language."""
    if search_index.move_language_index(site_dir, lang, _state().default_language):
        search = config.plugins.get("material/search") or config.plugins["search"]
        getattr(search, "search_index").entries.clear()  # noqa: B009 - an untyped plugin


def _link_fixer(page: Page, files: Files) -> Callable[[str], str]:
    """Links of texts written into the page (data, messages, shared texts) made links of the built page."""

    def link(href: str) -> str:
        path, hash_, anchor = href.partition("#")
        if not path or "://" in path or path.startswith(("mailto:", "/")):
            return href
        src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
        target = files.get_file_from_path(src)
        return target.url_relative_to(page.file) + hash_ + anchor if target else href  # else: the link checker says

    return link
