"""``make serve`` checks as you type: a save re-runs the source checks, the terminal shows each problem with its
file and line, and the previewed page's banner lists them, or says there is none; a build never has the banner."""
from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Browser

from scripts.dev.live_serve import BANNER, BROKEN_LINK, serving, wait_for_banner
from scripts.mkdocs_glue.live_check import LiveCheck, banner_html, terminal_text
from scripts.problems import Problem

PROBLEM = re.compile(r"^docs/fr/about\.md:(\d+): the link 'nulle-part\.md' leads to no page or file\. How to fix: ")


def test_save_a_broken_link_see_it_in_the_terminal_and_the_banner_then_fix_it(project: Path, browser: Browser) -> None:
    """make serve in a child process, its page in Chromium."""
    page_file = project / "docs/fr/about.md"
    text = page_file.read_text("utf-8")
    line = len((text + BROKEN_LINK).splitlines())
    with serving(project) as serve, browser.new_context() as context:
        page = context.new_page()
        page.goto(serve.base + "about/", wait_until="load")
        assert "no problem in the sources" in page.locator(BANNER).inner_text()

        start = time.perf_counter()
        page_file.write_text(text + BROKEN_LINK, "utf-8")
        shown = wait_for_banner(page, "nulle-part.md", timeout=300)
        printed, terminal = serve.wait_for(PROBLEM.pattern, start, timeout=300)
        match = PROBLEM.match(terminal)
        assert match and int(match.group(1)) == line
        banner = page.locator(BANNER)
        assert f"docs/fr/about.md:{line} (this page): the link 'nulle-part.md' leads to no page" in banner.inner_text()
        assert "failure" in (banner.get_attribute("class") or "") and banner.get_attribute("role") == "status"
        page.wait_for_timeout(1000)  # the rebuild's own log lines come after the checks'
        # Told once, by the checks: no MkDocs line repeating it, no "GET /sw.js … 404" (a build's file)
        assert "contains a link 'nulle-part.md'" not in serve.output() and "/sw.js" not in serve.output()

        fixed = time.perf_counter()
        page_file.write_text(text, "utf-8")
        cleared = wait_for_banner(page, "no problem in the sources", timeout=300)
        serve.wait_for(r"^Source checks \(\d+\.\d+ s\): no problem found\.$", fixed, timeout=300)
        assert "nulle-part" not in page.locator("article").inner_text()
        print(f"save → terminal {printed - start:.2f} s, save → banner {shown - start:.2f} s, "
              f"fix → banner cleared {cleared - fixed:.2f} s")


def test_a_build_has_no_banner(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    assert not [page for page in pages if "rc-live-check" in page.read_text("utf-8")]


def test_banner_lists_this_pages_problems_first_and_escapes_them() -> None:
    check = LiveCheck((Problem("docs/en/faq.md", 3, "a <b> problem", "fix"), Problem("docs/fr/faq.md", 9, "other")),
                      0.123)
    html = banner_html(check, "docs/fr/faq.md")
    assert html.index("docs/fr/faq.md:9</code> (this page)") < html.index("docs/en/faq.md:3")
    assert "a &lt;b&gt; problem. How to fix: fix" in html and "2 problems" in html and "0.12 s" in html
    assert terminal_text(check).splitlines()[1:] == ["docs/en/faq.md:3: a <b> problem. How to fix: fix",
                                                     "docs/fr/faq.md:9: other", "2 problems found."]
    assert terminal_text(LiveCheck((), 0.05)) == "Source checks (0.05 s): no problem found."
