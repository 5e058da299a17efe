"""Search with a newcomer's words about papers and pay (usability report, M6 and m7), in Chromium at phone width,
in both languages: the pages that answer come first, common words ("de", "the") make no match, and the reader
never sees a stem ("titr") in place of the word they typed."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from scripts.dev import host as hosting

from .test_browser import PHONE, open_page, search

ANSWERS = {"fr": {"/eligibility/", "/take-part/", "/faq/"}, "en": {"/en/eligibility/", "/en/take-part/", "/en/faq/"}}


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with hosting.serve_like_host(built_site) as url:
        yield url


def groups(page: Page) -> list[str]:
    """The pages found, in their order (one group of results a page)."""
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    return list(dict.fromkeys(urlsplit(href).path for href in hrefs))


def first_links(page: Page) -> list[str]:
    """The page and section addresses of the first group of results."""
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__item:first-child a",
                                                 "els => els.map(e => e.href)")
    return [urlsplit(href).path + "#" + urlsplit(href).fragment for href in hrefs]


def missing_words(page: Page) -> set[str]:
    """The words Material says it did not find (struck out under a result)."""
    return set(page.eval_on_selector_all(".md-search-result__terms del, .md-search-result del",
                                         "els => els.map(e => e.textContent.trim().toLowerCase())"))


@pytest.mark.parametrize(("lang", "path", "queries", "pay", "common"), [
    ("fr", "faq/", ["papiers", "titre de séjour", "Titre de sejour"], "salaire", ["de", "de la", "le"]),
    ("en", "en/faq/", ["papers", "residence permit"], "salary", ["the", "of the", "to"])])
def test_a_newcomer_finds_the_pages_about_papers_and_pay(browser: Browser, site_url: str, tmp_path: Path, lang: str,
                                                         path: str, queries: list[str], pay: str,
                                                         common: list[str]) -> None:
    home = "/en/" if lang == "en" else "/"
    context, page = open_page(browser, PHONE)
    page.goto(site_url + path, wait_until="networkidle")
    for query in queries:
        search(page, query)
        found = groups(page)
        assert len(found) >= 3 and set(found[:3]) == ANSWERS[lang], (query, found)
        assert missing_words(page) <= set(query.lower().split()), (query, missing_words(page))
    page.screenshot(path=str(tmp_path / f"search-papers-{lang}.png"))  # what the reader sees, to look at
    search(page, pay)  # the FAQ question on pay comes first
    assert groups(page)[0] == f"{home}faq/" and f"{home}faq/#compensation" in first_links(page)
    for words in common:
        assert search(page, words) == [], words
    context.close()
