"""Shared fixtures: the real site built once, and throw-away copies of the project to break.

Markers (pytest.ini): ``browser`` and ``build`` are set here from the fixtures a test uses (``browser``,
``built_site``) or by hand on a test that builds a project copy itself; both imply ``slow``, which the fast
subset (``make test-fast``: ``-m "not slow"``) leaves out.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts import pipeline
from scripts.dev.browser import chromium
from scripts.dev.project_copy import copy_project
from scripts.problems import format_text

ROOT = Path(__file__).resolve().parents[1]
CACHE = ".cache"  # booklet PDFs, share pictures, word lists: named by what they are made from
MARKED_BY_FIXTURE = {"browser": "browser", "built_site": "build", "warm_cache": "build", "published_site": "build"}
SLOW = ("browser", "build")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that drive Chromium or need a whole build, and mark both kinds slow. Then the files with
    the most slow tests come first: pytest-xdist (``make test``: ``--dist loadfile``) hands out whole files in
    this order, so the long files start early and the quick ones, last, fill both processes evenly."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for fixture, marker in MARKED_BY_FIXTURE.items():
            if fixture in names:
                item.add_marker(marker)
        if any(item.get_closest_marker(marker) for marker in SLOW):
            item.add_marker("slow")
    slow_tests = Counter(item.path for item in items if item.get_closest_marker("slow"))
    items.sort(key=lambda item: -slow_tests[item.path])  # stable: the order inside a file is kept


def _once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run by ``make``. With pytest-xdist (``-n 2``) the workers share it: the first
    one makes it under a lock, in the run's temporary folder, and the others wait, then read it."""
    run = factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else factory.getbasetemp()
    folder, done = run / name, run / f"{name}.done"
    with (run / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per run by the full pipeline (link checks included; no test writes into it)."""
    def build(folder: Path) -> None:
        result = pipeline.build(ROOT, folder / "site")
        assert result.ok, format_text(result.problems)
    return _once(tmp_path_factory, "built", build) / "site"


def copy_with_cache(dest: Path, cache: Path = ROOT / CACHE) -> Path:
    """A copy of the project with a copy of ``cache`` (if there is one): a build of the copy makes again only
    what the test changed."""
    return give_cache(copy_project(ROOT, dest), cache)


def give_cache(project: Path, cache: Path) -> Path:
    """``project`` with a copy of ``cache`` (if there is one), not a link: a test never changes the one it came
    from."""
    if cache.is_dir():
        shutil.copytree(cache, project / CACHE)
        (project / CACHE / ".gitignore").write_text("*\n", "utf-8")  # out of the commits of tests that use git
    return project


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    """The .cache of a copy of the project built once. Not the project's own: a copy has no git history, so its
    pages and PDFs have no "updated on" date and differ from the real site's."""
    def build(folder: Path) -> None:
        copy = copy_with_cache(folder / "project")
        result = pipeline.build(copy, copy / "site", check_links=False)
        assert result.ok, format_text(result.problems)
    return _once(tmp_path_factory, "warm", build) / "project" / CACHE


PUBLIC_ADDRESS = "https://example.org/resilient-cities/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built once per run as for publishing, under a path (PUBLIC_ADDRESS): posters, the ZIM file
    and the link checks."""
    def build(folder: Path) -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SITE_URL", PUBLIC_ADDRESS)
            result = pipeline.build(ROOT, folder / "site", zim=True)
        assert result.ok, format_text(result.problems)
    return _once(tmp_path_factory, "published", build) / "site"


@pytest.fixture
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of the project's sources and cache, to change freely in a test. A test marked ``build`` gets the
    cache of a copy already built, so that its build renders no unchanged PDF or picture again."""
    if request.node.get_closest_marker("build"):
        return copy_with_cache(tmp_path / "project", request.getfixturevalue("warm_cache"))
    return copy_with_cache(tmp_path / "project")


@pytest.fixture
def cold_project(tmp_path: Path) -> Path:
    """A copy of the project's sources without any cache: for the tests of the cache itself."""
    return copy_project(ROOT, tmp_path / "project")


GITHUB_VARIABLES = ("GITHUB_STEP_SUMMARY", "GITHUB_BASE_REF", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests behave the same on GitHub Actions: they never write to the run's summary nor see its pull request."""
    for name in GITHUB_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one per test run (per process with pytest-xdist); each test opens its own context."""
    with chromium() as instance:
        yield instance
