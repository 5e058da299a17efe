"""Checks of the built site against the sources: every page built in its language, the language menu and
the header's language links, nothing loaded from another host."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..problems import Problem
from ..source.model import Site
from .html_model import HtmlPage, resolve


def check_built(site: Site, pages: dict[str, HtmlPage]) -> list[Problem]:
    """Checks of the built site against the sources: pages, languages, switcher, other hosts."""
    return [*_pages_and_languages(site, pages), *_switcher(site, pages), *_other_hosts(site, pages)]


def _pages_and_languages(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    for rel in site.rels():
        for lang in site.languages:
            url = site.page_url(lang, rel)
            source = site.page(lang, rel) or next(p for other in site.languages if (p := site.page(other, rel)))
            built = pages.get(url)
            if built is None:
                yield Problem(source.display, None, f"the page was not built at {url}",
                              "check that it is in the nav or the docs folder, and read the MkDocs messages")
            elif built.lang != lang:
                yield Problem(source.display, None,
                              f"the page at {url} says lang=\"{built.lang}\" instead of \"{lang}\"",
                              "check the i18n settings in mkdocs.yml")


def _switcher(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    """The language menu leads to the page in every language; the header's word for each other language
    leads to the counterpart page and is marked as written in that language."""
    for (lang, rel), source in site.pages.items():
        built = pages.get(site.page_url(lang, rel))
        if built is None:
            continue
        for other in site.languages:
            expected = site.page_url(other, rel)
            href = built.switcher.get(other)
            if href is None or resolve(built.url, href) != expected:
                yield Problem(source.display, None, f"the language menu leads to {href!r} for {other.upper()}, "
                              f"not to {expected}", "check the i18n settings and overrides/ templates")
            if other == lang:
                continue
            word_href, word_lang = built.language_links.get(other, (None, None))
            if word_href is None or resolve(built.url, word_href) != expected:
                yield Problem(source.display, None, f"the header's link to {other.upper()} leads to {word_href!r}, "
                              f"not to {expected}", "check overrides/partials/alternate.html and the i18n settings")
            elif word_lang != other:
                yield Problem(source.display, None, f"the header's link to {other.upper()} says lang=\"{word_lang}\"",
                              f"it must say lang=\"{other}\" (overrides/partials/alternate.html)")


def _other_hosts(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    for built in pages.values():
        for value in built.resources:
            host = urlsplit(value).netloc
            if host or value.startswith("//"):
                yield Problem(site.show(built.path), None, f"the page loads {value} from another host",
                              "ship the file in docs/assets/ instead (visitors' privacy, no third-party request)")
