"""The posters: one A4 page per language, made only with a public address, tagged (PDF/UA-1), saying the
site's own words, with a QR code (decoded here from the rendered page) that opens the self-check page."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2  # type: ignore[import-untyped]
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from pypdf import PdfReader

from scripts.features.poster import publish as posters
from scripts.features.poster.texts import poster_texts
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.parse import load_site

from ..conftest import PUBLIC_ADDRESS, ROOT

PREFIX = {"fr": "", "en": "en/"}
A4 = (595, 842)  # points


def words(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_language_has_one_a4_poster_whose_qr_code_opens_its_self_check(published_site: Path, lang: str) -> None:
    path = published_site / "posters" / f"resilient-cities-poster-{lang}.pdf"
    document = pypdfium2.PdfDocument(path)
    assert len(document) == 1 and tuple(round(n) for n in document[0].get_size()) == A4
    image = document[0].render(scale=2).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [(code.format, code.text) for code in codes] == [
        (zxingcpp.BarcodeFormat.QRCode, f"{PUBLIC_ADDRESS}{PREFIX[lang]}eligibility/")]
    assert (published_site / PREFIX[lang] / "eligibility" / "index.html").is_file()
    document.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_poster_says_what_the_take_part_page_says_in_a_tagged_pdf(published_site: Path, lang: str) -> None:
    reader = PdfReader(published_site / "posters" / f"resilient-cities-poster-{lang}.pdf")
    root: Any = reader.root_object
    assert root["/Lang"] == lang and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    text = words(reader.pages[0].extract_text())
    page = BeautifulSoup((published_site / PREFIX[lang] / "take-part" / "index.html").read_text("utf-8"), "html.parser")
    received = page.select("#you-receive ~ ul > li")
    assert len(received) >= 4
    for item in received:  # every thing a newcomer receives, in the page's words
        assert words(item.get_text()) in text
    who = page.select("#who-can-take-part + p + ul > li")
    assert len(who) == 2
    for item in who:
        assert words(item.get_text()).rstrip(";").rstrip("\u00a0")[1:] in text
    assert reader.metadata and words(str(reader.metadata["/Subject"])) in text  # the site's description


def test_the_take_part_page_offers_both_posters_in_both_languages(published_site: Path) -> None:
    for lang in ("fr", "en"):
        page = BeautifulSoup((published_site / PREFIX[lang] / "take-part" / "index.html").read_text("utf-8"),
                             "html.parser")
        links = page.select(".rc-question:has(#local-actors-materials) .rc-posters a[download]")
        assert [link["hreflang"] for link in links] == ([lang, "en" if lang == "fr" else "fr"])
        for link in links:
            target = (published_site / PREFIX[lang] / "take-part" / str(link["href"])).resolve()
            assert target.is_file() and "poster" in target.name and link["type"] == "application/pdf"


def test_without_a_public_address_there_is_no_poster_and_the_build_says_so_once(built_site: Path,
                                                                                 tmp_path: Path) -> None:
    assert not (built_site / "posters").exists()
    missing = poster_texts(load_site(ROOT), "en")["missing"]
    assert missing in (built_site / "en" / "take-part" / "index.html").read_text("utf-8")
    report = posters.publish(load_site(ROOT), tmp_path)  # the default address: a local preview
    assert len(report.notes) == 1 and "SITE_URL" in report.notes[0] and not report.problems and not report.made


def test_missing_texts_of_the_posters_zim_and_read_aloud_are_named(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = re.sub(r"\n +no_voice: \"Your device[^\n]*", "", text)
    text = text.replace('link: "Affiche A4 en {language} (PDF)"', 'link: "Affiche A4 (PDF)"')
    text = text.replace('link: "The whole site for Kiwix (ZIM file, {size})"', 'link: "The whole site"')
    config.write_text(text, "utf-8")
    problems = format_text(check_sources(load_site(project)))
    assert "the language 'en' has no 'read_aloud.no_voice' field" in problems
    assert "the field 'poster.link' must be a text with {language}" in problems
    assert "the field 'zim.link' must be a text with {size}" in problems
