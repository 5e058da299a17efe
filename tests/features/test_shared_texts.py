"""Shared texts: one wording in mkdocs.yml, written where a page has its marker; a missing one is named at its
file and line, in the page or in mkdocs.yml."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from scripts.features.programme.render import markdown_html
from scripts.features.shared_texts import checks
from scripts.features.shared_texts.model import read_texts
from scripts.features.shared_texts.render import fill_texts
from scripts.problems import Problem
from scripts.source.parse import load_site

from ..conftest import ROOT

# The facts that issue 23 asks to word once, and the pages that repeat them (both languages).
SHARED = {"certificate": ["take-part.md", "programme.md", "faq.md"],
          "selection": ["eligibility.md", "take-part.md", "faq.md"],
          "facilitator-languages": ["eligibility.md", "programme.md", "faq.md"],
          "where-open": ["eligibility.md", "take-part.md", "faq.md", "about.md"]}


def _problems(project: Path) -> list[Problem]:
    site = load_site(project)
    return [problem for check in checks.CHECKS for problem in check(site)]


def test_the_real_texts_exist_in_both_languages_and_the_pages_use_them() -> None:
    site = load_site(ROOT)
    assert _problems(ROOT) == []
    for lang in ("fr", "en"):
        texts = read_texts(site, lang)[0]
        for ident, rels in SHARED.items():
            assert ident in texts, (lang, ident)
            for rel in rels:
                page = site.page(lang, rel)
                assert page is not None and page.line_of(f"<!-- text:{ident} -->"), (lang, ident, rel)


def test_an_unknown_marker_is_named_at_its_line(project: Path) -> None:
    page = project / "docs/fr/faq.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(20, "Voir : <!-- text:certificat -->")
    page.write_text("\n".join(lines) + "\n", "utf-8")
    found = _problems(project)
    assert [(p.path, p.line) for p in found] == [("docs/fr/faq.md", 21)]
    assert "'certificat' does not exist" in found[0].message and "certificate" in found[0].hint


def test_a_text_missing_in_one_language_is_named_in_mkdocs_yml(project: Path) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text("utf-8").splitlines()
    english = [n for n, line in enumerate(lines) if line.strip().startswith("certificate: \"Once")][0]
    french = [n for n, line in enumerate(lines) if line.strip().startswith("certificate: \"Quand")][0]
    del lines[english]
    config.write_text("\n".join(lines) + "\n", "utf-8")
    found = _problems(project)
    assert ("mkdocs.yml", french + 1) in [(p.path, p.line) for p in found]
    assert any("'certificate' of 'fr' has no counterpart in 'en'" in p.message for p in found)
    assert any(p.path == "docs/en/faq.md" and "'certificate' does not exist" in p.message for p in found)


def test_an_empty_text_is_a_problem(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        'certificate: "Once you have completed the programme, you receive a certificate."', 'certificate: ""'), "utf-8")
    assert any("'certificate' of 'en' is empty" in p.message for p in _problems(project))


def test_a_marker_becomes_a_paragraph_alone_and_inline_text_elsewhere() -> None:
    texts = {"open": "Open in [Lyon](lyon.md)."}

    def to_html(text: str) -> str:
        return markdown_html(text, lambda href: "../" + href)

    html = "<p>Intro</p>\n<!-- text:open -->\n<ul>\n<li><!-- text:open --></li>\n</ul>\n<p>See: <!-- text:nope --></p>"
    assert fill_texts(html, texts, to_html) == (
        '<p>Intro</p>\n<p>Open in <a href="../lyon.md">Lyon</a>.</p>\n<ul>\n'
        '<li>Open in <a href="../lyon.md">Lyon</a>.</li>\n</ul>\n<p>See: <!-- text:nope --></p>')


def test_the_built_pages_show_the_text_of_their_language(built_site: Path) -> None:
    site = load_site(ROOT)
    for lang, prefix in (("fr", ""), ("en", "en/")):
        texts = read_texts(site, lang)[0]
        for ident, rels in SHARED.items():
            expected = BeautifulSoup(markdown_html(texts[ident], str), "html.parser").get_text()
            for rel in rels:
                html = (built_site / prefix / rel.replace(".md", "/index.html")).read_text("utf-8")
                article = BeautifulSoup(html, "html.parser").find("article")
                assert article is not None and "text:" not in str(article.find_all(string=True)), (lang, rel)
                shown = " ".join(article.get_text().split())
                assert " ".join(expected.split()) in shown, (lang, ident, rel)
