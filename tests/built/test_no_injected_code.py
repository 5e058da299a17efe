"""In Chromium, with no headers at all (as GitHub Pages serves the site): no page runs a script an editor slipped
into the Markdown, and no page sends the reader elsewhere. The site is built with the inputs that the build
publishes (made harmless); the inputs it refuses are tested in tests/test_pipeline.py and tests/built/test_verify.py.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog

from scripts import pipeline
from scripts.built.html_model import read_built_site
from scripts.built.local_server import serve
from scripts.problems import format_text

from ..conftest import copy_with_cache

# Each calls the page's alert() if it ever runs; Markdown publishes each as text or as harmless markup.
PUBLISHED_HARMLESS = [
    "<p hidden>\n~~~ note\n</p>\n<script>alert('fake fence')</script>\n<p hidden>\n~~~\n</p>\n",
    "<div markdown>\n```\n</div>\n<img src=x onerror=alert('fake fence 2')>\n\n```\n",
    "<img/src=x/onerror=alert('slashes')>\n",
    "`<script>alert('code')</script>`\n",
    "&lt;script&gt;alert('escaped')&lt;/script&gt;\n",
]
TRAP = "window.__ran = []; window.alert = (text) => window.__ran.push(String(text));"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Path:
    project = copy_with_cache(tmp_path_factory.mktemp("hostile") / "project", warm_cache)  # no PDF rendered again
    for page in ("docs/fr/about.md", "docs/en/about.md"):
        with (project / page).open("a", encoding="utf-8") as stream:
            stream.write("".join(f"\n{text}\n" for text in PUBLISHED_HARMLESS))
    result = pipeline.build(project, project / "site", check_links=False)
    assert result.ok, format_text(result.problems)
    return project / "site"


def _visits(browser: Browser, folder: Path) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """(address asked, address shown, alerts, dialogs) of every page of ``folder`` served with no headers."""
    with serve(folder) as base:
        context = browser.new_context(service_workers="block")
        context.add_init_script(TRAP)
        dialogs: list[str] = []
        page = context.new_page()

        def seen(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", seen)
        try:
            for url in sorted(read_built_site(folder)):
                address = base + url.lstrip("/")
                page.goto(address, wait_until="load")
                page.wait_for_timeout(200)  # a <meta refresh content="0"> would have left by now
                yield address, page.url, page.evaluate("window.__ran || []"), list(dialogs)
        finally:
            context.close()


def test_the_detector_sees_a_script_and_a_redirect(browser: Browser, tmp_path: Path) -> None:
    """The test can fail: a page with a script and a page with a refresh are both seen."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>a</p><script>alert('ran')</script>", "utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b/index.html").write_text('<meta http-equiv="refresh" content="0;url=../a/"><p>b</p>', "utf-8")
    visits = {asked.rsplit("/", 2)[-2]: (shown, ran) for asked, shown, ran, _ in _visits(browser, tmp_path)}
    assert visits["a"][1] == ["ran"]
    assert visits["b"][0].endswith("/a/")


def test_no_page_runs_injected_code_or_redirects_without_headers(
        browser: Browser, built_site: Path, hostile_site: Path) -> None:
    """The site with hostile inputs holds every page of the real site (and a few inputs more): both are seen."""
    visits = list(_visits(browser, hostile_site))
    assert len(visits) == len(read_built_site(built_site)) >= 25
    assert [(asked, ran, dialogs) for asked, _, ran, dialogs in visits if ran or dialogs] == []
    assert [(asked, shown) for asked, shown, _, _ in visits if shown != asked] == []
