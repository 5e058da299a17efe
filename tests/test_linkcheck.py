"""linkchecker over a small served site: broken links and anchors are found, and a check that
cannot see anchors fails instead of passing silently."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts import linkcheck


def small_site(folder: Path, link: str) -> Path:
    (folder / "a").mkdir(parents=True)
    (folder / "index.html").write_text(f'<!doctype html><html lang="fr"><title>x</title><a href="{link}">x</a></html>')
    (folder / "a" / "index.html").write_text('<!doctype html><html lang="fr"><title>a</title><h2 id="here">a</h2></html>')
    return folder


def test_good_links_and_anchors_pass(tmp_path: Path) -> None:
    assert linkcheck.run_linkchecker(small_site(tmp_path, "a/#here"), {}) == []


@pytest.mark.parametrize("link", ["a/#nowhere", "b/"])
def test_broken_anchor_or_page_is_a_problem(tmp_path: Path, link: str) -> None:
    problems = linkcheck.run_linkchecker(small_site(tmp_path, link), {})
    assert [p.path for p in problems] == ["site/"] and link in problems[0].message


def test_without_anchor_checking_the_check_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkcheck, "CONFIG", linkcheck.CONFIG.replace("[AnchorCheck]\n", ""))
    problems = linkcheck.run_linkchecker(small_site(tmp_path, "a/#here"), {})
    assert len(problems) == 1 and "did not check anchors" in problems[0].message
