"""The first paint on a slow phone: the inlined first-paint CSS (overrides/partials/critical.css, make critical-css)
matches the stylesheets it comes from, and lays the first screen out as the full style does (no shift when it comes);
and what a slow connection paints first, the page's beginning, never moves when the rest of the page comes, nor
fades when the full stylesheet comes."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import tinycss2
from playwright.sync_api import Browser, Route

from scripts.built.html_model import VOID, line_starts
from scripts.built.inline_code import PROJECT, file_text
from scripts.dev.critical_css import Block, css_text, parse_blocks
from scripts.dev.host import serve_like_host
from scripts.mkdocs_glue.stylesheets import COMBINED

from ..conftest import ROOT

FIRST_SCREEN = ".md-header, .md-content h1, .rc-lead, .rc-tasks li, .rc-selfcheck, .rc-choice, article > p"


def declarations(css: str) -> dict[str, set[str]]:
    """Each rule's selector (inside its @media) and the declarations it has, in any order."""
    found: dict[str, set[str]] = {}

    def walk(blocks: list[Block], where: str) -> None:
        for block in blocks:
            if block.children:
                walk(block.children, where + css_text(block.rule.prelude))
            else:
                found.setdefault(where + css_text(block.rule.prelude), set()).update(
                    f"{item.name}:{css_text(item.value)}{'!important' if item.important else ''}"
                    for item in tinycss2.parse_declaration_list(block.rule.content, skip_comments=True,
                                                                skip_whitespace=True)
                    if item.type == "declaration")

    walk(parse_blocks(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)), "")
    return found


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serve_like_host(built_site) as url:
        yield url


def test_the_inlined_rules_are_those_of_the_stylesheets_now(built_site: Path) -> None:
    """Stale after a change of site.css or of Material: run 'make critical-css', then 'make build'."""
    sources = declarations((built_site / COMBINED).read_text("utf-8"))
    inlined = declarations(file_text(PROJECT / "overrides/partials/critical.css"))
    assert len(inlined) > 100
    stale = [selector for selector, kept in inlined.items() if not kept <= sources.get(selector, set())]
    assert not stale, f"overrides/partials/critical.css is stale ({stale[:5]}): run 'make critical-css', then 'make build'"
    assert (ROOT / "overrides" / "partials" / "critical.css").read_text("utf-8").count("{% raw %}") == 1


@pytest.mark.parametrize(("path", "width"), [("", 375), ("en/", 375), ("eligibility/", 375), ("faq/", 1280)])
def test_the_first_screen_is_laid_out_before_the_stylesheet_comes(browser: Browser, base: str, path: str,
                                                                  width: int) -> None:
    boxes = []
    for blocked in (True, False):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        if blocked:  # the page as first painted: only its inlined rules
            page.route(f"**/{COMBINED}", lambda route: route.abort())
        page.goto(base + path, wait_until="load")
        boxes.append(page.eval_on_selector_all(FIRST_SCREEN, """elements => elements
            .map(e => e.getBoundingClientRect()).filter(r => r.top < 800)
            .map(r => [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)])"""))
        context.close()
    assert len(boxes[0]) >= 3 and boxes[0] == boxes[1]


class _Cuts(HTMLParser):
    """The offsets in a page's HTML where each child of the header's bar and of the article starts: the points
    where a slow connection can stop for a moment, with the page painted up to there."""

    def __init__(self, text: str, parents: tuple[str, ...], most: int) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = line_starts(text)
        self.parents, self.most, self.depth = parents, most, 0
        self.open: list[tuple[str, int]] = []  # the parents the parser is in: class, depth of their children
        self.cuts: dict[str, list[int]] = {}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open and self.open[-1][1] == self.depth and len(self.cuts[self.open[-1][0]]) < self.most:
            line, column = self.getpos()
            self.cuts[self.open[-1][0]].append(self.lines[line - 1] + column)
        classes = (dict(attrs).get("class") or "").split()
        for parent in self.parents:
            if parent in classes:
                self.open.append((parent, self.depth + 1))
                self.cuts.setdefault(parent, [])
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.depth -= tag not in VOID

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth -= 1
        while self.open and self.open[-1][1] > self.depth:
            self.open.pop()


POSITIONS = """elements => elements.map(e => { const r = e.getBoundingClientRect();
    return [e.tagName + '.' + e.className, Math.round(r.left), Math.round(r.top),
            r.width > 0 && r.top < innerHeight && e.checkVisibility({visibilityProperty: true})]; })"""
SHOWN = ".md-header__inner > *, .md-content__inner > *, .rc-tasks li"


def _serving(body: str) -> Callable[[Route], None]:
    return lambda route: route.fulfill(response=route.fetch(), body=body)


@pytest.mark.parametrize(("path", "width"), [("", 375), ("faq/", 375), ("en/faq/", 1280)])
def test_what_is_painted_first_never_moves_when_the_rest_of_the_page_comes(
        browser: Browser, base: str, built_site: Path, path: str, width: int) -> None:
    """On a slow connection the browser paints the part of the page that has come. Cut the page before each
    element of the header's bar and of the article's first screen: every element already there sits where it
    sits in the whole page (a layout shift otherwise: a tap that lands on the wrong link)."""
    text = (built_site / path / "index.html").read_text("utf-8")
    cuts = _Cuts(text, ("md-header__inner", "md-content__inner"), most=6).cuts
    assert len(cuts["md-header__inner"]) >= 5 and len(cuts["md-content__inner"]) >= 4
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")  # it would
    page = context.new_page()                                                                        # serve the cuts
    page.goto(base + path, wait_until="load")
    whole = page.eval_on_selector_all(SHOWN, POSITIONS)
    moved = []
    for cut in sorted(cuts["md-header__inner"] + cuts["md-content__inner"]):
        page.route(base + path, _serving(text[:cut]))
        page.goto(base + path, wait_until="load")
        page.unroute(base + path)
        first = page.eval_on_selector_all(SHOWN, POSITIONS)  # the same elements as the whole page's, fewer
        moved += [f"{name} at {left},{top} then {whole[index][1:3]} (page cut at {cut})"
                  for index, (name, left, top, shown) in enumerate(first)
                  if shown and whole[index][1:3] != [left, top]]  # a script may swap an element for another
    context.close()
    assert not moved


@pytest.mark.parametrize(("path", "width"), [("", 375), ("en/faq/", 1280)])
def test_nothing_fades_when_the_full_stylesheet_comes(browser: Browser, base: str, path: str, width: int) -> None:
    """The full stylesheet comes after the first paint: any element whose style it changes in a way that Material
    animates (a transition) would be seen moving or fading then. It held Material's dialog, a dark box in the
    corner of the screen that faded out on every page of a slow connection."""
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    page = context.new_page()
    held: list[Route] = []
    page.route(f"**/{COMBINED}", lambda route: held.append(route))  # held: the page is painted without it
    page.goto(base + path, wait_until="commit")
    # Parsed up to the full stylesheet's link: styled with the inlined rules only, then painted.
    page.wait_for_selector(f"link[rel=stylesheet][href$='{COMBINED}']", state="attached")
    assert held, "the full stylesheet was not asked for"
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    held[0].continue_()
    page.wait_for_function(f"() => [...document.styleSheets].some(s => (s.href || '').endsWith('{COMBINED}'))")
    running = page.evaluate("""() => document.getAnimations().filter(a => a instanceof CSSTransition)
        .map(a => `${a.transitionProperty} of ${a.effect.target.tagName}.${a.effect.target.className}`)""")
    context.close()
    assert running == []
