"""Readability report: sentences and words of made-up texts in French and English, rare words, settings,
the command, and the entry pages of the real site."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts import cli
from scripts.features.readability import measure, model, report
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.locales import rules_of
from scripts.source.model import Page
from scripts.source.parse import load_site, parse_page

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
ENTRY_PAGES = ("index.md", "eligibility.md", "take-part.md", "programme.md")
RULES = {lang: rules_of(load_site(ROOT), lang) for lang in ("fr", "en")}  # as mkdocs.yml says


def page_of(tmp_path: Path, text: str, lang: str = "fr") -> Page:
    path = tmp_path / f"{lang}.md"
    path.write_text(text, "utf-8")
    page = Page(lang=lang, rel=f"{lang}.md", path=path, display=f"docs/{lang}/x.md")
    assert parse_page(page) == []
    return page


def split(text: str, lang: str) -> list[str]:
    return [sentence for _, sentence in measure.split_sentences(text, RULES[lang])]


# --- sentences and words -------------------------------------------------------------------------

def test_french_sentences_with_french_spacing_and_quotes() -> None:
    text = (f"Vous venez d’arriver{NBSP}? Bienvenue{NBSP}! Lisez «{NBSP}Le guide{NBSP}». "
            f"«{NBSP}Pourquoi{NBSP}?{NBSP}» demande-t-elle. Attention{NBSP}: ce n’est pas fini{NBSP}; "
            "il reste ceci.")
    assert split(text, "fr") == [f"Vous venez d’arriver{NBSP}?", f"Bienvenue{NBSP}!", f"Lisez «{NBSP}Le guide{NBSP}».",
                                 f"«{NBSP}Pourquoi{NBSP}?{NBSP}» demande-t-elle.",
                                 f"Attention{NBSP}: ce n’est pas fini{NBSP}; il reste ceci."]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert split("Il faut un papier, p. ex. un visa. M. Martin et Mme. Diallo, c.-à-d. deux personnes. Fin.",
                 "fr") == ["Il faut un papier, p. ex. un visa.", "M. Martin et Mme. Diallo, c.-à-d. deux personnes.",
                           "Fin."]
    assert split("Some cities, e.g. Lyon, i.e. France. Mr. Smith came etc. and left. Then 2.5 km. Done.", "en") == [
        "Some cities, e.g. Lyon, i.e. France.", "Mr. Smith came etc. and left.", "Then 2.5 km.", "Done."]


def test_words_keep_elisions_hyphens_and_numbers_together() -> None:
    assert measure.words(f"L’accueil, c’est-à-dire «{NBSP}12{NBSP}000 personnes{NBSP}» en 2024{NBSP}: B1 – ok.") == \
        ["L’accueil", "c’est-à-dire", f"12{NBSP}000", "personnes", "en", "2024", "B1", "ok"]


def test_list_items_and_table_cells_count_as_sentences_headings_and_code_do_not(tmp_path: Path) -> None:
    page = page_of(tmp_path, "\n".join([
        "---", "title: Un titre de page qui ne compte pas", "description: Une description qui ne compte pas.", "---",
        "", "# Titre qui ne compte pas", "",
        "Un paragraphe sur", "deux lignes. Une [phrase avec un lien](https://example.org/tres/long/lien) ici.",
        "", "- premier point sans point final", "- second point", "  sur deux lignes.", "",
        "| Atelier | Durée |", "| --- | --- |", "| Atelier A | 2 heures |", "",
        "```", "du code qui ne compte pas. Pas du tout.", "```", "",
        '!!! note "Un titre d’encadré"', "    Le texte de l’encadré.", "",
        "<!-- programme:timeline -->", '<div class="x" markdown>', "", "Du `code en ligne` dans un texte{ .md-button }.",
        "", "</div>", "",
    ]))
    found = [(s.line, s.words, s.text) for s in measure.sentences(page, RULES[page.lang])]
    assert found == [
        (8, 5, "Un paragraphe sur deux lignes."),
        (9, 6, "Une phrase avec un lien ici."),
        (11, 5, "premier point sans point final"),
        (12, 5, "second point sur deux lignes."),
        (17, 2, "Atelier A"), (17, 2, "2 heures"),
        (24, 4, "Le texte de l’encadré."),
        (29, 4, "Du dans un texte."),
    ]


def test_long_sentences_and_averages(tmp_path: Path) -> None:
    long = " ".join(["mot"] * 26) + "."
    page = page_of(tmp_path, f"# Titre\n\nUne phrase courte.\n\n{long}\n\n- un point\n")
    result = measure.measure_pages([page], RULES["fr"], model.Settings())[0]
    assert [(s.line, s.words) for s in result.long(25)] == [(5, 26)]
    assert result.average == pytest.approx((3 + 26 + 2) / 3)
    assert result.long(26) == []


# --- rare words ----------------------------------------------------------------------------------

def test_rare_words_leave_out_names_and_numbers_and_list_the_rarest_first(tmp_path: Path) -> None:
    page = page_of(tmp_path, "\n".join([
        "# Titre", "",
        "Le réseautage aide les personnes. Le programme FAMI aide aussi à Villeurbanne en 2024.",
        "Le réseautage a lieu avec Resilient Cities. Resilient Cities aide les personnes.",
    ]))
    result = measure.measure_pages([page], RULES["fr"], model.Settings(rare_words_shown=2))[0]
    rare = [(r.word, r.count) for r in result.rare]
    assert rare[0] == ("FAMI", 1) and ("réseautage", 2) in rare and len(rare) == 2
    assert result.rare_count == 3  # réseautage ×2, FAMI: Villeurbanne, Resilient, Cities are names
    assert result.words == 20  # 26 words, less 2024 and the names Villeurbanne, Resilient (×2), Cities (×2)
    assert not measure.is_rare("personnes", "fr", 5000) and measure.is_rare("personnes", "fr", 10)


def test_english_rare_words_and_possessives(tmp_path: Path) -> None:
    page = page_of(tmp_path, "# Title\n\nThe city's facilitators help people. The AMIF pays.\n", "en")
    result = measure.measure_pages([page], RULES["en"], model.Settings())[0]
    assert {r.word for r in result.rare} == {"facilitators", "AMIF"}


# --- settings, command, build ---------------------------------------------------------------------

def test_settings_come_from_mkdocs_yml_and_wrong_ones_are_named(project: Path) -> None:
    settings, problems = model.read_settings(load_site(ROOT))
    assert problems == [] and settings.sentence_words == 25
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("sentence_words: 25", "sentence_words: twenty"), "utf-8")
    line = next(n for n, t in enumerate(config.read_text("utf-8").splitlines(), 1) if "sentence_words:" in t)
    shown = format_text(check_sources(load_site(project)))
    assert f"mkdocs.yml:{line}: the readability setting 'sentence_words' must be a whole number above 0" in shown


def test_command_prints_every_page_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(ROOT), "readability"]) == 0
    out = capsys.readouterr().out
    site = load_site(ROOT)
    assert all(f"{page.display}: " in out for page in site.pages.values())
    assert "Summary:" in out and "fr: " in out and "en: " in out


def test_warnings_name_each_long_sentence_with_its_line(tmp_path: Path) -> None:
    long = "Une phrase " + " ".join(["longue"] * 30) + "."
    page = page_of(tmp_path, f"# Titre\n\n{long}\n")
    found = model.Report(model.Settings(), measure.measure_pages([page], RULES["fr"], model.Settings()), {"fr": "docs/fr"})
    shown = [str(p) for p in report.warnings(found)]
    assert shown[0].startswith("docs/fr: readability: 1 pages, 1 sentences, 32.0 words on average, 1 over 25")
    assert shown[1].startswith("docs/fr/x.md:3: a sentence of 32 words (more than 25): “Une phrase longue")


# --- the real site --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entry_pages_have_no_sentence_over_25_words(lang: str) -> None:
    """The home, eligibility, take-part and programme pages: at most 25 words a sentence (issue 13)."""
    site = load_site(ROOT)
    pages = [page for rel in ENTRY_PAGES if (page := site.page(lang, rel)) is not None]
    assert len(pages) == len(ENTRY_PAGES)
    long = [f"{page.display}:{s.line}: {s.words} words" for page in pages for s in measure.sentences(page, RULES[page.lang])
            if s.words > 25]
    assert long == [], "\n".join(long)
