"""The built HTML read once into a model (no MkDocs involved): ids, links, resources, language menu."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .forked import split_map
from .inline_code import inline_blocks

# Elements that have no end tag (HTML's void elements): they open no level of the tree.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
LANGUAGE_LINK = "rc-language"  # the header's link to another language, named in it (overrides/partials/alternate.html)
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
    language_links: dict[str, tuple[str, str]] = field(default_factory=dict)  # the header's words: hreflang -> (href, lang)
    alternates: dict[str, str] = field(default_factory=dict)  # <link rel=alternate hreflang> in <head>
    inline: list[tuple[str, str]] = field(default_factory=list)  # (script or style, text) written in the page


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
        classes = values.get("class", "").split()
        if "hreflang" in values and "md-select__link" in classes:
            page.switcher[values["hreflang"]] = values["href"]
        if "hreflang" in values and LANGUAGE_LINK in classes:
            page.language_links[values["hreflang"]] = (values["href"], values.get("lang", ""))
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
    """Every HTML page under ``out``, by site-relative URL (a big site's in two processes)."""
    return {page.url: page for page in split_map(lambda paths: [_read(out, p) for p in paths],
                                                 sorted(out.rglob("*.html")))}


def _read(out: Path, path: Path) -> HtmlPage:
    page = HtmlPage(url=url_of(path.relative_to(out).as_posix()), path=path)
    text = path.read_text("utf-8", "replace")
    _collect(page, text)
    page.inline = list(inline_blocks(text))
    return page


def resolve(base_url: str, href: str) -> str:
    """A link of the page at ``base_url`` as a site-relative path (no query, no fragment)."""
    path = urlsplit(urljoin(base_url, href)).path
    normal = posixpath.normpath(path)
    return normal + "/" if path.endswith("/") and not normal.endswith("/") else normal


def insert_after_title(page_html: str, snippet: str) -> str | None:
    """The HTML with ``snippet`` right after its first ``<h1>`` (in the article, if any), or None without one."""
    start = page_html.find("<h1", max(page_html.find("<article"), 0))
    end = page_html.find("</h1>", start)
    if start < 0 or end < 0:
        return None
    end += len("</h1>")
    return page_html[:end] + snippet + page_html[end:]


def line_starts(text: str) -> list[int]:
    """The offset in ``text`` where each line starts, as html.parser's ``getpos`` counts lines: at "\n" only (not
    at U+2028 or a lone "\r", where ``str.splitlines`` would cut). ``starts[line - 1] + column`` is an offset."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts
