"""Shared fixtures: the real site built once, and throw-away copies of the project to break."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts import pipeline
from scripts.dev.browser import chromium
from scripts.dev.project_copy import copy_project
from scripts.problems import format_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once by the full pipeline (link checks included)."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = pipeline.build(ROOT, out)
    assert result.ok, format_text(result.problems)
    return out


PUBLIC_ADDRESS = "https://example.org/resilient-cities/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real site built as for publishing: with a public address (SITE_URL: the posters) and the ZIM file."""
    out = tmp_path_factory.mktemp("published") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", PUBLIC_ADDRESS)
        result = pipeline.build(ROOT, out, zim=True)
    assert result.ok, format_text(result.problems)
    yield out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources, to change freely in a test."""
    return copy_project(ROOT, tmp_path / "project")


GITHUB_VARIABLES = ("GITHUB_STEP_SUMMARY", "GITHUB_BASE_REF", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests behave the same on GitHub Actions: they never write to the run's summary nor see its pull request."""
    for name in GITHUB_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one per test file (Playwright's sync API runs one instance at a time)."""
    with chromium() as instance:
        yield instance
