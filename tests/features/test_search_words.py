"""Search words (features/search_words): read from the front matter, checked, and put in the index."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.features.search_words.checks import keywords_valid
from scripts.features.search_words.reader import read_keywords, read_section_keywords
from scripts.mkdocs_glue import search_index
from scripts.source.parse import load_site

from ..conftest import ROOT


def test_the_real_pages_list_words_in_their_own_language() -> None:
    site = load_site(ROOT)
    assert not list(keywords_valid(site))
    eligibility = {lang: read_keywords(site.pages[(lang, "eligibility.md")])[0] for lang in ("fr", "en")}
    assert "éligibilité" in eligibility["fr"] and "requirements" in eligibility["en"]
    assert not set(eligibility["fr"]) & {"requirements", "qualify"}
    assert read_keywords(site.pages[("fr", "index.md")]) == ((), [])


def test_words_written_as_one_text_are_a_problem_on_their_line(project: Path) -> None:
    page = project / "docs/fr/take-part.md"
    text = page.read_text("utf-8")
    start = text.index("keywords:")
    end = text.index("\n", start)
    page.write_text(text[:start] + "keywords: inscription, candidature" + text[end:], "utf-8")
    line = text[:start].count("\n") + 1
    problems = list(keywords_valid(load_site(project)))
    assert [(p.path, p.line) for p in problems] == [("docs/fr/take-part.md", line)]
    assert "must be a list of texts" in problems[0].message and "keywords: [" in problems[0].hint


def test_an_empty_list_or_an_empty_word_is_a_problem(project: Path) -> None:
    page = project / "docs/en/faq.md"
    for value in ("[]", '[salary, ""]', "[salary, [pay]]"):
        text = page.read_text("utf-8")
        start = text.index("keywords:")
        page.write_text(text[:start] + f"keywords: {value}" + text[text.index("\n", start):], "utf-8")
        assert [p.path for p in keywords_valid(load_site(project))] == ["docs/en/faq.md"], value


def test_section_words_name_a_heading_of_the_page_and_go_into_its_entry(project: Path) -> None:
    site = load_site(ROOT)
    faq = read_section_keywords(site.pages[("fr", "faq.md")])
    assert "papiers" in faq[0]["recruitment"] and "salaire" in faq[0]["compensation"] and faq[1] == []
    entries: list[dict[str, Any]] = [{"location": "faq/"}, {"location": "faq/#compensation"}, {"location": "faq/#a"}]
    search_index.add_search_words(entries, "faq/", ("argent",), {"compensation": ("salaire", "payé")})
    assert [entry.get("keywords") for entry in entries] == ["argent", "salaire payé", None]

    page = project / "docs/en/faq.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("  compensation: [", "  pay-and-costs: [", 1), "utf-8")
    line = text[:text.index("  compensation: [")].count("\n") + 1
    problems = list(keywords_valid(load_site(project)))
    assert [(p.path, p.line) for p in problems] == [("docs/en/faq.md", line)]
    assert "no heading #pay-and-costs" in problems[0].message and "compensation" in problems[0].hint
