"""The built HTML read once into a model (no MkDocs involved), and the checks over it."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .problems import Problem
from .sources import Site

# Attributes that make the browser fetch something (as opposed to a link a person follows).
RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
                  ("link", "href"), ("image", "href"), ("use", "href"), ("track", "src")}


@dataclass
class HtmlPage:
    """What the checks need from one built page."""

    url: str                     # site-relative URL, e.g. "/en/faq/"
    path: Path
    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    anchors: list[str] = field(default_factory=list)        # href of <a>
    resources: list[str] = field(default_factory=list)      # what the browser loads
    switcher: dict[str, str] = field(default_factory=dict)  # hreflang -> href in the language menu
    alternates: dict[str, str] = field(default_factory=dict)  # <link rel=alternate hreflang> in <head>


# The start tags with attributes, read with regular expressions: several times faster than
# html.parser on pages whose menu lists hundreds of links. Comments and the text of scripts and
# styles are dropped first, so that nothing inside them is taken for a tag.
NOT_MARKUP = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?</\2\s*>", re.S | re.I)
START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\s+([^>]*)>")
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def _collect(page: HtmlPage, text: str) -> None:
    """Fill ``page`` with the ids, links and resources of its HTML ``text``."""
    for match in START_TAG.finditer(NOT_MARKUP.sub(lambda m: m.group(1) or "", text)):
        values = {name.lower(): unescape(a or b or c or "")
                  for name, a, b, c in ATTRIBUTE.findall(match.group(2))}
        _record(page, match.group(1).lower(), values)


def _record(page: HtmlPage, tag: str, values: dict[str, str]) -> None:
    if tag == "html":
        page.lang = values.get("lang")
    if "id" in values:
        page.ids.add(values["id"])
    if tag == "a" and "name" in values:
        page.ids.add(values["name"])
    if tag == "a" and "href" in values:
        page.anchors.append(values["href"])
        if "hreflang" in values and "md-select__link" in values.get("class", ""):
            page.switcher[values["hreflang"]] = values["href"]
    if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
        page.alternates[values["hreflang"]] = values.get("href", "")
    for name, value in values.items():
        if (tag, name) not in RESOURCE_ATTRS or not value or (tag == "link" and _is_link_only(values)):
            continue
        if name == "srcset":
            page.resources.extend(part.split()[0] for part in value.split(",") if part.strip())
        else:
            page.resources.append(value)


def _is_link_only(values: dict[str, str]) -> bool:
    """<link> elements that name a page rather than load a file."""
    return set(values.get("rel", "").split()) & {"alternate", "canonical", "prev", "next"} != set()


def url_of(rel: str) -> str:
    """The site-relative URL of a built file, e.g. "en/faq/index.html" -> "/en/faq/"."""
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def read_built_site(out: Path) -> dict[str, HtmlPage]:
    """Every HTML page under ``out``, by site-relative URL."""
    pages: dict[str, HtmlPage] = {}
    for path in sorted(out.rglob("*.html")):
        page = HtmlPage(url=url_of(path.relative_to(out).as_posix()), path=path)
        _collect(page, path.read_text("utf-8", "replace"))
        pages[page.url] = page
    return pages


def page_url(site: Site, lang: str, rel: str) -> str:
    """The URL at which the source page ``rel`` of ``lang`` is published."""
    stem = rel[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    prefix = "/" if lang == site.default_language else f"/{lang}/"
    return prefix + stem


def resolve(base_url: str, href: str) -> str:
    """A link of the page at ``base_url`` as a site-relative path (no query, no fragment)."""
    path = urlsplit(urljoin(base_url, href)).path
    normal = posixpath.normpath(path)
    return normal + "/" if path.endswith("/") and not normal.endswith("/") else normal


def check_built(site: Site, out: Path, pages: dict[str, HtmlPage] | None = None) -> list[Problem]:
    """Checks of the built site against the sources: pages, languages, switcher, other hosts."""
    pages = pages if pages is not None else read_built_site(out)
    return [*_pages_and_languages(site, pages), *_switcher(site, pages), *_other_hosts(site, pages)]


def _pages_and_languages(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    for rel in site.rels():
        for lang in site.languages:
            url = page_url(site, lang, rel)
            source = site.page(lang, rel) or next(p for l in site.languages if (p := site.page(l, rel)))
            built = pages.get(url)
            if built is None:
                yield Problem(source.display, None, f"the page was not built at {url}",
                              "check that it is in the nav or the docs folder, and read the MkDocs messages")
            elif built.lang != lang:
                yield Problem(source.display, None, f"the page at {url} says lang=\"{built.lang}\" instead of \"{lang}\"",
                              "check the i18n settings in mkdocs.yml")


def _switcher(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    for (lang, rel), source in site.pages.items():
        built = pages.get(page_url(site, lang, rel))
        if built is None:
            continue
        for other in site.languages:
            expected = page_url(site, other, rel)
            href = built.switcher.get(other)
            if href is None or resolve(built.url, href) != expected:
                yield Problem(source.display, None, f"the language menu leads to {href!r} for {other.upper()}, "
                              f"not to {expected}", "check the i18n settings and overrides/ templates")


def _other_hosts(site: Site, pages: dict[str, HtmlPage]) -> Iterator[Problem]:
    for built in pages.values():
        for value in built.resources:
            host = urlsplit(value).netloc
            if host or value.startswith("//"):
                yield Problem(site.show(built.path), None, f"the page loads {value} from another host",
                              "ship the file in docs/assets/ instead (visitors' privacy, no third-party request)")
