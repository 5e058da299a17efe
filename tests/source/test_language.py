"""A page, or a section, written in the other language is found; names, quotations and short pages are not."""
from __future__ import annotations

from pathlib import Path

from scripts.source.language import written_in_its_language
from scripts.source.parse import load_site

ENGLISH = ("This section was written in English by mistake. It says that the programme is for all of you, "
           "and that you can ask us when you want to take part in the workshops with the other people.")


def _problems(project: Path) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in written_in_its_language(load_site(project))]


def test_the_real_pages_are_in_their_language(project: Path) -> None:
    assert _problems(project) == []


def test_an_english_section_in_a_french_page_is_found_at_its_heading(project: Path) -> None:
    page = project / "docs/fr/about.md"
    page.write_text(page.read_text("utf-8") + f"\n## Section oubliée {{#forgotten}}\n\n{ENGLISH}\n", "utf-8")
    line = len(page.read_text("utf-8").splitlines()) - 2
    found = _problems(project)
    assert found == [f"docs/fr/about.md:{line}: this section seems to be written in English, not in French "
                     f"(words such as {found[0].split('such as ')[1]}"], found


def test_quotations_names_and_short_texts_do_not_count(project: Path) -> None:
    page = project / "docs/fr/about.md"
    page.write_text(page.read_text("utf-8") + "\n## Citations {#quotes}\n\n"
                    "Le site anglais dit « This is for all of you and for the people of the city ». "
                    "Voir aussi “What is the programme for and who can take part in it”, The Place Of The Network.\n\n"
                    "## Court {#short}\n\nThank you for the help.\n", "utf-8")
    assert _problems(project) == []
