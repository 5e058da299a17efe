"""The thin MkDocs glue: the only module that knows MkDocs' events, in the order MkDocs fires them.

Behaviour lives in the other modules; the sources and the translation status are read once per
language build (``on_config``) into one ``BuildState``. Under ``mkdocs serve`` (``on_startup``), each rebuild
also runs the source checks and shows them (``live_check``).
"""
from __future__ import annotations

import logging
import posixpath
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.features.booklets.index import fill_index, with_kind_label
from scripts.features.glossary.model import SCRIPT as GLOSSARY_SCRIPT
from scripts.features.glossary.model import Glossary, read_glossary
from scripts.features.glossary.render import mark_terms
from scripts.features.i18n_status.model import StatusReport, load_status
from scripts.features.i18n_status.pages import fill_status_page, notice_html, with_notice
from scripts.features.i18n_status.report import outdated_warnings
from scripts.features.not_found.texts import not_found_texts
from scripts.features.offline.model import offline_texts
from scripts.features.offline.page import with_note, write_offline_page
from scripts.features.page_foot.printing import keep_questions_together
from scripts.features.page_foot.render import foot_html, updated_on
from scripts.features.page_foot.texts import foot_texts
from scripts.features.programme.calendar import calendar_url, write_calendar
from scripts.features.programme.model import SCRIPT
from scripts.features.programme.render import markdown_html, render_markers
from scripts.features.question_list.render import with_question_list
from scripts.features.read_aloud.render import SCRIPT as READ_ALOUD_SCRIPT
from scripts.features.read_aloud.render import control_html, with_control
from scripts.features.read_aloud.texts import read_aloud_texts
from scripts.features.search_words.reader import read_keywords, read_section_keywords
from scripts.features.share_image.publish import Card, card_for, publish_cards
from scripts.features.shared_texts.model import read_texts
from scripts.features.shared_texts.render import fill_texts
from scripts.features.typography.spacing import typeset
from scripts.mkdocs_glue import headers, languages, material_fixes, search_index, seo, stylesheets
from scripts.mkdocs_glue.live_check import LiveCheck, banner_html, remember, terminal_text
from scripts.mkdocs_glue.templates import compiled_once
from scripts.source.config import messages
from scripts.source.locales import language_rules
from scripts.source.model import Site, relative_url
from scripts.source.parse import load_site
from scripts.source.pending import NOTICE, with_pending_sections
from scripts.source_checks import check_sources, source_warnings

log = logging.getLogger("mkdocs.hooks.site")  # a warning fails the strict build


@dataclass
class BuildState:
    """What the hooks read once per language build and share."""

    site: Site
    status: StatusReport
    default_language: str
    live: LiveCheck | None = None  # under mkdocs serve: the source checks of this rebuild
    glossaries: dict[str, Glossary | None] = field(default_factory=dict)  # by language (checked before the build)
    shared: dict[str, dict[str, str]] = field(default_factory=dict)  # shared texts by language (features/shared_texts)
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
    """Read the sources once, and the translation status (git history) for the notices and the status page.
    Under ``mkdocs serve``, check the sources once per rebuild (in its first language) and print the problems."""
    global _current
    start = time.perf_counter()
    config_file = Path(config.config_file_path)
    site = load_site(config_file.parent, config_file)
    i18n = config.plugins["i18n"]
    default = str(getattr(i18n, "default_language"))  # noqa: B009 - an untyped plugin
    live = None
    status = load_status(config_file.parent, site)
    if _serving and _current is not None and getattr(i18n, "building", False) and not languages.one_language():
        live = _current.live  # the other languages of the same rebuild
    elif _serving:  # the problems, and the pages the commits made outdated (warnings)
        warnings = (*outdated_warnings(status), *source_warnings(site))
        live = remember(LiveCheck((*check_sources(site), *warnings), time.perf_counter() - start))
        print(terminal_text(live), file=sys.stderr, flush=True)
    _current = BuildState(site, status, default, live, {lang: read_glossary(site, lang)[0] for lang in site.languages},
                          {lang: read_texts(site, lang)[0] for lang in site.languages})


def on_env(env: Environment, config: MkDocsConfig, **_: Any) -> Environment:
    """Templates may name the default language (overrides/sitemap.xml: hreflang x-default). The templates compiled
    once are kept (.cache/templates/, by name and text): each language and each rebuild of make serve reuse them."""
    env.globals["i18n_default_language"] = _state().default_language
    env.globals["not_found"] = not_found_texts(_state().site.config)  # overrides/404.html: every language's texts
    return compiled_once(env, _state().site.root)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """The booklets index gets its list of booklets (from their front matter) in place of its marker; each
    booklet page says what it is (booklet or summary) above its title; the other languages' sections that
    await their translation are added at their place, under a notice (source/pending.py)."""
    state, lang, src_uri = _state(), config.theme["language"], page.file.src_uri
    source = state.site.page(*_source(page))
    for other in (state.site.page(o, source.rel) for o in state.site.languages if source and o != source.lang):
        if source and other:
            markdown = with_pending_sections(markdown, source, other, str(messages(state.site.config, lang)[NOTICE]))
    return fill_index(with_kind_label(markdown, state.site, src_uri), state.site, lang, src_uri)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    """Programme markers filled from the front matter, the status page's marker from the status model, hard
    words explained (glossary); a page served from the other language (``translation: pending``) keeps its
    true ``lang`` and says so. Every page: questions kept whole on paper, a long page's list of questions, the
    offline note and the read-aloud control under the title, and the foot (date, address on paper, share button);
    the date is the sitemap's too (none without the git history)."""
    state, reader = _state(), config.theme["language"]
    texts = messages(state.site.config, reader)
    source = getattr(page.file, "locale", reader)  # set by mkdocs-static-i18n
    html = _programme_html(html, page, reader, texts, files)
    html = keep_questions_together(fill_texts(html, state.shared.get(source, {}),
                                              lambda text: markdown_html(text, _link_fixer(page, files))))
    html = fill_status_page(html, state.status, reader, "/" + page.url, texts)
    if state.live is not None:
        html = banner_html(state.live, state.site.show(Path(page.file.abs_src_path or ""))) + html
    glossary = state.glossaries.get(source)
    if glossary is not None:  # the first use of each hard word explained (features/glossary)
        html = mark_terms(html, glossary, relative_url("/" + GLOSSARY_SCRIPT, "/" + page.url))
    html = with_question_list(html, str(texts.get("question_list", "")))  # after the glossary: no term in it
    if source == reader:
        html = with_notice(html, notice_html(state.status, page.file.src_uri, reader, texts))
    else:
        html = (f'<div class="admonition note rc-pending" role="note"><p>{escape(texts.get("pending", ""))}</p></div>'
                f'<div lang="{escape(source)}">{html}</div>')
    day = updated_on(state.status, *_source(page))
    page.meta["updated_on"] = day.isoformat() if day else ""  # overrides/sitemap.xml (rendered before on_page_context)
    foot = foot_html(foot_texts(state.site.config, reader)[0], language_rules(state.site.config, reader), day,
                     page.canonical_url or config.site_url or "")
    html = with_note(html, offline_texts(state.site.config, reader)[0])
    if "noindex" not in str(page.meta.get("robots", "")):  # the editors' pages are not read aloud
        html = with_control(html, control_html(read_aloud_texts(state.site.config, reader)[0],
                                               language_rules(state.site.config, reader).tag,
                                               relative_url("/" + READ_ALOUD_SCRIPT, "/" + page.url)))
    return html + foot


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    """The page's <head> metadata for overrides/main.html (after mkdocs-static-i18n set its language menu),
    with its share picture (drawn in on_post_build); its search words into its entry of the search index
    (just written by the search plugin)."""
    _add_search_words(config, page)
    state, reader = _state(), config.theme["language"]
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    card = None
    if "noindex" not in str(page.meta.get("robots", "")):  # the editors' pages are not for sharing
        card = card_for(reader, _source(page)[1], title, description, config.site_name)
        state.cards.append(card)
    context["page_head"] = seo.page_head(
        site_url=config.site_url or "", lang=reader, default=state.default_language, title=title,
        description=description, canonical=page.canonical_url, menu=list(_language_menu(config)),
        locales={lang: language_rules(state.site.config, lang).locale for lang in state.site.languages},
        image=card.path if card else "", image_alt=card.title if card else "")
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Material's invalid markup fixed; the language's typography (French spacing); the page searches its own language's
    index, with our worker."""
    lang = config.theme["language"]
    output = material_fixes.fix_invalid_markup(output)
    output = typeset(output, language_rules(_state().site.config, lang))
    return search_index.point_page_at_language(output, lang, _state().default_language)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Write the language's programme calendar, share pictures and offline page into the built site (its
    service worker is a later build stage, once the booklet PDFs are made: features/offline/worker.py);
    give the language its own search index, fix Material's script and write the HTTP headers."""
    state, site_dir, lang = _state(), Path(config.site_dir), config.theme["language"]
    write_calendar(state.site, lang, site_dir, messages(state.site.config, lang), config.site_url or "")
    logo = Path(config.docs_dir) / config.theme["logo"]
    cards = publish_cards(state.cards, config.site_name, logo, site_dir, state.site.root / ".cache" / "share-images",
                          state.site.show(logo))
    for found in cards.problems:
        log.warning(str(found))
    write_offline_page(compiled_once(config.theme.get_env(), state.site.root), state.site, lang, site_dir,
                       root=urlsplit(config.site_url or "/").path, theme=dict(config.theme),
                       stylesheets=list(config.extra["stylesheets"]))
    _search_in_own_language(config, site_dir, lang)
    for problem in (material_fixes.fix_alternate_sitemaps(site_dir),
                    stylesheets.combine_stylesheets(site_dir, list(config.extra["stylesheets"]))):
        if problem:
            log.warning(problem)
    # Last, once every page is written (the languages are built in their order in mkdocs.yml): the policy
    # with the hash of every inline script. Not in the pages under mkdocs serve, whose live-reload script
    # is inline and would be blocked. A run of one language leaves it to the join (languages.py).
    if lang == state.site.languages[-1] and not languages.one_language():
        headers.publish_policy(site_dir, meta=not _serving)


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


def _programme_html(html: str, page: Page, reader: str, texts: dict[str, Any], files: Files) -> str:
    """The timeline, criteria and self-check in place of their markers (features/programme/render.py)."""
    source = _state().site.page(*_source(page))
    if source is None:
        return html

    here = "/" + page.url
    return render_markers(html, source, language_rules(_state().site.config, reader), texts, _link_fixer(page, files),
                          calendar_href=relative_url("/" + calendar_url(page.url), here),
                          script_href=relative_url("/" + SCRIPT, here))


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
