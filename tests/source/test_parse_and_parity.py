"""The source model and the parity checks, on small sites written by the tests."""
from __future__ import annotations

from pathlib import Path

from scripts.source import parity
from scripts.source.parse import load_site

CONFIG = """\
site_name: Test
site_url: !ENV [TEST_SITE_URL_UNSET, "http://127.0.0.1:8000/"]
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: fr
          default: true
          name: Français
        - locale: en
          name: English
          nav_translations:
            Guides: Guides
nav:
  - index.md
  - Guides:
      - guide.md
"""


def make_site(tmp_path: Path, fr: str, en: str, config: str = CONFIG) -> Path:
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    for lang, text in (("fr", fr), ("en", en)):
        folder = tmp_path / "docs" / lang
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("# Accueil\n", "utf-8")
        (folder / "guide.md").write_text(text, "utf-8")
    return tmp_path


def messages(root: Path) -> list[str]:
    """What reading the files and the parity checks say (the other check modules have their own tests)."""
    site = load_site(root)
    return [str(problem) for problem in [*site.problems, *(p for check in parity.CHECKS for p in check(site))]]


def test_parallel_pages_have_no_problem(tmp_path: Path) -> None:
    fr = ("---\ntitle: Guide\n---\n# Guide\n\n## Dates {#dates}\n\nLe 12\u00a0mars 2025, 1\u00a0500 personnes "
          "[FAQ](index.md#top).\n\n```\ncode 99\n```\n")
    en = "---\ntitle: Guide\n---\n# Guide\n\n## Dates {#dates}\n\nOn 12 March 2025, 1,500 people [FAQ](index.md#top).\n"
    assert messages(make_site(tmp_path, fr, en)) == []


def test_model_reads_headings_links_numbers_and_front_matter(tmp_path: Path) -> None:
    text = ("---\ntitle: Guide\nperiod: 2024\n---\n# Guide\n\n## Un {#one}\n\n1. étape 7 [lien](sub/page.md#x)\n"
            "![image](../assets/a.png) <a href=\"../y/\">y</a> https://example.org/2016\n")
    page = load_site(make_site(tmp_path, text, text)).page("fr", "guide.md")
    assert page is not None
    assert page.meta == {"title": "Guide", "period": 2024} and page.meta_lines == {"title": 2, "period": 3}
    assert [(h.level, h.id, h.line) for h in page.headings] == [(1, None, 5), (2, "one", 7)]
    assert [(link.target, link.is_image, link.in_html) for link in page.links] == [
        ("sub/page.md#x", False, False), ("../assets/a.png", True, False), ("../y/", False, True)]
    assert page.sections[-1].numbers == {"7": 9}  # not the list marker, the URL or the front matter


def test_number_in_one_language_is_reported_with_its_section_and_line(tmp_path: Path) -> None:
    fr = "# Guide\n\n## Groupe {#group}\n\nAu moins 15 personnes.\n"
    en = "# Guide\n\n## Group {#group}\n\nAt least 16 people.\n"
    found = messages(make_site(tmp_path, fr, en))
    assert any(m.startswith("docs/fr/guide.md:5: the number 15 in section #group") for m in found), found
    assert any(m.startswith("docs/en/guide.md:5: the number 16 in section #group") for m in found), found


def test_justified_number_difference_can_be_marked(tmp_path: Path) -> None:
    fr = "# Guide\n\n## Heure {#time}\n\nÀ 14\u00a0h.\n<!-- numbers-differ: 14, 2 -->\n"
    en = "# Guide\n\n## Time {#time}\n\nAt 2 pm.\n"
    assert messages(make_site(tmp_path, fr, en)) == []


def test_heading_without_id_and_missing_nav_translation(tmp_path: Path) -> None:
    config = CONFIG.replace("          nav_translations:\n            Guides: Guides\n", "")
    found = messages(make_site(tmp_path, "# Guide\n\n## Sans id\n", "# Guide\n\n## No id\n", config))
    assert any("docs/fr/guide.md:3: the heading 'Sans id' has no id" in m for m in found), found
    assert any(m.startswith("mkdocs.yml:") and "'Guides' has no EN title" in m for m in found), found


def test_pending_page_needs_no_counterpart_but_only_in_the_main_language(tmp_path: Path) -> None:
    root = make_site(tmp_path, "# Guide\n", "# Guide\n")
    (root / "docs/fr/new.md").write_text("---\ntranslation: pending\n---\n# Nouveau\n", "utf-8")
    assert messages(root) == []
    (root / "docs/en/other.md").write_text("---\ntranslation: pending\n---\n# Other\n", "utf-8")
    assert any(m.startswith("docs/en/other.md:2: a page can wait for its translation only if it is written in FR")
               for m in messages(root))


def test_extra_link_in_one_language(tmp_path: Path) -> None:
    found = messages(make_site(tmp_path, "# Guide\n\n[x](index.md)\n", "# Guide\n"))
    assert found == ["docs/fr/guide.md:3: the link to 'index.md' has no counterpart in docs/en/guide.md. "
                     "How to fix: link to the same page, image or file in both languages"]
