"""One published HTML page read with an HTML5 parser (selectolax's Lexbor, which builds the tree a browser
builds) and held against the allow-list: elements, attributes, addresses, scripts, inline code."""
from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..inline_code import expected_texts
from . import allowed
from .urls import normalised, refusal, srcset_addresses

BIDI = frozenset(chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
FIX_CODE = "remove it: pages hold text, links and pictures; scripts and styles are added by a maintainer"
FIX_LINK = "link to a page of the site, or to an http(s):, mailto: or tel: address"


@dataclass(frozen=True)
class Finding:
    """What is wrong in a page, with the texts to look for in the sources."""

    message: str
    hint: str
    needles: tuple[str, ...]  # texts to look for in the sources, the most precise first
    tag: str


def check_html(text: str, url: str, prefix: str = "") -> Iterator[Finding]:
    """Everything of the page at the site-relative ``url`` that the allow-list does not allow; ``prefix``:
    the site's path on its host (e.g. "/repo"), which root-relative addresses start with."""
    tree = LexborHTMLParser(text)
    if tree.root is None:
        return
    ids: set[str] = set()
    in_svg: set[int] = set()  # the nodes inside an <svg> (a parent comes before its children in the traversal)
    for node in tree.root.traverse(include_text=False):
        tag = node.tag or ""
        parent = node.parent
        if parent is not None and (parent.mem_id in in_svg or (parent.tag or "").lower() == "svg"):
            in_svg.add(node.mem_id)
        if tag.startswith(("-", "#", "!")):  # text, comments, doctype
            continue
        name = node.attributes.get("id")
        if name is not None and name in ids:  # e.g. a second "__config", read by Material's script
            yield Finding(f"the id '{name}' is used twice in the page: the site's scripts could read the wrong "
                          "element", "give the heading or element another id", (f'id="{name}"', f"#{name}"), tag)
        ids.add(name or "")
        yield from _element(node, tag.lower(), url, prefix, node.mem_id in in_svg)
        if tag.lower() == "template":  # its content is a separate fragment, which a script may put in the page
            inner = (node.html or "").split(">", 1)[-1].rsplit("</template>", 1)[0]
            yield from check_html(f"<body>{inner}</body>", url, prefix)
    body_text = tree.body.text(deep=True) if tree.body else ""
    head_title = tree.css_first("title")
    for char in sorted(BIDI & set(body_text + (head_title.text() if head_title else ""))):
        yield Finding(f"the text holds the invisible character U+{ord(char):04X}, which reverses the text around "
                      "it: a title or link could read differently from what it is", "delete it: retype the text",
                      (char,), "text")


def _element(node: LexborNode, tag: str, url: str, prefix: str, in_svg: bool) -> Iterator[Finding]:
    if tag == "style":
        if node.text(deep=True) not in expected_texts("style"):
            text = node.text(deep=True).strip()
            yield Finding(f"the page holds an inline <style> that no template of the site writes ({text[:50]!r})",
                          FIX_CODE, (text[:40], "<style"), tag)
        return
    if tag not in (allowed.SVG_ELEMENTS if in_svg else allowed.ELEMENTS) and not (tag == "svg"):
        yield Finding(f"the page holds a <{tag}> element, which the site does not publish", FIX_CODE, (f"<{tag}",), tag)
        return
    names = allowed.ATTRIBUTES["*"] | allowed.ATTRIBUTES.get(tag, frozenset())
    if in_svg:
        names |= allowed.SVG_ATTRIBUTES
    values = {name.lower(): value or "" for name, value in node.attributes.items()}
    for name, value in values.items():
        if BIDI & set(value):
            yield Finding(f"the attribute {name}= holds an invisible character that reverses the text around it",
                          "delete it: retype the text", tuple(sorted(BIDI & set(value))), tag)
        if name.startswith("on"):
            yield Finding(f"the attribute {name}= would run a script", FIX_CODE, _needles(name, value), tag)
        elif name in allowed.URL_ATTRIBUTES:
            yield from _address(tag, name, value, values, names)
        elif name not in names and not name.startswith(allowed.PREFIXES):
            yield Finding(f"the attribute {name}= on <{tag}> is not one the site publishes", FIX_CODE,
                          _needles(name, value), tag)
    yield from _special(node, tag, values, url, prefix)


def _address(tag: str, name: str, value: str, values: dict[str, str], names: frozenset[str]) -> Iterator[Finding]:
    if name not in names:
        yield Finding(f"the attribute {name}= on <{tag}> is not one the site publishes", FIX_LINK,
                      _needles(name, value), tag)
        return
    loads = name in allowed.LOADING or (tag == "link" and values.get("rel", "").lower() in ("stylesheet", "icon"))
    for address in srcset_addresses(value) if name == "srcset" else [value]:
        why = refusal(address, loads=loads, image=tag == "img")
        if why:
            yield Finding(why, FIX_LINK, _needles(name, value, address), tag)


def _special(node: LexborNode, tag: str, values: dict[str, str], url: str, prefix: str) -> Iterator[Finding]:
    """What depends on the element: scripts, stylesheets, <link rel>, <meta>, inputs, inline code."""
    if tag == "script":
        yield from _script(node, values, url, prefix)
    elif tag == "link":
        rels = set(values.get("rel", "").lower().split())
        if not rels or rels - allowed.LINK_RELS:
            yield Finding(f"<link rel=\"{values.get('rel', '')}\"> makes browsers contact other addresses",
                          FIX_CODE, _needles("rel", values.get("rel", "")) + ("<link",), tag)
        elif "preload" in rels:
            known = {"style": allowed.STYLESHEETS, "script": allowed.SCRIPTS}.get(values.get("as", "").lower())
            if known is None or _site_path(values.get("href", ""), url, prefix) not in known:
                yield Finding("<link rel=\"preload\"> may only ask early for one of the site's stylesheets or scripts",
                              FIX_CODE, _needles("href", values.get("href", "")) + ("<link",), tag)
        elif "stylesheet" in rels and _site_path(values.get("href", ""), url, prefix) not in allowed.STYLESHEETS:
            yield Finding(f"the stylesheet '{values.get('href', '')}' is not one of the site's", FIX_CODE,
                          _needles("href", values.get("href", "")) + ("<link",), tag)
    elif tag == "meta":
        equiv, name = values.get("http-equiv", "").lower(), values.get("name", "").lower()
        if (equiv and equiv not in allowed.META_HTTP_EQUIV) or (name and name not in allowed.META_NAMES):
            yield Finding(f"<meta {'http-equiv' if equiv else 'name'}=\"{equiv or name}\"> is not one the site "
                          "publishes (a refresh would send every visitor elsewhere)", FIX_CODE,
                          (*_needles("http-equiv", equiv), *_needles("name", name), "<meta"), tag)
    elif tag == "input" and values.get("type", "text").lower() not in allowed.INPUT_TYPES:
        yield Finding(f"<input type=\"{values.get('type')}\"> is not one the site publishes", FIX_CODE,
                      (*_needles("type", values.get("type", "")), "<input"), tag)


def _script(node: LexborNode, values: dict[str, str], url: str, prefix: str) -> Iterator[Finding]:
    kind = values.get("type", "").strip().lower()
    if "src" in values:
        path = _site_path(values["src"], url, prefix)
        if kind or path not in allowed.SCRIPTS:
            yield Finding(f"the page loads the script '{values['src'][:60]}', which is not one of the site's scripts",
                          FIX_CODE, (*_needles("src", values["src"]), "<script"), "script")
    elif (kind, values.get("id", "")) in allowed.DATA_SCRIPTS:
        return
    elif kind or node.text(deep=True) not in expected_texts("script"):
        text = node.text(deep=True).strip()
        yield Finding(f"the page holds an inline <script> that no template of the site writes ({text[:50]!r})",
                      FIX_CODE, (text[:40], "<script"), "script")


def _site_path(value: str, url: str, prefix: str) -> str | None:
    """A same-site address of the page at ``url`` as a path from the site root; None for another host."""
    address = normalised(value)
    if urlsplit(address).scheme or address.startswith("//"):
        return None
    path = urlsplit(urljoin(prefix + url, address)).path
    path = posixpath.normpath(path) if path else "/"
    return path[len(prefix):] if prefix and path.startswith(prefix + "/") else path


def _needles(name: str, value: str, *more: str) -> tuple[str, ...]:
    """What to look for in the sources for an attribute: name and value together, then the value alone if it
    is long enough not to be found by chance, then the name."""
    found = [f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}"] if value else []
    found += [text for text in (value, *more) if len(text.strip()) >= 8]
    return (*found, f"{name}=")
