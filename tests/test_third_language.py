"""A third language needs no code: a copy of the project gets German as an editor would add it (its block in
mkdocs.yml and docs/de/, from tests/fixtures/german/), builds with the whole pipeline, and German is everywhere a
language is: its pages and their <html lang>, the language menus, its search index, the sitemap, og:locale, the
read-aloud voice, the 404 page. Its language rules (region, dates) come from Babel's data: the block declares none."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import pipeline
from scripts.problems import format_text
from scripts.source.locales import read_language, rules_of
from scripts.source.parse import load_site

FIXTURE = Path(__file__).parent / "fixtures" / "german"
VERSIONS = {"fr": ("                en: la version anglaise\n", "                de: la version allemande\n"),
            "en": ("                fr: the French version\n", "                de: the German version\n")}


def add_german(project: Path) -> None:
    """German's block after the others under the i18n plugin's languages; its name in the others' notice of an
    outdated page (``versions``, checked); its home page translated, the other pages awaiting their translation."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("\nnav:", "\n" + (FIXTURE / "language.yml").read_text("utf-8") + "\nnav:", 1)
    for before, added in VERSIONS.values():
        text = text.replace(before, before + added, 1)
    config.write_text(text, "utf-8")
    (project / "docs/de").mkdir()
    shutil.copy(FIXTURE / "index.md", project / "docs/de/index.md")
    for page in (project / "docs/fr").rglob("*.md"):
        if page != project / "docs/fr/index.md":
            page.write_text(page.read_text("utf-8").replace("---\n", "---\ntranslation: pending\n", 1), "utf-8")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_german_rules_come_from_babel_without_a_declaration(project: Path) -> None:
    add_german(project)
    site = load_site(project)
    rules, problems = read_language(site, "de")
    assert problems == [] and site.languages == ["fr", "en", "de"]
    assert (rules.locale, rules.tag, rules.typography, rules.abbreviations) == ("de_DE", "de-DE", "none", frozenset())
    assert rules_of(site, "de").format_day(date(2025, 3, 12)) == "12. März 2025"


@pytest.mark.build
def test_a_third_language_needs_only_its_block_and_its_folder(project: Path) -> None:
    add_german(project)
    site = project / "site"
    result = pipeline.build(project, site)
    assert result.ok, format_text(result.problems)

    home, faq = _soup(site / "de/index.html"), _soup(site / "de/faq/index.html")
    assert home.html is not None and home.html["lang"] == "de" and faq.html is not None and faq.html["lang"] == "de"
    assert "Kann ich mitmachen?" in home.get_text() and "noch nicht auf Deutsch übersetzt" in faq.get_text()
    for page, link in ((_soup(site / "faq/index.html"), "../de/faq/"), (_soup(site / "en/faq/index.html"),
                                                                        "../../de/faq/")):
        menu = {a["hreflang"]: (a["href"], a.get_text(strip=True)) for a in page.select("a.md-select__link")}
        assert menu["de"] == (link, "Deutsch") and set(menu) == {"fr", "en", "de"}
        assert page.select_one(f'a.rc-language[hreflang="de"][href="{link}"]') is not None  # the header's word
    for page in (home, faq):
        assert page.select_one('meta[property="og:locale"]')["content"] == "de_DE"  # type: ignore[index]
    assert {m["content"] for m in _soup(site / "index.html").select('meta[property="og:locale:alternate"]')} == \
        {"en_GB", "de_DE"}
    assert faq.select_one(".rc-listen")["data-voice"] == "de-DE"  # type: ignore[index]

    index = json.loads((site / "de/search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["de"]   # Material ships lunr.de.min.js: German stems
    assert any("Kann ich mitmachen?" in doc["text"] for doc in index["docs"] if doc["location"] == "")
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/de/</loc>" in sitemap and "/de/faq/</loc>" in sitemap and 'hreflang="de"' in sitemap
    not_found = {str(s["lang"]): s.get_text(" ", strip=True) for s in _soup(site / "404.html").select("main section")}
    assert set(not_found) == {"fr", "en", "de"} and "Seite nicht gefunden" in not_found["de"]
