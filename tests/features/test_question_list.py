"""A long page's list of questions (features/question_list): its questions under their sections, or nothing."""
from __future__ import annotations

from scripts.features.question_list.render import MINIMUM, question_list, with_question_list


def page(questions: int) -> str:
    body = "".join(f'<h3 id="q{n}">Question <em>{n}</em>\u00a0?</h3><p>Answer.</p>' for n in range(questions))
    return f'<h1 id="t">Title</h1><p>Intro.</p><h2 id="s">Section</h2>{body}'


def test_a_page_of_many_questions_lists_them_under_their_section_after_its_title() -> None:
    html = with_question_list(page(MINIMUM), "The {count} questions")
    assert html.startswith('<h1 id="t">Title</h1><details class="rc-questions" data-search-exclude>')
    assert f"<summary>The {MINIMUM} questions</summary>" in html
    assert '<li><a href="#s">Section</a><ul><li><a href="#q0">Question 0\u00a0?</a></li>' in html


def test_a_page_of_few_questions_is_left_as_it_is() -> None:
    assert question_list(page(MINIMUM - 1), "{count}") == ""
    assert with_question_list(page(MINIMUM - 1), "{count}") == page(MINIMUM - 1)


def test_a_question_in_another_language_keeps_its_language_in_the_list() -> None:
    """A section awaiting its translation (source/pending.py) shows its heading in its own language."""
    html = page(MINIMUM).replace('<h3 id="q1">', '<h3 id="q1" lang="fr">').replace('<h2 id="s">', '<h2 id="s" lang="fr">')
    listing = question_list(html, "{count}")
    assert '<li><a href="#s" lang="fr">Section</a><ul><li><a href="#q0">Question 0\u00a0?</a></li>' in listing
    assert '<li><a href="#q1" lang="fr">Question 1\u00a0?</a></li>' in listing
