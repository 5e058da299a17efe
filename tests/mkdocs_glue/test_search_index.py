"""One search index per language (scripts/mkdocs_glue/search_index.py) and Material's script fix
(scripts/mkdocs_glue/material_fixes.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.mkdocs_glue import material_fixes, search_index

MERGED = {"config": {"lang": ["fr", "en"], "separator": "x"},
          "docs": [{"location": "", "title": "Accueil"}, {"location": "faq/#a", "title": "A"},
                   {"location": "en/", "title": "Home"}, {"location": "en/faq/#a", "title": "A"}]}


def test_a_language_index_has_that_language_only_relative_to_its_root() -> None:
    english = search_index.language_index(MERGED, "en", "fr")
    assert english["config"] == {"lang": ["en"], "separator": "x"}
    assert [doc["location"] for doc in english["docs"]] == ["", "faq/#a"]


def test_pages_search_their_own_language_with_our_worker() -> None:
    page = ('<script id="__config" type="application/json">{"base": "../..", "search": '
            '"../../assets/javascripts/workers/search.1234.min.js", "x": "</script>"}</script>')
    english = search_index.point_page_at_language(page.replace('"x": "</script>"', '"x": "\\u003c/b>"'), "en", "fr")
    config = json.loads(re.search(r'json">(.*?)</script>', english).group(1))  # type: ignore[union-attr]
    assert config["base"] == "../../en/"
    assert config["search"] == "../../assets/javascripts/workers/site-search.js?material=search.1234.min.js"
    assert "</b>" not in english  # still safe inside <script>
    french = search_index.point_page_at_language(page.replace('"x": "</script>"', '"x": 1'), "fr", "fr")
    assert json.loads(re.search(r'json">(.*?)</script>', french).group(1))["base"] == "../.."  # type: ignore[union-attr]


def test_the_built_site_has_one_index_per_language(built_site: Path) -> None:
    for root, lang in (built_site, "fr"), (built_site / "en", "en"):
        index = json.loads((root / search_index.INDEX).read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        assert len(index["docs"]) > 20
        for doc in index["docs"]:
            page = root / doc["location"].split("#")[0] / "index.html"
            assert page.is_file(), (lang, doc["location"])
            assert f'<html lang="{lang}"' in page.read_text("utf-8")


def test_materials_script_is_fixed_and_a_changed_script_is_reported(built_site: Path, tmp_path: Path) -> None:
    bundle = next(built_site.glob(material_fixes.BUNDLE)).read_text("utf-8")
    assert material_fixes.FIXED in bundle and material_fixes.SELECTOR not in bundle
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    target = tmp_path / "assets/javascripts/bundle.abc.min.js"
    target.write_text(f'x={material_fixes.SELECTOR};', "utf-8")
    assert material_fixes.fix_alternate_sitemaps(tmp_path) is None
    assert target.read_text("utf-8") == f'x={material_fixes.FIXED};'
    assert material_fixes.fix_alternate_sitemaps(tmp_path) is None  # fixing twice changes nothing
    target.write_text("x=1;", "utf-8")
    assert "no longer selects" in (material_fixes.fix_alternate_sitemaps(tmp_path) or "")


def test_search_words_go_to_the_page_entry_only() -> None:
    entries = [{"location": "faq/", "title": "FAQ", "text": ""}, {"location": "faq/#pay", "title": "Pay", "text": ""},
               {"location": "about/", "title": "About", "text": ""}]
    search_index.add_search_words(entries, "faq/", ("salaire", "argent"))
    assert entries[0][search_index.KEYWORDS] == "salaire argent"
    assert [search_index.KEYWORDS in entry for entry in entries] == [True, False, False]
    search_index.add_search_words(entries, "about/", ())
    assert search_index.KEYWORDS not in entries[2]


def test_the_built_indexes_hold_each_languages_own_words_weighed_like_titles(built_site: Path) -> None:
    for root, words, foreign in ((built_site, "éligibilité", "requirements"),
                                 (built_site / "en", "requirements", "éligibilité")):
        index = json.loads((root / search_index.INDEX).read_text("utf-8"))
        fields = index["config"]["fields"]
        assert fields[search_index.KEYWORDS]["boost"] == fields["title"]["boost"]
        pages = {doc["location"]: doc.get(search_index.KEYWORDS, "") for doc in index["docs"]}
        assert words in pages["eligibility/"]
        assert not any(foreign in value for value in pages.values())
        sections = {location for location, value in pages.items() if "#" in location and value}
        assert sections == {"faq/#compensation", "faq/#recruitment", "programme/#compensation", "take-part/#apply"}
