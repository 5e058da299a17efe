"""Each language's declaration in mkdocs.yml (extra.language, scripts/source/locales.py): what the site's two
languages say, and a wrong value told with its line in mkdocs.yml, through the source checks."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.features.registry import check_sources
from scripts.source.locales import read_language, search_language
from scripts.source.parse import load_site

ROOT = Path(__file__).resolve().parents[2]


def test_the_site_s_languages_as_mkdocs_yml_declares_them() -> None:
    site = load_site(ROOT)
    french, english = (read_language(site, lang)[0] for lang in ("fr", "en"))
    assert (french.locale, french.tag, french.typography, french.date_format) == ("fr_FR", "fr-FR", "french", "d MMMM y")
    assert (english.locale, english.tag, english.typography, english.date_format) == ("en_GB", "en-GB", "none",
                                                                                      "d MMMM y")
    assert "c.-à-d." in french.abbreviations and "e.g." in english.abbreviations and "e.g." not in french.abbreviations
    assert french.bare("l’accueil") == "accueil" and french.bare("Qu'il") == "il" and english.bare("l’x") == "l’x"


@pytest.mark.parametrize(("line", "wrong", "message"), [
    ("              region: GB", "              region: gb", "the field 'region' must be a country code"),
    ("              region: GB", "              region: ZZ", "Babel knows no language 'en' in the region 'ZZ'"),
    ("              typography: none", "              typography: swiss", "the field 'typography' must be one of: "
     "french, none, not 'swiss'"),
    ("              typography: none", "              typography: none\n              date_format: \"d MMMMMMMMM y\"",
     "the date format"),
    ("              typography: none", "              typography: none\n              dates: long",
     "the language 'en' has an unknown field 'dates'"),
])
def test_a_wrong_declaration_is_told_on_its_line(line: str, wrong: str, message: str, project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("            language:\n              region: GB")
    config.write_text(text[:start] + text[start:].replace(line, wrong, 1), "utf-8")
    found = [p for p in check_sources(load_site(project)) if message in p.message]
    assert len(found) == 1 and found[0].path == "mkdocs.yml"
    assert found[0].line is not None and wrong.split("\n")[-1] in config.read_text("utf-8").splitlines()[found[0].line - 1]


def test_search_stems_a_language_only_with_material_s_file_for_it(tmp_path: Path) -> None:
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.de.min.js").write_text("", "utf-8")
    assert [search_language(lang, tmp_path) for lang in ("de", "en", "uk")] == ["de", "en", "en"]
