"""``make serve`` rebuilds only the language a save changes, and every page's banner still tells the problems of
every language."""
from __future__ import annotations

from pathlib import Path

from scripts.mkdocs_glue.live_check import LiveCheck, banner_html, refresh_banners
from scripts.mkdocs_glue.serve import languages_to_build
from scripts.problems import Problem

LANGS = ["fr", "en"]


def test_a_page_rebuilds_its_language_and_those_that_show_it(project: Path) -> None:
    docs = project / "docs"
    assert languages_to_build(docs, LANGS, {docs / "en/faq.md"}) == ["en"]
    assert languages_to_build(docs, LANGS, {docs / "fr/faq.md", docs / "fr/booklets/index.md"}) == ["fr"]
    assert languages_to_build(docs, LANGS, {docs / "en/faq.md", docs / "fr/about.md"}) == ["fr", "en"]
    (docs / "en/new.md").unlink(missing_ok=True)
    assert languages_to_build(docs, LANGS, {docs / "fr/new.md"}) == ["fr", "en"]  # en shows the French page
    faq = docs / "en/faq.md"
    faq.write_text(faq.read_text("utf-8").replace("---\n", "---\ntranslation: pending\n", 1), "utf-8")
    assert languages_to_build(docs, LANGS, {docs / "fr/faq.md"}) == ["fr", "en"]


def test_the_configuration_a_template_or_an_asset_rebuilds_every_language(project: Path) -> None:
    docs = project / "docs"
    for saved in (project / "mkdocs.yml", docs / "assets/stylesheets/site.css", docs / "fr/picture.png"):
        assert languages_to_build(docs, LANGS, {docs / "fr/faq.md", saved}) == LANGS


def test_the_banners_of_the_language_not_rebuilt_tell_the_new_problems(tmp_path: Path) -> None:
    outdated = Problem("docs/en/faq.md", 1, "this translation may be out of date", "check it", level="warning")
    before = LiveCheck((outdated,), 0.1)  # a box of warnings after the banner, to go with it
    now = LiveCheck((Problem("docs/fr/faq.md", 4, "the link 'x.md' leads to no page or file", "fix it"),), 0.2)
    pages = {"en/faq/index.html": "docs/en/faq.md", "faq/index.html": "docs/fr/faq.md"}
    for rel, source in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(f"<body>{banner_html(before, source)}<h1>FAQ</h1></body>", "utf-8")
    refresh_banners(tmp_path, now)
    for rel, source in pages.items():
        assert (tmp_path / rel).read_text("utf-8") == f"<body>{banner_html(now, source)}<h1>FAQ</h1></body>"
    assert "(this page)" in (tmp_path / "faq/index.html").read_text("utf-8")
    assert "(this page)" not in (tmp_path / "en/faq/index.html").read_text("utf-8")
    assert 'data-source="docs/fr/faq.md"' in (tmp_path / "faq/index.html").read_text("utf-8")
    assert "out of date" not in (tmp_path / "faq/index.html").read_text("utf-8")  # the old warnings box is gone
    refresh_banners(tmp_path, before)
    for rel, source in pages.items():
        assert (tmp_path / rel).read_text("utf-8") == f"<body>{banner_html(before, source)}<h1>FAQ</h1></body>"
    assert "1 to check" in (tmp_path / "faq/index.html").read_text("utf-8")
