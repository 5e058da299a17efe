"""The language check on the published text: English in a French page is found however the Markdown wrote it."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.built.language import check_language
from scripts.source.parse import load_site

ENGLISH = "The programme is for you. You can apply now and we will answer all of your questions about it."
CASES = {
    "capitalised": "<p>" + ENGLISH.title() + "</p>",
    "one paragraph in a long French page": f"<p>{'Un texte en français pour tout le monde. ' * 30}</p><p>{ENGLISH}</p>",
    "in quotes": f"<p>« {ENGLISH} »</p><p>“{ENGLISH}”</p>",
    "in a heading": '<h2 id="x">What You Need To Know About The Programme And Why It Is For You And Your Friends</h2>',
    "what a fake fence published": f"<p hidden>\n~~~\n</p>\n<p>{ENGLISH}</p>",
    "after <!-->": f"<!--><p>{ENGLISH}</p><!-- -->",
    "bare text after <!-->": f"<!-->\n\n{ENGLISH}\n\n<!-- -->",
    "in what a fence made a code block": f"<p>{'Un texte en français. ' * 40}</p><pre><code>&lt;/p&gt;\n\n{ENGLISH}"
                                         "\n</code></pre>",
}
FRENCH = "<h1>À propos</h1><p>Le programme est pour vous. Vous pouvez participer et nous répondons à vos questions.</p>"


def _built(tmp_path: Path, article: str) -> Path:
    page = tmp_path / "out" / "about" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<html lang='fr'><body><article>{FRENCH}{article}</article></body></html>", "utf-8")
    return tmp_path / "out"


@pytest.mark.parametrize("name", list(CASES))
def test_english_in_a_french_page_is_found_on_the_published_text(name: str, project: Path, tmp_path: Path) -> None:
    problems = check_language(load_site(project), _built(tmp_path, CASES[name]))
    assert [p.path for p in problems][:1] == ["docs/fr/about.md"] and "English" in problems[0].message, problems


def test_a_quotation_marked_as_english_is_left_out(project: Path, tmp_path: Path) -> None:
    article = f'<p><span lang="en">{ENGLISH}</span></p><blockquote lang="en"><p>{ENGLISH}</p></blockquote>'
    assert check_language(load_site(project), _built(tmp_path, article)) == []
