"""A fast check of every internal link and anchor of the built site, on the HTML model (html_model.py).

It reads each page once and needs no server: a link is broken when its target file does not
exist, or when its #anchor is not an id of the target page. Links to ``site_url`` count as
internal. linkchecker (linkchecker.py) stays available to cross-check it and for external links.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..problems import Problem
from ..source.model import Page
from .forked import split_map
from .html_model import HtmlPage, url_of

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def local_target(page_url: str, href: str, site_url: str) -> tuple[str, str] | None:
    """(site-relative path, anchor) of a link when it stays on the site, else None."""
    if not href or href.startswith(SKIPPED_SCHEMES):
        return None
    if site_url and href.startswith(site_url):
        href = (urlsplit(site_url).path or "/") + href[len(site_url):]
    address, _, fragment = href.partition("#")
    address = address.partition("?")[0]
    if ":" in address.partition("/")[0] or address.startswith("//"):  # a scheme or a host: let urllib say
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        absolute = urlsplit(urljoin(page_url, href))
        return unquote(absolute.path), unquote(absolute.fragment)
    return unquote(_joined(page_url, address)), unquote(fragment)


def _joined(base: str, path: str) -> str:
    """``urljoin(base, path)`` for a path with no scheme, host, query or fragment (most links of a page), by the same
    steps as urllib (RFC 3986's dot segments), without its cost on a menu of hundreds of links per page."""
    base = base.partition("?")[0].partition("#")[0]
    if not path:
        return base
    if path.startswith("/"):
        return path
    segments = base.split("/")[:-1] + path.split("/")
    segments[1:-1] = [segment for segment in segments[1:-1] if segment]
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return "/".join(resolved) or "/"


def check_links(pages: dict[str, HtmlPage], out: Path, site_url: str, source_of: dict[str, Page]) -> list[Problem]:
    """Every broken internal link, image, stylesheet, script or anchor in the built site."""
    prefix = urlsplit(site_url).path if site_url else "/"
    return split_map(lambda part: list(_broken(pages, part, out, site_url, prefix, source_of)), list(pages.values()))


def _broken(pages: dict[str, HtmlPage], checking: list[HtmlPage], out: Path, site_url: str, prefix: str,
            source_of: dict[str, Page]) -> Iterator[Problem]:
    # Pages of one folder share most links (the menu): each (folder, link) is resolved and checked once.
    reasons: dict[tuple[str, str], str | None] = {}
    checked: dict[tuple[str, str], str | None] = {}
    for page in checking:
        base = prefix.rstrip("/") + page.url
        folder = base[: base.rfind("/") + 1]
        for href in [*page.anchors, *page.resources, *page.alternates.values()]:
            key = (base if href[:1] in ("", "#", "?") else folder, href)  # "#x" is relative to the page itself
            if key not in reasons:
                reasons[key] = _reason(pages, out, site_url, prefix, base, href, checked)
            reason = reasons[key]
            if reason:
                source = source_of.get(page.url)
                yield Problem(source.display if source else f"site{page.url}",
                              source.line_of(href) if source else None,
                              f"the link '{href}' on {page.url} is broken: {reason}",
                              "fix the link or the anchor it points to (links in templates and raw HTML included)")


def _reason(pages: dict[str, HtmlPage], out: Path, site_url: str, prefix: str, base: str, href: str,
            checked: dict[tuple[str, str], str | None]) -> str | None:
    """Why ``href`` on the page at ``base`` is broken, or None (also None for links to other sites)."""
    target = local_target(base, href, site_url)
    if target is None:
        return None
    path, anchor = target
    if not path.startswith(prefix):
        return "it leads outside the site"
    key = ("/" + path[len(prefix):], anchor)
    if key not in checked:
        checked[key] = _why_broken(pages, out, *key)
    return checked[key]


def _why_broken(pages: dict[str, HtmlPage], out: Path, path: str, anchor: str) -> str | None:
    """Why the site path (with its anchor) does not resolve, or None when it does."""
    file = out / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return "no such page or file"
    page = pages.get(url_of(file.relative_to(out).as_posix()))
    if anchor and page is not None and anchor not in page.ids:
        return f"the page has no anchor #{anchor}"
    return None
