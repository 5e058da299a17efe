"""Offline reading in Chromium (Playwright's ``set_offline``), on a copy of the project built and served
like its host: the main pages after one visit, the offline note, the offline page in the reader's
language, downloaded PDFs, what a repeat visit costs, and a new build's text and cache."""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from scripts import pipeline
from scripts.dev.host import serve_like_host
from scripts.features.offline.model import offline_texts
from scripts.problems import format_text
from scripts.source.parse import load_site

from ..conftest import ROOT, copy_with_cache
from .test_browser import search

KEPT = "html[data-rc-kept]"
BRAND = "rgb(11, 79, 92)"  # site.css: the header's colour, only there when the styles are


class Hosted:
    """A copy of the project, built and served; ``traffic`` is what the host sent, file by file."""

    def __init__(self, project: Path) -> None:
        self.project, self.out = project, project / "site"
        self.traffic: list[tuple[str, int]] = []
        self.base = ""

    def build(self) -> None:
        result = pipeline.build(self.project, self.out, check_links=False)
        assert result.ok, format_text(result.problems)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[Hosted]:
    """The copy's build takes its PDFs and pictures from the cache of a copy already built."""
    site = Hosted(copy_with_cache(tmp_path_factory.mktemp("offline") / "project", warm_cache))
    site.build()
    with serve_like_host(site.out, site.traffic) as base:
        site.base = base
        yield site


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 375, "height": 800}, accept_downloads=True)
    yield context
    context.close()


TEXTS = {lang: offline_texts(load_site(ROOT), lang) for lang in ("fr", "en")}


def visit_and_keep(context: BrowserContext, address: str) -> Page:
    page = context.new_page()
    page.goto(address, wait_until="load")
    page.wait_for_selector(KEPT, state="attached", timeout=120_000)
    return page


def styled(page: Page) -> bool:
    return bool(page.evaluate(f"() => getComputedStyle(document.querySelector('.md-header')).backgroundColor "
                              f"=== '{BRAND}'"))


def test_after_visiting_the_home_the_main_pages_read_offline(hosted: Hosted, context: BrowserContext) -> None:
    page = visit_and_keep(context, hosted.base)
    page.goto(hosted.base + "programme/", wait_until="load")  # visited, so kept too
    context.set_offline(True)
    for path, title, text in (("faq/", "Questions fréquentes", "Pourquoi ce programme est-il important"),
                              ("eligibility/", "Qui peut participer", "Puis-je participer"),
                              ("take-part/", "Comment participer", ""), ("programme/", "Le programme", "")):
        response = page.goto(hosted.base + path, wait_until="load")
        assert response is not None and response.ok and response.from_service_worker
        assert page.locator("h1").first.inner_text().startswith(title)
        assert text in page.locator("article").inner_text()
        assert styled(page), path
        note = page.locator(".rc-offline-note")
        assert note.is_visible() and note.inner_text() == TEXTS["fr"]["note"]
    context.set_offline(False)
    page.goto(hosted.base + "faq/", wait_until="load")
    assert not page.locator(".rc-offline-note").is_visible()  # from the network: no note


@pytest.mark.parametrize(("home", "query", "answer"), [("", "salaire", "/faq/"), ("en/", "salary", "/en/faq/")])
def test_search_works_from_the_kept_files_offline_then_online(hosted: Hosted, context: BrowserContext, home: str,
                                                              query: str, answer: str) -> None:
    """The search engine (workers, lunr's language files) is kept with the index and the main pages. Kept without
    its "?material=…", the search worker is given back with the page's address: it can load Material's worker and
    search (online too, once the service worker answers from the device)."""
    page = visit_and_keep(context, hosted.base + home)
    context.set_offline(True)
    page.goto(hosted.base + home + "faq/", wait_until="load")
    assert answer in search(page, query)
    assert not page.locator(".rc-search-offline").is_visible()
    context.set_offline(False)
    page.goto(hosted.base + home + "faq/", wait_until="load")
    assert answer in search(page, query)
    worker = next(worker for worker in page.workers if "site-search.js" in worker.url)
    assert worker.evaluate("new URL(self.location.href).searchParams.get('material')"), worker.url


def test_search_says_it_needs_a_connection_when_its_files_are_not_kept(hosted: Hosted,
                                                                        context: BrowserContext) -> None:
    page = visit_and_keep(context, hosted.base + "en/")
    dropped = page.evaluate("async () => { let count = 0; for (const name of await caches.keys()) {"
                            " const cache = await caches.open(name); for (const request of await cache.keys())"
                            " if (request.url.includes('/workers/')) count += await cache.delete(request); }"
                            " return count; }")
    assert dropped >= 2  # the site's search worker and Material's
    context.set_offline(True)
    page.goto(hosted.base + "en/faq/", wait_until="load")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").fill("salary")
    page.locator("input.md-search__input").press("End")
    note = page.locator(".rc-search-offline")
    note.wait_for(state="visible", timeout=10_000)
    assert note.inner_text() == TEXTS["en"]["search"]


class CachingHost(SimpleHTTPRequestHandler):
    """A host that lets browsers keep files for 10 minutes without asking (as many do)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_offline_note_shows_even_when_the_host_lets_browsers_keep_pages(hosted: Hosted,
                                                                           context: BrowserContext) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CachingHost, directory=str(hosted.out)))
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        page = visit_and_keep(context, base)
        page.goto(base + "faq/", wait_until="load")  # now in the browser's HTTP cache too, fresh
        context.set_offline(True)
        page.goto(base + "faq/", wait_until="load")
        assert page.locator(".rc-offline-note").is_visible()
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_never_visited_gives_the_offline_page_in_its_language(hosted: Hosted, context: BrowserContext) -> None:
    page = visit_and_keep(context, hosted.base)  # a French reader: the English pages are not kept
    page.goto(hosted.base + "privacy/", wait_until="load")
    context.set_offline(True)
    for lang, path in (("fr", "about/"), ("en", "en/about/"), ("en", "en/faq/")):
        page.goto(hosted.base + path, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == lang, path
        assert page.locator("h1").inner_text() == TEXTS[lang]["title"], path
        assert page.locator("main p").first.inner_text() == TEXTS[lang]["text"], path
        shown = page.eval_on_selector_all("[data-rc-saved] a", "links => links.filter(a => a.offsetParent)"
                                          ".map(a => new URL(a.href).pathname)")
        # The pages on the device: the main ones of the reader's language and the one they read, in
        # French (the English ones were never read), even on the English offline page.
        assert shown == ["/", "/faq/", "/eligibility/", "/take-part/", "/privacy/"], path
    for link in shown:
        page.goto(hosted.base + link.lstrip("/"), wait_until="load")
        assert page.locator("h1").first.inner_text() != TEXTS["fr"]["title"] and styled(page), link


def test_a_downloaded_pdf_opens_offline(hosted: Hosted, context: BrowserContext) -> None:
    page = visit_and_keep(context, hosted.base + "en/booklets/est-ensemble/")
    link = page.locator("a.md-button[download]")
    before = len(hosted.traffic)
    with page.expect_download() as download:
        link.click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "resilient-cities-est-ensemble-en.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert [path for path, _ in hosted.traffic[before:]].count("/en/booklets/resilient-cities-est-ensemble-en.pdf") == 1
    address = str(link.evaluate("a => a.href"))
    context.set_offline(True)
    kept = page.evaluate("async address => { const file = await (await fetch(address)).arrayBuffer();"
                         " return Array.from(new Uint8Array(file)); }", address)
    assert bytes(kept) == saved.read_bytes()
    with page.expect_download() as opened, page.expect_response(address) as response:  # opened from the page,
        page.evaluate("address => { location.href = address; }", address)            # offline: the file itself
    assert response.value.ok and response.value.from_service_worker
    assert response.value.headers["content-type"] == "application/pdf"
    assert opened.value.suggested_filename == "resilient-cities-est-ensemble-en.pdf"
    assert Path(opened.value.path()).read_bytes() == saved.read_bytes()


def test_a_repeat_visit_only_revalidates_the_page(hosted: Hosted, context: BrowserContext) -> None:
    visit_and_keep(context, hosted.base + "faq/")
    before = len(hosted.traffic)
    page = context.new_page()
    page.goto(hosted.base + "faq/", wait_until="networkidle")
    page.wait_for_timeout(2000)  # Chromium checks the worker's script a second after a navigation
    again = hosted.traffic[before:]
    assert "/faq/" in {path for path, _ in again} <= {"/faq/", "/sw.js"}, again  # the page, the worker's check
    assert all(size < 2000 for _, size in again), again  # 304 Not Modified: headers only
    context.set_offline(True)
    before = len(hosted.traffic)
    page.goto(hosted.base + "eligibility/", wait_until="networkidle")
    assert hosted.traffic[before:] == [] and styled(page)


def test_a_new_build_brings_its_text_and_drops_the_old_cache(hosted: Hosted, context: BrowserContext) -> None:
    page = visit_and_keep(context, hosted.base)
    first = page.evaluate("caches.keys()")
    assert len(first) == 1
    faq = hosted.project / "docs" / "fr" / "faq.md"
    old, new = "Voici des réponses courtes", "Voici des réponses très courtes"
    assert old in faq.read_text("utf-8")
    faq.write_text(faq.read_text("utf-8").replace(old, new), "utf-8")
    try:
        hosted.build()
        page.goto(hosted.base + "faq/", wait_until="load")
        assert new in page.locator("article").inner_text()  # from the network first
        page.wait_for_function("async old => { const names = await caches.keys();"
                               " return names.length === 1 && names[0] !== old; }", arg=first[0], timeout=120_000)
        page.wait_for_selector(KEPT, state="attached")
        context.set_offline(True)
        page.goto(hosted.base + "faq/", wait_until="load")
        assert new in page.locator("article").inner_text() and page.locator(".rc-offline-note").is_visible()
        page.goto(hosted.base + "eligibility/", wait_until="load")  # kept again by the new build's worker
        assert styled(page) and page.locator(".rc-offline-note").is_visible()
    finally:
        faq.write_text(faq.read_text("utf-8").replace(new, old), "utf-8")
        hosted.build()
