"""A big site's HTML read and link checks are shared with a forked copy of the build: the same results, in order."""
from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import NoReturn

from scripts.built.forked import ENOUGH, in_fork, split_map
from scripts.built.html_model import read_built_site
from scripts.built.links import check_links


def test_a_long_list_is_shared_with_a_forked_copy_and_keeps_its_order() -> None:
    items = list(range(ENOUGH + 7))
    done = split_map(lambda part: [(n * n, os.getpid()) for n in part], items)
    assert [value for value, _ in done] == [n * n for n in items]
    here, there = {pid for _, pid in done[: len(items) // 2]}, {pid for _, pid in done[len(items) // 2:]}
    assert here == {os.getpid()} and len(there) == 1 and there != here
    assert set(split_map(lambda part: [os.getpid() for _ in part], [1, 2, 3])) == {os.getpid()}  # few: here


def _killed() -> NoReturn:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("not killed")


def test_a_copy_that_ends_without_an_answer_gives_none_and_its_half_is_done_here() -> None:
    assert in_fork(_killed)() is None
    here = os.getpid()
    items = list(range(ENOUGH))
    done = split_map(lambda part: [n if os.getpid() == here else _killed() for n in part], items)
    assert done == items


def test_the_broken_links_of_a_big_site_are_all_found_once(tmp_path: Path) -> None:
    count = ENOUGH + 10
    for number in range(count):
        following = (number + 1) % count
        links = f'<a href="../page-{following}/#part">next</a><a href="../page-{following}/#nowhere-{number}">x</a>'
        page = tmp_path / f"page-{number}" / "index.html"
        page.parent.mkdir()
        page.write_text(f'<html lang="en"><body><h2 id="part">Part</h2>{links}</body></html>', "utf-8")
    pages = read_built_site(tmp_path)
    assert list(pages) == sorted(f"/page-{n}/" for n in range(count)) and pages["/page-3/"].ids == {"part"}
    problems = check_links(pages, tmp_path, "", {})
    assert [p.path for p in problems] == [f"site/page-{n}/" for n in sorted(range(count), key=lambda n: f"page-{n}/")]
    assert all(f"the link '../page-{(int(p.path.split('-')[1].rstrip('/')) + 1) % count}/#nowhere-" in p.message
               for p in problems)
