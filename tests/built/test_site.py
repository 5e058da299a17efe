"""The real site, as built: both languages, the right lang, the switcher, the FAQ ids, no other host."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.built.html_model import HtmlPage, read_built_site, resolve
from scripts.source.model import Site
from scripts.source.parse import load_site

from ..conftest import ROOT

SEED = ROOT / "sources" / "resilient-cities-faq.txt"
# Each question of the organisation's FAQ and the id it has on both FAQ pages.
SEED_IDS = {
    "Why is the program important?": "why-it-matters",
    "Who is this for?": "who-is-it-for",
    "What is our method for recruiting migrants?": "recruitment",
    "How many participants will be part of the program?": "number-of-participants",
    "What is the eligibility criteria for joining the project?": "eligibility-criteria",
    "What are the different stages of the project for the first year?": "first-year-stages",
    "What are co-creation sessions?": "co-creation-workshops",
    "What is the schedule for the first year (2024)?": "first-year-schedule",
    "What happens after the first year?": "after-first-year",
    "Can you provide examples of solutions that have been co-created?": "solution-examples",
    "Do you have examples of actions to be taken after the co-creation workshops?": "actions-between-workshops",
    "In which languages do you work?": "languages",
    "What qualifies us?": "our-experience",
    "Is there any compensation?": "compensation",
    "Are there networking opportunities for participants?": "networking",
    "Is the Resilient Cities program available in regions outside Auvergne-Rhône-Alpes?": "other-regions",
    "What learning environment is provided during the Resilient Cities program?": "learning-environment",
    "If I reside in Auvergne Rhône-Alpes but not in the cities of Lyon, Clermont-Ferrand, "
    "am I still eligible to participate?": "living-outside-the-cities",
}


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(ROOT)


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, HtmlPage]:
    return read_built_site(built_site)


def test_both_languages_have_every_page(site: Site, pages: dict[str, HtmlPage]) -> None:
    rels = site.rels()
    assert len(rels) >= 10
    for rel in rels:
        for lang in ("fr", "en"):
            assert site.page_url(lang, rel) in pages, (lang, rel)
    assert "/" in pages and "/en/" in pages and "/faq/" in pages and "/en/faq/" in pages


def test_html_lang_matches_the_language_folder(site: Site, pages: dict[str, HtmlPage]) -> None:
    for rel in site.rels():
        assert pages[site.page_url("fr", rel)].lang == "fr", rel
        assert pages[site.page_url("en", rel)].lang == "en", rel


def test_language_switcher_leads_to_the_counterpart(site: Site, pages: dict[str, HtmlPage]) -> None:
    for rel in site.rels():
        fr, en = site.page_url("fr", rel), site.page_url("en", rel)
        for url in (fr, en):
            switcher = pages[url].switcher
            assert resolve(url, switcher["fr"]) == fr, url
            assert resolve(url, switcher["en"]) == en, url


def test_header_names_the_other_language_in_it_and_leads_to_the_counterpart(
        site: Site, pages: dict[str, HtmlPage]) -> None:
    words = {"fr": "Français", "en": "English"}
    for rel in site.rels():
        for lang, other in (("fr", "en"), ("en", "fr")):
            page = pages[site.page_url(lang, rel)]
            href, link_lang = page.language_links[other]
            assert set(page.language_links) == {other}, (page.url, page.language_links)
            assert resolve(page.url, href) == site.page_url(other, rel) and link_lang == other, page.url
            link = re.search(r'<a [^>]*class="[^"]*rc-language[^"]*"[^>]*>([^<]*)</a>', page.path.read_text("utf-8"))
            assert link is not None and link.group(1).strip() == words[other], page.url


def test_every_seed_question_has_its_id_in_both_faq_pages(pages: dict[str, HtmlPage]) -> None:
    questions = re.findall(r"^- \*\*(.+?)\*\*\s*$", SEED.read_text("utf-8"), flags=re.M)
    assert sorted(questions) == sorted(SEED_IDS), "the seed FAQ changed: map its new questions to ids"
    for url in ("/faq/", "/en/faq/"):
        missing = set(SEED_IDS.values()) - pages[url].ids
        assert not missing, (url, missing)


def test_no_page_loads_anything_from_another_host(pages: dict[str, HtmlPage]) -> None:
    loaded = {value for page in pages.values() for value in page.resources}
    assert any(value.endswith(".css") for value in loaded)  # the collector does see resources
    foreign = {value for value in loaded if re.match(r"^(https?:)?//", value)}
    assert not foreign
    html = "".join(page.path.read_text("utf-8") for page in pages.values())
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_footer_links_to_legal_pages_in_the_readers_language(pages: dict[str, HtmlPage]) -> None:
    for url, accessibility, privacy in (("/faq/", "/accessibility/", "/privacy/"),
                                        ("/en/faq/", "/en/accessibility/", "/en/privacy/")):
        targets = {resolve(url, href) for href in pages[url].anchors}
        assert {accessibility, privacy} <= targets, url
    text = pages["/faq/"].path.read_text("utf-8")
    assert "Accessibilité\u00a0: non conforme" in text and "Données personnelles" in text
    assert "Accessibility: not compliant" in pages["/en/faq/"].path.read_text("utf-8")


@pytest.mark.parametrize(("home", "faq", "menu"), [("index.html", "faq/index.html", "Accueil"),
                                                   ("en/index.html", "en/faq/index.html", "Home")])
def test_names_of_the_home_and_the_faq(built_site: Path, home: str, faq: str, menu: str) -> None:
    """The home's document title is the site's name once; the menu names it Home; the home's card to the FAQ
    bears the FAQ's title."""
    page = BeautifulSoup((built_site / home).read_text("utf-8"), "html.parser")
    questions = BeautifulSoup((built_site / faq).read_text("utf-8"), "html.parser")
    assert page.title is not None and page.title.get_text() == "Resilient Cities"
    links = [" ".join(a.get_text().split()) for a in questions.select(".md-nav--primary a.md-nav__link")]
    assert menu in links and "Resilient Cities" not in links
    h1 = questions.select_one("h1")
    assert h1 is not None
    cards = [" ".join(a.get_text().split()) for a in page.select(".grid.cards a[href]")
             if str(a.get("href", "")).rstrip("/").endswith("faq")]
    assert cards == [h1.get_text().strip()]
