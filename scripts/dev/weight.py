"""The weight of each page on a first visit: bytes transferred and requests, as Chromium sees them.

The built site is served on 127.0.0.1 as its host serves it (gzip on: see ``host``); each page is
loaded with an empty cache until the network is idle, the search index and worker included.
A printed figure, not a timed test.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Request

from ..built.html_model import read_built_site
from .browser import chromium
from .host import serve_like_host

SEARCH_INDEX_FETCHED = "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('search_index.json'))"
# Bytes, headers included: the FAQ page's first visit stays at or under this (tests/built/test_browser.py).
BUDGET = 90 * 1024


@dataclass(frozen=True)
class PageWeight:
    url: str
    requests: int
    bytes: int      # transferred: headers and (compressed) bodies


def measure(browser: Browser, base: str, url: str) -> PageWeight:
    """Load ``url`` (site-relative) from ``base`` with an empty cache; count what went over the network."""
    context = browser.new_context()
    try:
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(base + url.lstrip("/"), wait_until="networkidle")
        if page.locator("#__config").count():
            # Material asks for the search index once its script has run, which a busy machine can delay
            # past the first quiet moment of the network: wait for it, then for quiet again.
            page.wait_for_function(SEARCH_INDEX_FETCHED)
            page.wait_for_load_state("networkidle")
        total = 0
        for request in finished:
            sizes, response = request.sizes(), request.response()
            # Chromium reports no body size for a worker's own script: take the (compressed) Content-Length
            length = int(response.headers.get("content-length", 0)) if response else 0
            total += max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]
        return PageWeight(url, len(finished), total)
    finally:
        context.close()


def measure_site(out: Path, urls: list[str] | None = None) -> list[PageWeight]:
    """The weight of every page of the built site ``out`` (or of ``urls`` only)."""
    urls = urls if urls is not None else sorted(read_built_site(out))
    with serve_like_host(out) as base, chromium() as browser:
        return [measure(browser, base, url) for url in urls]


def format_table(weights: list[PageWeight]) -> str:
    """One line a page: requests and kilobytes transferred."""
    width = max([len("page")] + [len(weight.url) for weight in weights])
    lines = [f"{'page':<{width}}  requests  transferred"]
    lines += [f"{w.url:<{width}}  {w.requests:>8}  {w.bytes / 1024:>8.1f} KB" for w in weights]
    return "\n".join(lines)
