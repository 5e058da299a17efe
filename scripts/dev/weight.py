"""The weight of each page, in Chromium: requests and bytes over the network.

The built site is served on 127.0.0.1 as its host serves it (gzip, revalidation: see ``host``). For each
page, in a new browser profile:

- first visit: what the page itself loads until the network is idle, with an empty cache, as Chromium
  reports it (the search index and worker only come when the reader first searches);
- offline kit: what the service worker fetches besides (its own script, and what it keeps for offline
  reading: the main pages of the language), until the page says it is kept (``data-rc-kept``): what the
  host sent meanwhile, less the first visit;
- repeat visit: the same page opened again in a new tab: what the host still sends (the page's
  revalidation, and the browser's own check of the worker's script).

A printed figure, not a timed test.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Error, Page, Request

from ..built.html_model import read_built_site
from .browser import chromium
from .host import serve_like_host

# Bytes, headers included: the FAQ page's first visit stays at or under this (tests/built/test_browser.py). It
# holds the first-paint CSS inlined in every page (about 8 KB compressed: overrides/partials/critical.css) and
# the read-aloud script that every content page loads (features/read_aloud: 2,768 bytes with its headers), which
# took the FAQ's first visit from 97,199 to 99,967 bytes: the budget was 96 KB before it, 99 KB since.
BUDGET = 99 * 1024
KEPT = "html[data-rc-kept]"  # set by reader-tools.js once the service worker has kept the page
KEPT_TIMEOUT = 20_000        # ms
UPDATE_CHECK = 2_000         # ms: Chromium checks the worker's script about a second after a navigation


@dataclass(frozen=True)
class PageWeight:
    url: str
    requests: int           # first visit: the page's own requests
    bytes: int              # transferred: headers and (compressed) bodies
    kit_requests: int = 0   # the service worker's: its script and what it keeps for offline reading
    kit_bytes: int = 0
    repeat_requests: int = 0  # the page opened again: what still goes over the network
    repeat_bytes: int = 0


def transferred(request: Request) -> int:
    """What a request of a first visit (empty cache) carried: headers and (compressed) body."""
    sizes, response = request.sizes(), request.response()
    # Chromium reports no body size for a worker's own script: take the (compressed) Content-Length
    length = int(response.headers.get("content-length", 0)) if response else 0
    return max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]


def _kept(page: Page) -> bool:
    """Whether the page's service worker has kept it (False for a page without one: 404, status page)."""
    if not page.evaluate("navigator.serviceWorker.getRegistration().then(Boolean)"):
        return False
    try:
        page.wait_for_selector(KEPT, state="attached", timeout=KEPT_TIMEOUT)
    except Error:
        return False
    return True


def measure(browser: Browser, base: str, url: str, traffic: list[tuple[str, int]] | None = None) -> PageWeight:
    """Load ``url`` (site-relative) from ``base`` in a new profile, then again in a new tab. ``traffic``:
    the host's log of what it sent (``serve_like_host``); without it, only the first visit is measured."""
    context = browser.new_context()
    try:
        finished: list[Request] = []
        page = context.new_page()
        page.on("requestfinished", lambda request: finished.append(request))
        start = len(traffic) if traffic is not None else 0
        page.goto(base + url.lstrip("/"), wait_until="networkidle")
        first = [transferred(request) for request in finished]
        weight = PageWeight(url, len(first), sum(first))
        if traffic is None:
            return weight
        _kept(page)
        sent = [size for _, size in traffic[start:]]  # the page's requests and the worker's
        kit = (len(sent) - weight.requests, sum(sent) - weight.bytes)
        start = len(traffic)
        again = context.new_page()
        again.goto(base + url.lstrip("/"), wait_until="networkidle")
        again.wait_for_timeout(UPDATE_CHECK)
        repeat = [size for _, size in traffic[start:]]
        return PageWeight(url, weight.requests, weight.bytes, *kit, len(repeat), sum(repeat))
    finally:
        context.close()


def measure_site(out: Path, urls: list[str] | None = None) -> list[PageWeight]:
    """The weight of every page of the built site ``out`` (or of ``urls`` only)."""
    urls = urls if urls is not None else sorted(read_built_site(out))
    traffic: list[tuple[str, int]] = []
    with serve_like_host(out, traffic) as base, chromium() as browser:
        return [measure(browser, base, url, traffic) for url in urls]


def format_table(weights: list[PageWeight]) -> str:
    """One line a page: requests and kilobytes of the first visit, of the offline kit, of a repeat visit."""
    width = max([len("page")] + [len(weight.url) for weight in weights])
    lines = [f"{'':<{width}}  {'first visit':>19}  {'offline kit (worker)':>20}  {'repeat visit':>19}",
             f"{'page':<{width}}  {'requests':>8} {'KB':>10}  {'requests':>9} {'KB':>10}  {'requests':>8} {'KB':>10}"]
    lines += [f"{w.url:<{width}}  {w.requests:>8} {w.bytes / 1024:>10.1f}  {w.kit_requests:>9} {w.kit_bytes / 1024:>10.1f}"
              f"  {w.repeat_requests:>8} {w.repeat_bytes / 1024:>10.1f}" for w in weights]
    return "\n".join(lines)
