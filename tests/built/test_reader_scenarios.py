"""What happens to a reader, played in Chromium on a 375 px phone (the usability report of December 2026):
the self-check tapped before its script runs and after the Back button, its verdict on screen, the language
switch from a scrolled page, and the home page's first screen. The site is served as its host serves it."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from scripts.dev.host import serve_like_host
from scripts.features.programme.model import SCRIPT, CheckTexts, check_texts
from scripts.source.config import messages, read_config

from ..conftest import ROOT

PHONE: ViewportSize = {"width": 375, "height": 667}
PREFIX = {"fr": "", "en": "en/"}
CONFIG = read_config(ROOT / "mkdocs.yml")
# Every newcomer question answered so that it qualifies, but the place: "elsewhere" (Marseille).
ELSEWHERE = [("city", "elsewhere"), ("interest", "yes"), ("involvement", "would-like-to"), ("sharing", "yes"),
             ("ideas", "yes"), ("language", "b1-or-higher")]
EVERY_YES = [("city", "in-city"), *ELSEWHERE[1:]]


def texts(lang: str) -> CheckTexts:
    return check_texts(messages(CONFIG, lang))


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serve_like_host(built_site) as url:
        yield url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context
    context.close()


def tap_answers(page: Page, participant: str, answers: list[tuple[str, str]]) -> None:
    page.tap(f"label[for='rc-participant-{participant}']")
    for criterion, value in answers:
        page.tap(f"label[for='rc-{criterion}-{value}']")


def shown_verdict(page: Page) -> str:
    """The verdict the reader sees: the script's, or (before it runs, or without it) the page's own."""
    return " ".join(page.locator(".rc-selfcheck [data-result], .rc-selfcheck .rc-verdict:visible").all_inner_texts())


# -- B1: the self-check never says "yes" to someone it asked nothing, or who does not qualify --------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_tap_before_the_script_runs_shows_the_questions_and_the_right_verdict(context: BrowserContext, base: str,
                                                                              lang: str) -> None:
    """The script arrives late (held back, as on a slow network); the reader taps meanwhile."""
    page, held = context.new_page(), []
    page.route(f"**/{SCRIPT}", lambda route: held.append(route))
    page.goto(f"{base}{PREFIX[lang]}eligibility/", wait_until="commit")
    page.locator("#rc-participant-newcomer").wait_for()
    words = texts(lang)
    page.tap("label[for='rc-participant-newcomer']")
    expect(page.locator("#rc-city-elsewhere")).to_be_visible()  # the questions, without the script
    assert held and page.locator(".rc-selfcheck[data-rc-ready]").count() == 0
    expect(page.locator(".rc-selfcheck button[type=submit]")).to_be_disabled()
    assert words.result_yes not in shown_verdict(page)
    tap_answers(page, "newcomer", ELSEWHERE)
    assert words.result_no in shown_verdict(page) and words.result_yes not in shown_verdict(page)
    held[0].continue_()  # the script arrives: it reads the answers given
    expect(page.locator(".rc-selfcheck[data-rc-ready]")).to_have_count(1)
    page.tap(".rc-selfcheck button[type=submit]")
    result = page.locator("[data-result]").inner_text()
    assert words.result_no in result and words.result_yes not in result, result
    expect(page.locator(".rc-verdict:visible")).to_have_count(0)  # one verdict on screen, the script's


def test_a_participant_tapped_before_the_script_runs_is_asked_every_question(context: BrowserContext, base: str) -> None:
    page, held = context.new_page(), []
    page.route(f"**/{SCRIPT}", lambda route: held.append(route))
    page.goto(f"{base}eligibility/", wait_until="commit")
    page.locator("#rc-participant-newcomer").wait_for()
    page.tap("label[for='rc-participant-newcomer']")
    held[0].continue_()
    expect(page.locator(".rc-selfcheck[data-rc-ready]")).to_have_count(1)
    expect(page.locator("#rc-city-in-city")).to_be_visible()
    page.tap(".rc-selfcheck button[type=submit]")
    result = page.locator("[data-result]").inner_text()
    assert result == texts("fr").missing.replace("{count}", str(len(EVERY_YES)))
    assert texts("fr").result_yes not in shown_verdict(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_after_the_back_button_the_restored_answers_give_the_right_verdict(context: BrowserContext, base: str,
                                                                         lang: str) -> None:
    page, words = context.new_page(), texts(lang)
    page.goto(f"{base}{PREFIX[lang]}eligibility/", wait_until="load")
    tap_answers(page, "newcomer", ELSEWHERE)
    page.goto(f"{base}{PREFIX[lang]}faq/", wait_until="load")
    page.go_back(wait_until="load")
    assert page.is_checked("#rc-city-elsewhere")  # the browser gave the answers back
    expect(page.locator("#rc-city-elsewhere")).to_be_visible()
    assert words.result_no in shown_verdict(page) and words.result_yes not in shown_verdict(page)
    page.tap(".rc-selfcheck button[type=submit]")
    result = page.locator("[data-result]").inner_text()
    assert words.result_no in result and words.result_yes not in result, result


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_javascript_the_self_check_still_answers(browser: Browser, base: str, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page, words = context.new_page(), texts(lang)
    page.goto(f"{base}{PREFIX[lang]}eligibility/")
    expect(page.locator("#rc-city-in-city")).to_be_hidden()  # until the reader says who they are
    for answers, verdict in ((ELSEWHERE, words.result_no), (EVERY_YES, words.result_yes)):
        page.goto(f"{base}{PREFIX[lang]}eligibility/")
        page.check("#rc-participant-newcomer")
        for criterion, value in answers[:-1]:
            page.check(f"#rc-{criterion}-{value}")
        expect(page.locator(".rc-verdict:visible")).to_have_count(0)  # not before every answer
        page.check(f"#rc-{answers[-1][0]}-{answers[-1][1]}")
        expect(page.locator(".rc-verdict:visible")).to_have_count(1)
        assert verdict in shown_verdict(page)
    page.check("#rc-participant-local-actor")  # the other participant's questions, unanswered: no verdict
    expect(page.locator(".rc-verdict:visible")).to_have_count(0)
    expect(page.locator(".rc-selfcheck button[type=submit]")).to_be_hidden()
    context.close()


# -- M1, m4: the verdict and a missing answer in view, below the sticky header -------------------------------


@pytest.mark.parametrize(("lang", "answers"), [("fr", EVERY_YES), ("fr", ELSEWHERE), ("en", EVERY_YES)])
def test_the_verdict_is_on_screen_below_the_header_and_has_the_focus(context: BrowserContext, base: str, lang: str,
                                                                    answers: list[tuple[str, str]]) -> None:
    page = context.new_page()
    page.goto(f"{base}{PREFIX[lang]}eligibility/", wait_until="load")
    tap_answers(page, "newcomer", answers)
    page.tap(".rc-selfcheck button[type=submit]")
    title = page.locator("[data-result] .rc-result__title")
    header, box = page.locator(".md-header").bounding_box(), title.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= PHONE["height"], (header, box)
    assert title.evaluate("element => element === document.activeElement")


def test_a_missing_answer_is_said_at_the_question_the_focus_goes_to(context: BrowserContext, base: str) -> None:
    page = context.new_page()
    page.goto(f"{base}eligibility/", wait_until="load")
    tap_answers(page, "newcomer", EVERY_YES[:2])
    page.tap(".rc-selfcheck button[type=submit]")
    note = page.locator("[data-criterion='involvement'] .rc-missing")
    expect(note).to_have_text(texts("fr").missing.replace("{count}", "4"))
    focused = page.evaluate("document.activeElement.id")
    assert focused == "rc-involvement-involved"
    header = page.locator(".md-header").bounding_box()
    for box in (note.bounding_box(), page.locator(f"#{focused}").bounding_box()):
        assert header is not None and box is not None
        assert box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= PHONE["height"], box
    page.tap("label[for='rc-involvement-involved']")  # answering takes the note away
    expect(note).to_have_count(0)


# -- M5: the language switch keeps the place on screen ------------------------------------------------------


@pytest.mark.parametrize(("arrived_at", "reading"), [("", "compensation"), ("#other-regions", "languages")])
def test_language_switch_from_a_scrolled_page_keeps_the_section_on_screen(context: BrowserContext, base: str,
                                                                        arrived_at: str, reading: str) -> None:
    page = context.new_page()
    page.goto(f"{base}faq/{arrived_at}", wait_until="load")
    page.locator(f"#{reading}").evaluate("heading => heading.scrollIntoView()")
    page.mouse.wheel(0, 40)  # reading a little further into the answer
    page.wait_for_function("scrollY > 0")
    with page.expect_navigation():
        page.tap("a.rc-language[hreflang=en]")
    assert page.url == f"{base}en/faq/#{reading}"
    box = page.locator(f"#{reading}").bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"] / 2


def test_language_switch_at_the_top_of_a_page_stays_at_the_top(context: BrowserContext, base: str) -> None:
    page = context.new_page()
    page.goto(f"{base}en/faq/#compensation", wait_until="load")
    page.evaluate("scrollTo(0, 0)")
    with page.expect_navigation():
        page.tap("a.rc-language[hreflang=fr]")
    assert page.url == f"{base}faq/"


# -- The home page's first screen -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_first_screen_shows_five_task_cards_big_enough_to_tap(context: BrowserContext, base: str,
                                                                  lang: str) -> None:
    page = context.new_page()
    page.goto(f"{base}{PREFIX[lang]}", wait_until="load")
    cards = page.locator(".rc-tasks > ul > li")
    assert cards.count() == 8
    boxes = [box for box in (cards.nth(i).bounding_box() for i in range(8)) if box is not None]
    on_screen = [box for box in boxes if box["y"] + box["height"] <= PHONE["height"]]
    assert len(on_screen) >= 5, [round(box["y"] + box["height"]) for box in boxes]
    assert all(box["height"] >= 44 and box["width"] >= 44 for box in boxes), boxes
    page.screenshot(path=str(ROOT / ".cache" / f"home-{lang}-375x667.png"))


# -- m3: the FAQ's questions listed at its top --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_faq_lists_its_questions_on_the_first_screen(context: BrowserContext, base: str, lang: str) -> None:
    page = context.new_page()
    page.goto(f"{base}{PREFIX[lang]}faq/", wait_until="load")
    summary = page.locator(".rc-questions > summary")
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44
    questions = page.locator("article h3[id]").count()
    assert str(questions) in summary.inner_text() and questions >= 15
    summary.tap()
    page.locator(".rc-questions a[href='#compensation']").tap()
    assert page.url.endswith("#compensation")
    heading = page.locator("#compensation").bounding_box()
    assert heading is not None and 0 <= heading["y"] < PHONE["height"] / 2
