"""'Page updated on': each language version dated by its own last commit, in a real temporary repository
([i18n skip] commits count, formatting-only ones do not), on the page, in the sitemap and on the booklet
PDFs' cover; no date at all in a shallow clone."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from scripts import pipeline
from scripts.features.i18n_status import history
from scripts.features.i18n_status import model as i18n_status
from scripts.problems import format_text

from .test_i18n_status import commit, shallow_clone, start_repo

pytestmark = pytest.mark.build  # each test builds its repository


def build(repo: Path) -> Path:
    result = pipeline.build(repo, repo / "site", check_links=False)
    assert result.ok, format_text(result.problems)
    return repo / "site"


def foot(site: Path, url: str) -> tuple[str, str]:
    """The page's 'updated on' line: its text (spaces as one) and its <time> datetime ("" without)."""
    soup = BeautifulSoup((site / url.lstrip("/") / "index.html").read_text("utf-8"), "html.parser")
    line = soup.select_one("article .rc-page-foot .rc-updated")
    if line is None:
        return "", ""
    time = line.find("time")
    return re.sub(r"\s+", " ", line.get_text()).strip(), str(time["datetime"]) if time else ""


def lastmod(site: Path) -> dict[str, str]:
    text = (site / "sitemap.xml").read_text("utf-8")
    return dict(re.findall(r"<loc>http://127\.0\.0\.1:8000(/[^<]*)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def cover(site: Path, pdf: str) -> str:
    return re.sub(r"\s+", " ", PdfReader(site / pdf).pages[0].extract_text())


def test_each_language_version_is_dated_by_its_own_last_change(project: Path) -> None:
    repo = start_repo(project)  # every page committed on 10 January 2024
    commit(repo, "2024-02-15T09:00:00+01:00", "Fix a typo [i18n skip]", {"docs/en/about.md": "A typo fixed."})
    formatting = commit(repo, "2024-03-01T09:00:00+01:00", "Wrap the lines",
                        {"docs/fr/faq.md": "Des lignes coupées autrement."})
    commit(repo, "2024-04-05T09:00:00+02:00", "Booklet: one more sentence",
           {"docs/fr/booklets/est-ensemble.md": "Une phrase de plus."})
    (repo / history.SKIP_FILE).write_text(f"{formatting[:10]} formatting  # lines wrapped, nothing said\n", "utf-8")

    report = i18n_status.load_status(repo)
    english_faq = report.version("en", "faq.md")
    assert english_faq and english_faq.state is i18n_status.State.UP_TO_DATE  # formatting: skipped for both
    site = build(repo)
    assert foot(site, "/en/about/") == ("Page updated on 15 February 2024", "2024-02-15")  # [i18n skip] counts
    assert foot(site, "/about/") == ("Page mise à jour le 10 janvier 2024", "2024-01-10")
    assert foot(site, "/faq/") == ("Page mise à jour le 10 janvier 2024", "2024-01-10")  # formatting does not
    assert foot(site, "/booklets/est-ensemble/")[1] == "2024-04-05"
    dates = lastmod(site)
    assert dates["/en/about/"] == "2024-02-15" and dates["/about/"] == dates["/faq/"] == "2024-01-10"
    assert len(dates) == 2 * (len(report.pages) - 1)  # every page but the status page (noindex)
    assert "Page mise à jour le 5 avril 2024" in cover(site, "booklets/resilient-cities-est-ensemble-fr.pdf")
    assert "Page updated on 10 January 2024" in cover(site, "en/booklets/resilient-cities-est-ensemble-en.pdf")


def test_a_shallow_clone_has_no_dates(project: Path, tmp_path: Path) -> None:
    repo = start_repo(project)
    commit(repo, "2024-02-15T09:00:00+01:00", "About: a sentence", {"docs/en/about.md": "A sentence."})
    site = build(shallow_clone(repo, tmp_path / "shallow"))
    assert foot(site, "/en/about/") == foot(site, "/faq/") == ("", "")
    assert "lastmod" not in (site / "sitemap.xml").read_text("utf-8")
    text = cover(site, "booklets/resilient-cities-est-ensemble-fr.pdf")
    assert "Fiche projet" in text and "mise à jour" not in text
