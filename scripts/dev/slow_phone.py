"""The site on a slow phone: first paint, "usable" and bytes of the main pages, in both languages (make slow-phone).

The built site is served as its host serves it (gzip: ``host``), and Chromium is slowed down by its own
network emulation to the phone of the usability test: 400 ms latency, 400 kbit/s each way; a 375 x 812
touch screen, an empty cache and no service worker (a first visit). For each page:

- FCP: first contentful paint, from the start of the navigation;
- usable: every script of the page has run (the ``load`` event), the moment the menu, the glossary words,
  the share button and search answer a tap;
- bytes: what went over the network (compressed bodies and headers) until ``load``.

And the self-check reached as a reader reaches it: a tap on its card on the home page, then the time from
the tap until the form answers a tap on a participant (that participant's questions shown, whoever shows
them: site.css or the script), and until its script has run (``data-rc-ready``). A printed figure, not a timed test.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .browser import chromium
from .host import serve_like_host

LATENCY_MS = 400
BYTES_PER_SECOND = 400_000 // 8
PAGES = ["/", "/faq/", "/eligibility/", "/en/", "/en/faq/", "/en/eligibility/"]
SELF_CHECK_CARDS = {"/": "eligibility/", "/en/": "eligibility/"}  # the home card's link, per home page
GOAL_FCP, GOAL_SELF_CHECK = 1.2, 2.5  # seconds
# Bytes of the navigation and of every resource, as the page's Resource Timing reports them.
BYTES = ("performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
         ".reduce((sum, entry) => sum + entry.transferSize, 0)")
NOW = "performance.timeOrigin + performance.now()"
NEVER_MS = 15_000  # a form that has not answered a tap after this long never will
FCP = "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime / 1000"


@dataclass(frozen=True)
class Timing:
    url: str
    fcp: float     # seconds
    usable: float  # seconds
    bytes: int


@dataclass(frozen=True)
class SelfCheckTiming:
    home: str
    answers: float | None  # seconds from the tap on the card to the form answering (None: it never did)
    ready: float           # seconds from the tap to its script having run (it gives the reasons)


def slow_context(browser: Browser) -> tuple[BrowserContext, Page]:
    """A phone with an empty cache (a new profile) and no service worker, on the slow network."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, service_workers="block")
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": BYTES_PER_SECOND, "uploadThroughput": BYTES_PER_SECOND})
    return context, page


def measure_page(browser: Browser, base: str, url: str) -> Timing:
    context, page = slow_context(browser)
    try:
        page.goto(base + url.lstrip("/"), wait_until="load", timeout=60_000)
        usable = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd / 1000")
        return Timing(url, page.evaluate(FCP), usable, page.evaluate(BYTES))
    finally:
        context.close()


def measure_self_check(browser: Browser, base: str, home: str) -> SelfCheckTiming:
    """From a home page already loaded, a tap on the self-check's card (the cache is on: what the home page
    loaded is revalidated, as the host asks), then the first participant tapped as soon as it shows."""
    context, page = slow_context(browser)
    try:
        page.goto(base + home.lstrip("/"), wait_until="load", timeout=60_000)
        start = page.evaluate(NOW)
        page.tap(f".rc-tasks a[href='{SELF_CHECK_CARDS[home]}']", no_wait_after=True)
        page.locator("label[for='rc-participant-newcomer']").tap(timeout=60_000)
        try:
            page.locator("#rc-city-in-city").wait_for(state="visible", timeout=NEVER_MS)
            answers: float | None = (page.evaluate(NOW) - start) / 1000
        except PlaywrightTimeoutError:  # the questions never came (the early tap of the December 2026 report)
            answers = None
        page.locator(".rc-selfcheck[data-rc-ready]").wait_for(state="attached", timeout=60_000)
        return SelfCheckTiming(home, answers, (page.evaluate(NOW) - start) / 1000)
    finally:
        context.close()


def measure_site(out: Path, urls: list[str] | None = None) -> tuple[list[Timing], list[SelfCheckTiming]]:
    with serve_like_host(out) as base, chromium() as browser:
        pages = [measure_page(browser, base, url) for url in urls or PAGES]
        return pages, [measure_self_check(browser, base, home) for home in SELF_CHECK_CARDS]


def format_table(pages: list[Timing], checks: list[SelfCheckTiming]) -> str:
    width = max(len(timing.url) for timing in pages)
    lines = [f"Slow phone: {LATENCY_MS} ms, {BYTES_PER_SECOND * 8 // 1000} kbit/s, gzip, first visit "
             f"(goals: first paint <= {GOAL_FCP} s; self-check <= {GOAL_SELF_CHECK} s after the tap)",
             f"{'page':<{width}}  {'first paint':>11}  {'usable':>7}  {'KB':>6}"]
    lines += [f"{t.url:<{width}}  {t.fcp:>9.2f} s  {t.usable:>5.2f} s  {t.bytes / 1024:>6.1f}" for t in pages]
    lines += [f"self-check from {c.home}: answers "
              f"{'never (tapped before its script ran)' if c.answers is None else f'{c.answers:.2f} s'} after the tap, "
              f"its script ready {c.ready:.2f} s after" for c in checks]
    return "\n".join(lines)
