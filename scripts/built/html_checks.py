"""Checks of the built site against the sources: every page built in its language, the language menu and
the header's language links, nothing loaded from another host."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..problems import Problem
from ..source.model import Site
from .html_model import HtmlPage, resolve
from .inline_code import InlineCode


def check_built(site: Site, pages: dict[str, HtmlPage]) -> list[Problem]:
    """Checks of the built site against the sources: pages, languages, switcher, other hosts,
    inline code."""
    return [*_pages_and_languages(site, pages), *_switcher(site, pages), *_other_hosts(site, pages),
            *_unexpected_inline_code(site, pages)]


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
    prefix = urlsplit(str(site.config.get("site_url") or "")).path.rstrip("/")  # e.g. /repo on GitHub Pages

    def target(page_url: str, href: str | None) -> str | None:
        """The site-relative page a link of the language menu leads to (the site's path prefix removed)."""
        found = resolve(prefix + page_url, href) if href is not None else None
        return found[len(prefix):] if found is not None and prefix and found.startswith(prefix + "/") else found

    for (lang, rel), source in site.pages.items():
        built = pages.get(site.page_url(lang, rel))
        if built is None:
            continue
        for other in site.languages:
            expected = site.page_url(other, rel)
            href = built.switcher.get(other)
            if target(built.url, href) != expected:
                yield Problem(source.display, None, f"the language menu leads to {href!r} for {other.upper()}, "
                              f"not to {expected}", "check the i18n settings and overrides/ templates")
            if other == lang:
                continue
            word_href, word_lang = built.language_links.get(other, (None, None))
            if target(built.url, word_href) != expected:
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


def _unexpected_inline_code(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    """Inline scripts and styles that no template is expected to write: the policy does not allow them."""
    sources = site.source_map()
    for built in pages.values():
        for kind, text in built.inline:
            if not InlineCode(kind, text, built.path).expected:
                source = sources.get(built.url)
                yield Problem(source.display if source else site.show(built.path), None,
                              f"the page holds an inline <{kind}> that the site's templates do not write "
                              f"({text.strip()[:60]!r}): browsers will block it",
                              "move it to a file in docs/assets/, or if a template writes it on purpose, "
                              "add its exact text to INLINE_TEXTS in scripts/built/verify/allowed.py")
