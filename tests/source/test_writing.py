"""The writing rules checked in the sources: straight apostrophes in French, forbidden words, number and unit
spacing in French; each found at its file and line, quotations, code and addresses left alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts import pipeline
from scripts.features.registry import check_sources
from scripts.problems import Problem
from scripts.source.parse import load_site
from scripts.source.writing import forbidden_words, number_unit_spacing, straight_apostrophes

NBSP = "\u00a0"


def _append(project: Path, rel: str, text: str) -> int:
    """Add ``text`` at the end of ``rel`` (under docs/); the line number of its first line."""
    page = project / "docs" / rel
    before = page.read_text("utf-8")
    page.write_text(before.rstrip("\n") + "\n\n" + text + "\n", "utf-8")
    return len(before.rstrip("\n").splitlines()) + 2


def _where(problems: list[Problem]) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.level) for p in problems]


def test_the_real_sources_follow_the_rules(project: Path) -> None:
    site = load_site(project)
    assert [str(p) for p in (*straight_apostrophes(site), *forbidden_words(site), *number_unit_spacing(site))] == []


def test_a_straight_apostrophe_in_french_prose_is_an_error_but_not_in_code_or_addresses(project: Path) -> None:
    line = _append(project, "fr/about.md", "Voici l'accueil du programme.\n\n"
                   "Le code `l'exemple` et [un lien](https://example.org/l'adresse) restent.\n\n"
                   "<!-- A note to editors, over two lines:\nthe page's text is not checked here. -->")
    found = straight_apostrophes(load_site(project))
    assert _where(list(found)) == [("docs/fr/about.md", line, "error")]
    assert "l'accueil" in str(next(straight_apostrophes(load_site(project))))
    assert "How to fix" in str(next(straight_apostrophes(load_site(project))))


def test_a_straight_apostrophe_in_a_french_text_of_mkdocs_yml_is_found_not_in_english(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("un programme de PLACE Network (français", "l'unique programme de PLACE Network (français")
    assert "l'unique" in text  # extra.zim, outside the languages: not reader text here
    text = text.replace('hint: "définition"', 'hint: "définition d\'un mot"', 1)
    config.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "définition d'un mot" in row)
    assert _where(list(straight_apostrophes(load_site(project)))) == [("mkdocs.yml", line, "error")]


def test_a_forbidden_word_is_an_error_unless_quoted(project: Path) -> None:
    line = _append(project, "fr/about.md", "Le programme aide les personnes migrantes et leur communauté.\n\n"
                   "La Ville parle de personnes exilées.\n\nLe texte dit « les migrants ».")
    english = _append(project, "en/about.md", "It helps migrants.\n\nThe City speaks of migrants.\n\nIt says “migrants”.")
    found = sorted(_where(list(forbidden_words(load_site(project)))))
    assert found == [("docs/en/about.md", english, "error"), ("docs/fr/about.md", line, "error"),
                     ("docs/fr/about.md", line, "error")]


def test_point_median_and_brackets_are_forbidden_in_french(project: Path) -> None:
    line = _append(project, "fr/faq.md", "Vous êtes engagé·e ou intéressé(e) ?")
    messages = [p.message for p in forbidden_words(load_site(project)) if p.line == line]
    assert len(messages) == 2 and "engagé·e" in messages[0] and "intéressé(e)" in messages[1], messages


def test_ids_and_yaml_comments_are_not_text(project: Path) -> None:
    page = project / "docs/fr/eligibility.md"
    text = page.read_text("utf-8").replace("  - id: interest\n", "  - id: interest  # the migrants' interest\n")
    page.write_text(text, "utf-8")
    site = load_site(project)
    assert list(forbidden_words(site)) == [] and list(straight_apostrophes(site)) == []


def test_a_number_and_its_unit_without_a_no_break_space_is_a_warning(project: Path) -> None:
    line = _append(project, "fr/programme.md", f"Une formation de 3 heures, puis 2{NBSP}jours, et 5 % de plus.")
    found = list(number_unit_spacing(load_site(project)))
    assert _where(found) == [("docs/fr/programme.md", line, "warning")] * 2
    assert "3 heures" in found[0].message and "5 %" in found[1].message
    _append(project, "en/programme.md", "A training of 3 hours.")
    assert {p.path for p in number_unit_spacing(load_site(project))} == {"docs/fr/programme.md"}


def test_the_build_stops_on_the_errors_and_goes_on_with_the_warnings(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_run_stages", lambda *_: True)  # MkDocs and what follows: not what is tested
    page = project / "docs/fr/about.md"
    _append(project, "fr/about.md", "Voici l'accueil, en 3 heures.")
    _append(project, "en/about.md", "This is the welcome, in 3 hours.")
    assert sorted(p.level for p in check_sources(load_site(project))) == ["error", "warning"]
    assert not pipeline.build(project, check_links=False).ok  # the straight apostrophe
    page.write_text(page.read_text("utf-8").replace("l'accueil", "l’accueil"), "utf-8")
    result = pipeline.build(project, check_links=False)
    assert result.ok and [p.path for p in result.warnings if "unit" in p.message] == ["docs/fr/about.md"]
