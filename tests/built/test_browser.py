"""The built site in a real browser (Debian's Chromium), the way visitors use it, in both languages.

The site is served on 127.0.0.1 as its host serves it (scripts/dev/host.py): the headers of _headers
(Content-Security-Policy included), gzip, and 404.html for missing paths. One browser for the session;
every page is visited once at each width (the ``survey`` fixture) and several tests read that survey.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

from scripts.built.html_model import read_built_site
from scripts.dev import host as hosting
from scripts.dev import weight

PHONE, DESKTOP = 375, 1280
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
# Records what the Content-Security-Policy blocks, before any script of the page runs.
CSP_LISTENER = ("window.__csp = []; addEventListener('securitypolicyviolation', "
                "e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));")
# Names that are the same in every language (the site, the languages, the menu's Material name).
SAME_IN_EVERY_LANGUAGE = {"Resilient Cities", "Français", "English", "Navigation"}


@dataclass
class Visit:
    """What one page did in the browser at one width."""

    url: str
    width: int
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # console errors and warnings, page errors, HTTP >= 400
    csp: list[str] = field(default_factory=list)         # blocked by the Content-Security-Policy
    cookies: str = ""
    violations: list[str] = field(default_factory=list)  # axe-core, WCAG 2.0/2.1 A and AA


@pytest.fixture(scope="session")
def base(built_site: Path) -> Iterator[str]:
    with hosting.serve_like_host(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def urls(built_site: Path) -> list[str]:
    found = sorted(read_built_site(built_site))
    assert "/faq/" in found and "/en/faq/" in found and "/404.html" in found
    return found


@dataclass
class Survey:
    visits: dict[tuple[str, int], Visit]
    cookies: list[Any]  # in the browser's cookie jar after every visit


@pytest.fixture(scope="module")
def survey(browser: Browser, base: str, urls: list[str]) -> Survey:
    """Every page at phone and desktop width: requests, console, CSP, cookies, axe-core."""
    visits: dict[tuple[str, int], Visit] = {}
    cookies: list[Any] = []
    for width in (PHONE, DESKTOP):
        context = browser.new_context(viewport={"width": width, "height": 800})
        context.add_init_script(CSP_LISTENER)
        context.add_init_script(AXE_SCRIPT)  # in every page before its own scripts: compiled once, not per page
        page = context.new_page()
        for index, url in enumerate(urls):
            visits[(url, width)] = _visit(page, base, url, width, settle=index == 0)
        cookies += context.cookies()
        context.close()
    return Survey(visits, cookies)


def _visit(page: Page, base: str, url: str, width: int, settle: bool) -> Visit:
    """One page's visit; with ``settle``, every request is waited for: on the first page, the offline worker
    installs and fetches the main pages, at each width."""
    visit = Visit(url, width)

    def on_request(request: Request) -> None:
        visit.requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            visit.errors.append(f"console {message.type}: {message.text} ({message.location.get('url')})")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            visit.errors.append(f"HTTP {response.status} {response.url}")

    def on_error(error: Exception) -> None:
        visit.errors.append(f"page error: {error}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", on_error)
    try:
        page.goto(base + url.lstrip("/"), wait_until="networkidle" if settle else "load")
        visit.csp = page.evaluate("window.__csp")
        visit.cookies = page.evaluate("document.cookie")
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        visit.violations = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                            for v in results["violations"]]
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("console", on_console)
        page.remove_listener("response", on_response)
        page.remove_listener("pageerror", on_error)
    return visit


def open_page(browser: Browser, width: int = DESKTOP, **options: Any) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)
    return context, context.new_page()


# -- Accessibility, privacy, security ------------------------------------------------------------


def test_axe_finds_no_violation_on_any_page_at_phone_and_desktop_width(survey: Survey) -> None:
    found = {f"{url} at {width} px": visit.violations for (url, width), visit in survey.visits.items()
             if visit.violations}
    assert not found
    assert len(survey.visits) >= 2 * 20


def test_no_page_requests_another_host_or_sets_a_cookie(survey: Survey, base: str) -> None:
    origin = urlsplit(base).netloc
    foreign = {(url, request) for (url, _), visit in survey.visits.items() for request in visit.requests
               if urlsplit(request).scheme in ("http", "https", "ws", "wss") and urlsplit(request).netloc != origin}
    assert not foreign
    assert not survey.cookies
    assert not {url: visit.cookies for (url, _), visit in survey.visits.items() if visit.cookies}
    assert any("bundle." in request for visit in survey.visits.values() for request in visit.requests)


def test_pages_satisfy_their_content_security_policy(survey: Survey) -> None:
    visits = survey.visits.items()
    assert not {f"{url} at {width} px": visit.csp for (url, width), visit in visits if visit.csp}
    assert not {f"{url} at {width} px": visit.errors for (url, width), visit in visits if visit.errors}


def test_the_policy_is_enforced_by_the_test_server(browser: Browser, base: str) -> None:
    """The CSP test can fail: a script from elsewhere is refused and reported."""
    context, page = open_page(browser)
    context.add_init_script(CSP_LISTENER)
    response = page.goto(base + "faq/")
    assert response is not None and "script-src" in response.headers["content-security-policy"]
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = '1'; "
                  "document.body.append(s); }")
    assert any(entry.startswith("script-src") for entry in page.evaluate("window.__csp"))
    context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_skip_link_comes_first_and_every_focus_is_visible(browser: Browser, base: str, width: int) -> None:
    context, page = open_page(browser, width)
    page.goto(base + "faq/", wait_until="networkidle")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)  # Material fades the skip link in
    first = _focused(page)
    assert first["skip"] and first["text"] == "Aller au contenu", first
    for _ in range(12):
        focus = _focused(page)
        assert focus["visible"] and focus["outline"] >= 2, focus
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
    page.goto(base + "faq/", wait_until="networkidle")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)  # as above: the skip link has faded in
    assert _focused(page)["skip"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#questions-frequentes'")
    context.close()


def _focused(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate("""() => {
        const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
        const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
            && r.left < innerWidth && r.top < innerHeight;
        return {tag: e.tagName, text: e.textContent.trim(), skip: e.classList.contains('md-skip'),
                visible: inView && s.visibility === 'visible' && s.opacity !== '0',
                outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth)};
    }""")
    return result


def test_menu_button_opens_the_menu_from_the_keyboard_on_a_phone(browser: Browser, base: str) -> None:
    context, page = open_page(browser, PHONE)
    for key in (" ", "Enter"):
        page.goto(base + "en/faq/", wait_until="load")
        button = page.get_by_role("button", name="Navigation", exact=True)
        assert button.evaluate("e => e.tagName") == "BUTTON" and button.get_attribute("aria-expanded") == "false"
        assert page.locator(".md-header [role=button]").count() == 0  # no role where the element does not allow it
        assert not page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()
        button.focus()
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        assert button.get_attribute("aria-expanded") == "true", key
        page.locator(".md-sidebar--primary").get_by_role("link", name="How to take part").wait_for(state="visible")
    context.close()


def test_menu_opens_without_javascript_too(browser: Browser, base: str) -> None:
    context, page = open_page(browser, PHONE, java_script_enabled=False)
    page.goto(base + "faq/", wait_until="load")
    link = page.locator(".md-sidebar--primary").get_by_role("link", name="Comment participer")
    assert not link.is_visible()
    page.locator(".md-header label[for='__drawer']").click()
    link.wait_for(state="visible", timeout=5_000)
    assert link.is_visible()
    context.close()


@pytest.mark.parametrize("path", ["faq/", "eligibility/", "booklets/est-ensemble/"])
def test_every_control_is_named_in_the_page_language(browser: Browser, base: str, path: str) -> None:
    context, page = open_page(browser)
    names = {}
    for lang, prefix in (("fr", ""), ("en", "en/")):
        page.goto(base + prefix + path, wait_until="load")
        names[lang] = page.evaluate("""() => [...document.querySelectorAll('button, select, textarea, summary, '
            + 'input:not([type=hidden]):not(.md-toggle), [role=button], a[download], a.md-button')]
            .map(e => (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent)
                       || e.getAttribute('title') || e.textContent || '').trim().replace(/\\s+/g, ' '))""")
    assert len(names["fr"]) == len(names["en"]) > 3
    assert all(names["fr"]) and all(names["en"]), names
    untranslated = [fr for fr, en in zip(names["fr"], names["en"]) if fr == en and fr not in SAME_IN_EVERY_LANGUAGE]
    assert not untranslated
    context.close()


# -- Search --------------------------------------------------------------------------------------


def search(page: Page, query: str) -> list[str]:
    """The result links (site paths) for ``query`` typed in the search box."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    box.focus()  # the index is fetched now (search-on-demand.js); the worker answers Material's first, empty query
    page.wait_for_load_state("networkidle")  # before the reader's words, or that answer could come after them
    # Material writes the count ("3 documents trouvés", "Aucun document…", "No matching…") with the
    # results, and its placeholder when the box is empty: empty it first, so no old result is read.
    counted = "document.querySelector('.md-search-result__meta').textContent.match(/\\d|Aucun|No matching/)"
    for text, shown in (("", f"() => !{counted}"), (query, f"() => {counted}")):
        box.fill(text)
        box.press("End")  # Material reads the box on key-up
        page.wait_for_function(shown)
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    return [urlsplit(href).path for href in hrefs]


def test_search_finds_pages_in_the_readers_language_only(browser: Browser, base: str) -> None:
    context, page = open_page(browser)
    for path, is_english in (("faq/", False), ("en/faq/", True)):
        page.goto(base + path, wait_until="networkidle")
        found = search(page, "programme")
        assert len(found) >= 3, found
        assert all(p.startswith("/en/") == is_english for p in found), found
    context.close()


def test_search_ignores_accents_and_word_endings(browser: Browser, base: str) -> None:
    context, page = open_page(browser, PHONE)
    page.goto(base + "faq/", wait_until="networkidle")
    assert "/privacy/" in search(page, "hebergement")
    assert search(page, "Hébergement") == search(page, "hebergement")
    assert "/eligibility/" in search(page, "criteres")
    assert search(page, "ateliers") == search(page, "atelier") != []
    page.goto(base + "en/faq/", wait_until="networkidle")
    assert search(page, "cities") == search(page, "city") != []
    context.close()


def test_search_finds_pages_by_the_words_readers_type(browser: Browser, base: str) -> None:
    """Words the pages do not say, listed in their front matter (keywords:), in the reader's language only."""
    context, page = open_page(browser, PHONE)
    page.goto(base + "faq/", wait_until="networkidle")
    assert search(page, "eligibilite")[0] == "/eligibility/"
    assert search(page, "Éligibilité") == search(page, "eligibilite")
    assert search(page, "inscription")[0] == "/take-part/"
    assert {"/faq/", "/programme/"} & set(search(page, "salaire"))
    assert search(page, "salary") == []  # an English word: not in the French index
    page.goto(base + "en/faq/", wait_until="networkidle")
    assert "/en/programme/" in search(page, "certificate")
    assert search(page, "register")[0] == "/en/take-part/"
    assert search(page, "inscription") == []
    context.close()


def test_search_loads_its_index_and_engine_only_when_the_reader_searches(browser: Browser, base: str) -> None:
    context, page = open_page(browser)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(base + "faq/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [path for path in requested if "search_index.json" in path or "/workers/search." in path
                or "/lunr/" in path], "a visit that does not search must not download the search index"
    search(page, "programme")
    assert "/search/search_index.json" in requested
    assert [path for path in requested if "/workers/search." in path]
    assert "/assets/javascripts/lunr/min/lunr.fr.min.js" in requested
    context.close()


# -- Languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_language_switch_keeps_the_readers_place(browser: Browser, base: str, width: int) -> None:
    """The header's word ("English", "Français") at every width, and the icon menu where it is shown."""
    context, page = open_page(browser, width)
    page.goto(base + "faq/#compensation", wait_until="load")
    for lang, expected in (("en", "/en/faq/#compensation"), ("fr", "/faq/#compensation")):
        with page.expect_navigation():
            page.locator(f"a.rc-language[hreflang={lang}]").click()
        address = urlsplit(page.url)
        assert f"{address.path}#{address.fragment}" == expected
    if width == DESKTOP:
        page.locator(".md-select > button").click()
        with page.expect_navigation():
            page.locator("a.md-select__link[hreflang=en]").click()
        assert page.url.endswith("/en/faq/#compensation")
    context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_header_shows_the_other_language_as_a_word_big_enough_to_tap(browser: Browser, base: str, width: int) -> None:
    context, page = open_page(browser, width)
    for path, word, lang in (("programme/", "English", "en"), ("en/programme/", "Français", "fr")):
        page.goto(base + path, wait_until="load")
        link = page.locator(".md-header a.rc-language")
        assert link.is_visible() and link.inner_text() == word
        assert link.get_attribute("lang") == link.get_attribute("hreflang") == lang
        box = link.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44, box
        title = page.locator(".md-header__title").bounding_box()
        assert title is not None and title["width"] > 120  # the page's name keeps its room beside it
    context.close()


@pytest.mark.parametrize("script", [True, False])
def test_404_page_speaks_the_language_of_the_address(browser: Browser, base: str, script: bool) -> None:
    context, page = open_page(browser, java_script_enabled=script)
    for path, lang in (("nowhere/", "fr"), ("faq/old-question/", "fr"), ("en/nowhere/", "en"), ("en/faq/x", "en")):
        response = page.goto(base + path)
        assert response is not None and response.status == 404
        shown = page.eval_on_selector_all("main section", "els => els.filter(e => e.offsetParent).map(e => e.lang)")
        homes = page.eval_on_selector_all("main a", "els => els.map(e => e.getAttribute('href'))")
        assert set(homes) == {"/", "/en/"}
        if script:
            assert shown == [lang] and page.evaluate("document.documentElement.lang") == lang
        else:
            assert shown == ["fr", "en"]
    context.close()


# -- Weight --------------------------------------------------------------------------------------


def test_faq_first_visit_stays_within_the_budget_and_the_home_page_weighs_no_more(browser: Browser, base: str) -> None:
    faq, home, en_home = (weight.measure(browser, base, url) for url in ("/faq/", "/", "/en/"))
    print(weight.format_table([faq, home, en_home]))
    assert 5 < faq.requests and 20_000 < faq.bytes <= weight.BUDGET, faq
    assert home.bytes <= faq.bytes and en_home.bytes <= faq.bytes, (home, en_home, faq)
