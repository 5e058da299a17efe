"""Read aloud in Chromium, with speechSynthesis replaced by a recorder (an init script): what is said, in which
language and order; pause and resume; previous and next; the speed; no voice for the page's language; no
speechSynthesis at all; keyboard, 44 px targets, axe; not on paper; on every page to read but the homes."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page

from scripts.dev.host import serve_like_host
from scripts.features.read_aloud.texts import read_aloud_texts
from scripts.source.config import messages, read_config
from scripts.source.parse import load_site

from ..conftest import ROOT

CONFIG = read_config(ROOT / "mkdocs.yml")
TEXTS = {lang: read_aloud_texts(load_site(ROOT), lang) for lang in ("fr", "en")}
GLOSSARY_HEADING = {lang: messages(CONFIG, lang)["glossary"]["heading"] for lang in ("fr", "en")}
SHARE = {lang: messages(CONFIG, lang)["page_foot"]["share"] for lang in ("fr", "en")}
PREFIX = {"fr": "", "en": "en/"}
VOICE = {"fr": "fr-FR", "en": "en-GB"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
# The recorder: voices of the given languages; speak() records the utterance and keeps it as the current one;
# window.__finish() ends it (the page then goes on); cancel() interrupts it, a moment later, as browsers do.
RECORDER = """
(voices => {
  const said = [];
  let current = null;
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ""; this.rate = 1; this.voice = null; }
  }
  const synth = new EventTarget();
  synth.getVoices = () => voices.map(lang => ({lang, name: lang, voiceURI: lang, default: false, localService: true}));
  synth.speak = u => {
    said.push({lang: u.lang, text: u.text, rate: u.rate, voice: u.voice && u.voice.lang});
    current = u;
  };
  synth.cancel = () => {
    const u = current;
    current = null;
    if (u && u.onerror) setTimeout(() => u.onerror(new Event("error")));
  };
  synth.pause = () => {};
  synth.resume = () => {};
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
  window.__said = said;
  window.__speaking = () => current !== null;
  window.__finish = () => { const u = current; current = null; if (u && u.onend) u.onend(new Event("end")); };
})(%s);
"""


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serve_like_host(built_site) as url:
        yield url


def open_page(browser: Browser, base: str, path: str, voices: list[str] | None = None, **options: Any) -> Page:
    context = browser.new_context(viewport={"width": 375, "height": 800}, **options)
    if voices is not None:
        context.add_init_script(RECORDER % json.dumps(voices))
    page = context.new_page()
    page.goto(base + path, wait_until="load")
    return page


def said(page: Page) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__said"))


def read_to_the_end(page: Page) -> list[dict[str, Any]]:
    page.evaluate("() => { for (let i = 0; i < 1000 && window.__speaking(); i++) window.__finish(); }")
    assert not page.evaluate("window.__speaking()")
    return said(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reads_the_article_in_order_in_the_pages_language(browser: Browser, base: str, lang: str) -> None:
    page = open_page(browser, base, PREFIX[lang] + "faq/", ["en-GB", "fr-FR", "de-DE"])
    play = page.locator(".rc-listen__play")
    assert play.is_visible() and play.inner_text() == TEXTS[lang]["listen"]
    play.click()
    assert play.inner_text() == TEXTS[lang]["pause"]
    first = page.locator(".rc-listen-current")
    assert first.count() == 1 and first.evaluate("e => e.tagName") == "H1"
    utterances = read_to_the_end(page)
    texts = [u["text"] for u in utterances]
    assert texts[0] == page.locator("article h1").inner_text().strip()
    assert {(u["lang"], u["voice"], u["rate"]) for u in utterances} == {(VOICE[lang], VOICE[lang], 0.85)}
    # Every question of the FAQ is said, in the page's order, each followed by its answer.
    questions = [text.strip() for text in page.locator("article h3").all_inner_texts()]
    assert len(questions) > 5
    assert all(texts.count(question) == 1 for question in questions)  # not again from the list under the title
    positions = [texts.index(question) for question in questions]
    assert positions == sorted(positions) and all(b - a > 1 for a, b in zip(positions, positions[1:], strict=False))
    # Not said: the control itself, the list of questions, the list of words explained, the page foot's button,
    # the menus.
    everything = " ".join(texts)
    question_list = page.locator("details.rc-questions > summary").inner_text().strip()
    for skipped in (TEXTS[lang]["hint"], question_list, GLOSSARY_HEADING[lang], SHARE[lang]):
        assert skipped not in everything
    menu = page.locator(".md-nav__link").first.inner_text()
    assert menu.strip() not in texts
    assert play.inner_text() == TEXTS[lang]["listen"] and page.locator(".rc-listen-current").count() == 0
    page.context.close()


def test_a_word_explained_is_said_but_not_its_definition(browser: Browser, base: str) -> None:
    page = open_page(browser, base, "faq/", ["fr-FR"])
    term = page.locator("button.rc-term").first
    term.click()  # the definition shows in the text
    definition = page.locator(".rc-term__definition:not([hidden])").first.inner_text()
    paragraph = term.evaluate("e => e.closest('p, li').innerText")
    word = term.evaluate("e => e.firstChild.textContent")
    page.locator(".rc-listen__play").click()
    texts = [u["text"] for u in read_to_the_end(page)]
    spoken = next(text for text in texts if word in text and text.split(word)[0] in paragraph)
    assert definition not in spoken and "(définition)" not in spoken
    page.context.close()


def test_pause_keeps_the_block_and_resume_reads_it_again(browser: Browser, base: str) -> None:
    page = open_page(browser, base, "en/eligibility/", ["en-GB"])
    play = page.locator(".rc-listen__play")
    play.click()
    page.evaluate("window.__finish()")
    page.evaluate("window.__finish()")
    third = said(page)[2]
    current = page.locator(".rc-listen-current").inner_text()
    play.click()  # pause
    assert play.inner_text() == TEXTS["en"]["resume"]
    page.wait_for_timeout(50)  # the interrupted utterance's error event has come, and moved nothing
    assert len(said(page)) == 3 and not page.evaluate("window.__speaking()")
    assert page.locator(".rc-listen-current").inner_text() == current
    play.focus()
    page.keyboard.press("Enter")  # resume, from the keyboard
    assert play.inner_text() == TEXTS["en"]["pause"]
    assert said(page)[3]["text"] == third["text"]
    page.locator(".rc-listen__next").click()
    page.wait_for_timeout(50)
    page.locator(".rc-listen__previous").click()
    page.wait_for_timeout(50)
    texts = [u["text"] for u in said(page)]
    assert len(texts) == 6 and texts[5] == third["text"] and texts[4] != third["text"]
    page.locator(".rc-listen__rate select").select_option(label=TEXTS["en"]["normal"])
    assert said(page)[-1]["rate"] == 1 and said(page)[-1]["text"] == third["text"]
    page.context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_a_voice_in_the_pages_language_it_says_so(browser: Browser, base: str, lang: str) -> None:
    page = open_page(browser, base, PREFIX[lang] + "programme/", ["de-DE"] if lang == "fr" else ["fr-FR"])
    page.locator(".rc-listen__play").click()
    status = page.locator(".rc-listen [role=status]")
    assert status.is_visible() and status.inner_text() == TEXTS[lang]["no_voice"]
    assert said(page) == []
    assert page.locator(".rc-listen__play").inner_text() == TEXTS[lang]["listen"]
    page.context.close()


def test_on_every_page_to_read_but_not_the_homes_and_the_editors_pages(built_site: Path) -> None:
    """The homes' task cards must fit the first screen of a phone; the editors' pages are not for readers."""
    without = set()
    for path in built_site.rglob("*.html"):
        html = path.read_text("utf-8")
        assert html.count('class="rc-listen"') <= 1
        if 'class="rc-listen"' not in html and 'name="robots" content="noindex' not in html:
            without.add(path.relative_to(built_site).as_posix())
    assert without == {"index.html", "en/index.html"}
    assert 'class="rc-listen"' in (built_site / "en" / "booklets" / "index.html").read_text("utf-8")


def test_without_speech_synthesis_there_is_no_control(browser: Browser, base: str) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined});")
    page = context.new_page()
    page.goto(base + "faq/", wait_until="load")
    assert page.locator(".rc-listen").count() == 1 and not page.locator(".rc-listen").is_visible()
    context.close()


def test_controls_are_named_big_enough_and_accessible_and_not_printed(browser: Browser, base: str) -> None:
    page = open_page(browser, base, "en/take-part/", ["en-GB"])
    page.locator(".rc-listen__play").click()  # a block highlighted
    for control in page.locator(".rc-listen button, .rc-listen select").all():
        box = control.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44
    names = [page.locator(".rc-listen__previous").get_attribute("aria-label"),
             page.locator(".rc-listen__next").get_attribute("aria-label")]
    assert names == [TEXTS["en"]["previous"], TEXTS["en"]["next"]]
    assert page.get_by_role("button", name=TEXTS["en"]["pause"]).is_visible()
    assert page.get_by_label(TEXTS["en"]["rate"]).input_value() == "0.85"
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    assert [v["id"] for v in results["violations"]] == []
    page.emulate_media(media="print")
    assert not page.locator(".rc-listen").is_visible()
    page.context.close()
