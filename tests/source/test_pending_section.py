"""The editor's French-only FAQ question (usability report, M7), on a copy of the project: the first message points
at the file and line the editor changed; marked as awaiting its translation, the question is published, and
English readers get it at its place, in French, under a notice in English; one broken link gives one message."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import pipeline
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.config import messages, read_config
from scripts.source.parse import load_site
from scripts.source.pending import MARK

pytestmark = pytest.mark.build  # whole builds of project copies: left out of make test-fast

QUESTION = ("### Faut-il un titre de séjour pour participer\u00a0? {#residence-permit}\n\n"
            "Lisez les critères sur la page [Qui peut participer\u00a0?](eligibility.md).\n\n")
BEFORE = "## Pendant le programme {#during-the-programme}"


def add_question(project: Path, mark: bool) -> int:
    """Insert the French question before « Pendant le programme »; return the line of its heading."""
    faq = project / "docs/fr/faq.md"
    text = faq.read_text("utf-8")
    question = QUESTION.replace("}\n\n", "}\n" + MARK + "\n\n", 1) if mark else QUESTION
    faq.write_text(text.replace(BEFORE, question + BEFORE, 1), "utf-8")
    return text[:text.index(BEFORE)].count("\n") + 1


def test_the_first_message_is_about_the_line_the_editor_added(project: Path) -> None:
    line = add_question(project, mark=False)
    problems = check_sources(load_site(project))
    first = format_text(problems).splitlines()[0]
    assert first.startswith(f"docs/fr/faq.md:{line}: the heading #residence-permit has no counterpart in "
                            "docs/en/faq.md"), first
    assert MARK in first  # how to publish it before its translation
    assert {p.path for p in problems} == {"docs/fr/faq.md"}


def test_a_section_awaiting_translation_is_published_with_a_notice_in_the_other_language(project: Path) -> None:
    line = add_question(project, mark=True)
    result = pipeline.build(project, project / "site")
    assert result.ok, format_text(result.problems)
    notice = str(messages(read_config(project / "mkdocs.yml"), "en")["pending_section"])
    english = BeautifulSoup((project / "site/en/faq/index.html").read_text("utf-8"), "html.parser")
    heading = english.select_one("#residence-permit")
    assert heading is not None and heading.get("lang") == "fr"
    assert heading.get_text().startswith("Faut-il un titre de séjour")
    following = [h.get("id") for h in english.select("h2[id], h3[id]")]
    assert following.index("residence-permit") + 1 == following.index("during-the-programme")  # at its place
    note = heading.find_next_sibling()
    assert note is not None and "rc-pending" in (note.get("class") or []) and note.get_text().strip() == notice
    answer = note.find_next_sibling()
    assert answer is not None and answer.get("lang") == "fr" and "Lisez les critères" in answer.get_text()
    french = (project / "site/faq/index.html").read_text("utf-8")
    assert 'id="residence-permit"' in french and "rc-pending" not in french

    # Once translated, the mark must go: the build says where it is.
    english_faq = project / "docs/en/faq.md"
    english_faq.write_text(english_faq.read_text("utf-8").replace(
        BEFORE.replace("Pendant le programme", "During the programme"),
        "### Do you need a residence permit to take part? {#residence-permit}\n\nRead the criteria on the page "
        "[Who can join?](eligibility.md).\n\n## During the programme {#during-the-programme}", 1), "utf-8")
    problems = check_sources(load_site(project))
    assert [(p.path, p.line) for p in problems] == [("docs/fr/faq.md", line + 1)]
    assert "remove the line" in problems[0].hint


def test_one_broken_link_gives_one_message(project: Path) -> None:
    faq = project / "docs/fr/faq.md"
    text = faq.read_text("utf-8")
    assert "(eligibility.md)" in text
    faq.write_text(text.replace("(eligibility.md)", "(eligibilite.md)", 1), "utf-8")
    problems = check_sources(load_site(project))
    assert len(problems) == 1 and problems[0].path == "docs/fr/faq.md", format_text(problems)
    assert "leads to no page or file" in problems[0].message
