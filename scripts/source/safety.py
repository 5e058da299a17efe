"""Content that cannot run code or load from elsewhere: checks of the Markdown (front matter included).

Editors may write raw HTML, but not what would run a script, embed another site or make visitors'
browsers fetch a file from another host. Links in the text to other sites stay allowed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from .model import Check, Page, Site
from .parse import FENCE, MD_LINK

INLINE_CODE = re.compile(r"`[^`]*`")
FORBIDDEN_TAG = re.compile(r"<\s*(script|style|iframe|object|embed|frame|frameset|applet|base|meta|link)\b", re.I)
TAG = re.compile(r"<[a-zA-Z][^>]*>")
EVENT_ATTRIBUTE = re.compile(r"\s(on[a-z]+)\s*=", re.I)
HTML_URL = re.compile(r"""\b(href|src|srcset|poster|data|action|formaction|xlink:href)\s*=\s*["']?\s*([^"'\s>]+)""", re.I)
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data"}  # what the browser fetches by itself
SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
WHY = {
    "script": "a script would run in every visitor's browser",
    "style": "styles belong in docs/assets/stylesheets/site.css",
}


def _code_free_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line number, text) of every line of the file, fenced code blocks and inline code left out."""
    in_fence = False
    for number, line in enumerate(page.lines, 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, INLINE_CODE.sub("", line)


def unsafe_html(site: Site) -> Iterator[Problem]:
    """No <script>, <style>, frames or embedded objects, and no on…= event attributes, in raw HTML."""
    for page in site.pages.values():
        for number, line in _code_free_lines(page):
            for match in FORBIDDEN_TAG.finditer(line):
                tag = match.group(1).lower()
                yield Problem(page.display, number, f"the page holds a <{tag}> element, which the site refuses: "
                              f"{WHY.get(tag, 'it would embed or load content from elsewhere')}",
                              "remove it; to show a video or a map, link to it instead")
            for tag in TAG.finditer(line):
                for attribute in EVENT_ATTRIBUTE.finditer(tag.group(0)):
                    yield Problem(page.display, number, f"the attribute {attribute.group(1)}= would run a script",
                                  "remove it: pages carry no scripts of their own")


def unsafe_links(site: Site) -> Iterator[Problem]:
    """No javascript: or data: links (data: images are fine), and nothing loaded from another host."""
    for page in site.pages.values():
        for number, line in _code_free_lines(page):
            targets = [(m.group(2), bool(m.group(1)), "image" if m.group(1) else "link") for m in MD_LINK.finditer(line)]
            for tag in TAG.finditer(line):
                name = tag.group(0)[1:].split(None, 1)[0].lower().rstrip("/>")
                for match in HTML_URL.finditer(tag.group(0)):
                    loads = match.group(1).lower() in LOADING_ATTRIBUTES
                    targets.append((match.group(2), loads and name in ("img", "picture", "source"),
                                    f"<{name} {match.group(1).lower()}>" if loads else "link"))
            for target, is_image, what in targets:
                scheme = SCRIPT_SCHEME.match(target)
                if scheme and not (is_image and scheme.group(1).lower() == "data"):
                    yield Problem(page.display, number, f"the {what} '{target[:40]}' is a {scheme.group(1).lower()}: "
                                  "address, which the site refuses", "link to a page or a file instead")
                elif OTHER_HOST.match(target) and what != "link":
                    yield Problem(page.display, number, f"the {what} '{target[:60]}' is loaded from another host",
                                  "save the file in docs/assets/ and use it from there "
                                  "(visitors' privacy: no request to other hosts)")


CHECKS: list[Check] = [unsafe_html, unsafe_links]
