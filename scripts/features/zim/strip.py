"""The ZIM copy of a built page: what Kiwix cannot use is removed, and links to folders name their
``index.html`` (a ZIM holds files: Kiwix resolves a relative link as a browser does, against the entry's path,
and ``faq/`` is no entry, ``faq/index.html`` is)."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

from bs4 import BeautifulSoup

# Removed from every page: offline reading and sharing (reader-tools.js registers the service worker), the
# read-aloud control (with its script), the page foot's share button, the ZIM's own download link.
REMOVED = ('script[src$="reader-tools.js"], .rc-listen, .rc-share, .rc-zim, .rc-offline-note')
LEFT_OUT = re.compile(r"^(sw\.js|_headers|404\.html|(?:[a-z]{2}/)?offline\.html|.*\.zim)$")  # not put in the ZIM


def left_out(rel: str) -> bool:
    """A file of the built site that the ZIM does not hold."""
    return LEFT_OUT.match(rel) is not None


def file_link(href: str, page: str = "index.html", root: str = "/") -> str:
    """A link as the ZIM needs it: relative ("/rc/en/" from the page ``page`` of a site at ``root`` -> "en/"), and
    a folder ("../faq/", "..", "./#x") named by its ``index.html``; links to other sites and files unchanged."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    path = parts.path
    if path.startswith(root):   # site-absolute (the language menu of the home pages)
        base = posixpath.dirname(page)
        path = posixpath.relpath("/" + path[len(root):], "/" + base) + ("/" if path.endswith("/") else "")
        path = "./" if path in ("./", "/") else path
    elif path.startswith("/"):
        return href
    if not (path.endswith("/") or path in (".", "..")):
        return urlunsplit(("", "", path, parts.query, parts.fragment)) if path != parts.path else href
    folder = path if path.endswith("/") else path + "/"
    return urlunsplit(("", "", folder + "index.html", parts.query, parts.fragment))


def zim_page(html: str, page: str = "index.html", root: str = "/") -> str:
    """The page ``page`` (its path in the site) as the ZIM holds it; ``root`` is the site's path ("/" or "/rc/")."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(REMOVED):
        node.decompose()
    for link in soup.find_all(["a", "link"], href=True):
        if not set(link.get("rel") or []) & {"alternate", "canonical"}:
            link["href"] = file_link(str(link["href"]), page, root)
    return str(soup)
