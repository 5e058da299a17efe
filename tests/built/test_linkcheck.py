"""Link checking: linkchecker over a small served site finds broken links and anchors, fails loudly when it
cannot see anchors, and the fast checker (sitelinks) finds exactly what linkchecker finds. On the real site, the
build's fast checker and the outside judge lychee (tests/built/test_judges.py) check every link and anchor."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from scripts.built import linkchecker as linkcheck
from scripts.built import links as sitelinks
from scripts.built.html_model import read_built_site
from scripts.problems import Problem

SLOW = pytest.mark.slow  # runs linkchecker: a second process and a local server
# One small site for each link (its page links to it); linkchecker runs on all of them at once: it mostly waits.
LINKS = ["a/#here", "a/#nowhere", "b/", "a/missing.png", "/a/#here", "../a/#x"]


def small_site(folder: Path, link: str) -> Path:
    (folder / "a").mkdir(parents=True)
    (folder / "index.html").write_text(f'<!doctype html><html lang="fr"><title>x</title><a href="{link}">x</a></html>')
    (folder / "a" / "index.html").write_text('<!doctype html><html lang="fr"><title>a</title><h2 id="here">a</h2></html>')
    return folder


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Problem]]]:
    """Each link's small site, and what linkchecker found on it."""
    folders = [small_site(tmp_path_factory.mktemp("small"), link) for link in LINKS]
    with ThreadPoolExecutor(len(LINKS)) as pool:
        found = list(pool.map(lambda folder: linkcheck.run_linkchecker(folder, {}), folders))
    return {link: (folder, problems) for link, folder, problems in zip(LINKS, folders, found)}


@SLOW
def test_good_links_and_anchors_pass(checked: dict[str, tuple[Path, list[Problem]]]) -> None:
    assert checked["a/#here"][1] == []


@SLOW
@pytest.mark.parametrize("link", ["a/#nowhere", "b/"])
def test_broken_anchor_or_page_is_a_problem(checked: dict[str, tuple[Path, list[Problem]]], link: str) -> None:
    problems = checked[link][1]
    assert [p.path for p in problems] == ["site/"] and link in problems[0].message


@SLOW
def test_without_anchor_checking_the_check_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkcheck, "CONFIG", linkcheck.CONFIG.replace("[AnchorCheck]\n", ""))
    problems = linkcheck.run_linkchecker(small_site(tmp_path, "a/#here"), {})
    assert len(problems) == 1 and "did not check anchors" in problems[0].message


LINK = re.compile(r"the link '([^']*)' on (\S+) is broken")


@SLOW
@pytest.mark.parametrize("link", LINKS)
def test_fast_checker_finds_what_linkchecker_finds(checked: dict[str, tuple[Path, list[Problem]]], link: str) -> None:
    folder, slow = checked[link]
    fast = sitelinks.check_links(read_built_site(folder), folder, "", {})
    assert [LINK.search(p.message).groups() for p in fast] == [LINK.search(p.message).groups() for p in slow]  # type: ignore[union-attr]


def test_same_anchor_link_on_two_pages_of_one_folder_is_checked_on_each(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "index.html").write_text('<html lang="fr"><h2 id="x">a</h2><a href="#x">x</a></html>')
    (tmp_path / "b" / "index.html").write_text('<html lang="fr"><h2 id="y">b</h2><a href="#x">x</a></html>')
    problems = sitelinks.check_links(read_built_site(tmp_path), tmp_path, "", {})
    assert [LINK.search(p.message).groups() for p in problems] == [("#x", "/b/")]  # type: ignore[union-attr]


HREFS = ["", "#x", "?q=1#y", "../", "..", ".", "./", "a/./b/../c", "a//b/../c", "/", "/a//b/", "../../../../x",
         "x?y#z", "%20a/", "./../", "page-0002/#part-1", "//other.org/a", "http://other.org/", "a:b", "mailto:a@b.org"]


@pytest.mark.parametrize("base", ["/", "/en/faq/", "/en/faq/index.html", "/a/b/c/?x#y"])
def test_links_resolve_as_urllib_resolves_them(base: str) -> None:
    for site_url in ("", "https://example.org/rc/"):
        for href in HREFS:
            expected = None
            if href and not href.startswith("mailto:"):  # an empty link is no link
                full = (urlsplit(site_url).path or "/") + href[len(site_url):] if site_url and href.startswith(site_url) \
                    else href
                parts = urlsplit(full)
                if not (parts.scheme or parts.netloc):
                    joined = urlsplit(urljoin(base, full))
                    expected = (unquote(joined.path), unquote(joined.fragment))
            assert sitelinks.local_target(base, href, site_url) == expected, (base, href, site_url)
