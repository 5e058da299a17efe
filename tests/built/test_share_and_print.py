"""The page foot in Chromium: the share button (Web Share API, or copy the link with a confirmation, from
the keyboard, in the reader's language), and a page printed to PDF (read back with pypdf): the content
only, link addresses, questions kept whole, the page's address and date at the end."""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from scripts.dev.host import serve_like_host
from scripts.features.page_foot.texts import foot_texts
from scripts.source.parse import load_site

from ..conftest import ROOT

TEXTS = {lang: foot_texts(load_site(ROOT), lang) for lang in ("fr", "en")}
PREFIX = {"fr": "", "en": "en/"}
# Records what navigator.share receives, in a browser that has the Web Share API.
FAKE_SHARE = "navigator.share = data => { window.__shared = data; return Promise.resolve(); };"


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serve_like_host(built_site) as url:
        yield url


def words(text: str) -> str:
    """Text without any space (PDF text extraction cuts lines its own way), ligatures ("ﬁ") as letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_web_share_the_button_copies_the_link_and_says_so(browser: Browser, base: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    address = base + PREFIX[lang] + "faq/#compensation"
    page.goto(address, wait_until="load")
    button = page.locator(".rc-share button")
    assert button.is_visible() and button.inner_text() == TEXTS[lang]["copy"]
    status = page.locator(".rc-share [role=status]")
    assert status.inner_text() == ""
    for _ in range(200):  # reached with the Tab key, after the page's other links and buttons
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.rc-share button')"):
            break
    else:
        pytest.fail("the share button is never reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.rc-share [role=status]').textContent !== ''")
    assert status.is_visible() and status.inner_text() == TEXTS[lang]["copied"]
    assert page.evaluate("navigator.clipboard.readText()") == address
    context.close()


def test_with_web_share_the_button_shares_the_page(browser: Browser, base: str) -> None:
    context = browser.new_context()
    context.add_init_script(FAKE_SHARE)
    page = context.new_page()
    page.goto(base + "en/eligibility/", wait_until="load")
    button = page.locator(".rc-share button")
    assert button.inner_text() == TEXTS["en"]["share"]
    button.focus()
    page.keyboard.press(" ")
    shared = page.evaluate("window.__shared")
    assert shared == {"title": page.title(), "url": base + "en/eligibility/"}
    context.close()


def test_without_javascript_there_is_no_button(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "faq/")
    assert page.locator(".rc-share").count() == 1 and not page.locator(".rc-share").is_visible()
    context.close()


def printed(page: Page) -> list[str]:
    """The text of each printed sheet of the page (A4, as a reader's 'Save as PDF')."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printing_the_faq_gives_its_content_only(browser: Browser, base: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base + PREFIX[lang] + "faq/", wait_until="networkidle")
    questions = page.eval_on_selector_all(".rc-question", """sections => sections.map(s => [
        s.querySelector('h3').textContent, s.lastElementChild.textContent.trim().split(/\\s+/).slice(-4).join(' ')])""")
    menu = page.eval_on_selector_all(".md-nav--primary .md-nav__link", "links => links.map(a => a.textContent.trim())")
    placeholder = page.get_attribute("input.md-search__input", "placeholder")
    internal = page.eval_on_selector_all(".md-content article a[href^='../']", "links => links.map(a => a.href)")
    sheets = [words(text) for text in printed(page)]
    whole = "".join(sheets)
    assert len(questions) >= 15 and len(sheets) >= 3
    without_addresses = [re.sub(r"\(https?://[^)]*\)", "", sheet) for sheet in sheets]
    for title, end in questions:  # every question, on one sheet with the end of its answer
        assert any(words(title) in sheet and words(end) in sheet for sheet in without_addresses), title
    article = words(page.locator("article").inner_text())
    for label in {label for label in menu if label and words(label) not in article}:
        assert words(label) not in whole, label
    assert placeholder and words(placeholder) not in whole
    assert words(TEXTS[lang]["copy"]) not in whole and words(TEXTS[lang]["share"]) not in whole
    assert internal and all(words(f"({address})") in whole for address in internal)  # each link's address
    end = sheets[-1]
    assert words(f"{TEXTS[lang]['address']} http://127.0.0.1:8000/{PREFIX[lang]}faq/") in end  # SITE_URL
    dated = page.locator(".rc-updated")  # none without the git history (tests/features/test_page_dates.py)
    assert dated.count() == 0 or words(dated.inner_text()) in end
    context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_text_keeps_the_glossary_words_and_names_the_site_first(browser: Browser, base: str, lang: str) -> None:
    """The words explained by the glossary are buttons on screen; on paper the sentence keeps them. The site's
    name is on the first sheet; the list's "back to the text" links are not printed."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base + PREFIX[lang] + "faq/", wait_until="networkidle")
    terms = page.locator("article button.rc-term")
    assert terms.count() >= 3
    sentences = page.eval_on_selector_all("article button.rc-term", """buttons => buttons.map(button => {
        const sentence = button.closest('p, li').cloneNode(true);  // as seen: no hidden hint nor closed definition
        sentence.querySelectorAll('.rc-visually-hidden, [hidden]').forEach(hidden => hidden.remove());
        return sentence.textContent; })""")
    back = page.locator(".rc-glossary__back").first.inner_text()
    sheets = [words(text) for text in printed(page)]
    whole = "".join(sheets)
    for sentence in sentences:  # each sentence as the page shows it (link addresses aside)
        assert words(sentence) in re.sub(r"\(https?://[^)]*\)", "", whole), sentence
    assert sheets[0].startswith("ResilientCities") and words(back) not in whole
    context.close()
