"""The first paint on a slow phone: the inlined first-paint CSS (overrides/partials/critical.css, make critical-css)
matches the stylesheets it comes from, and lays the first screen out as the full style does (no shift when it comes)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tinycss2
from playwright.sync_api import Browser

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
