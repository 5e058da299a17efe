"""What search engines and link previews read (scripts/mkdocs_glue/seo.py, overrides/main.html, overrides/sitemap.xml,
overrides/404.html): absolute URLs from site_url, every language plus x-default, per-language texts."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from scripts.mkdocs_glue import seo
from scripts.source.parse import load_site

from ..conftest import PUBLIC_ADDRESS, ROOT

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default
OG = {"fr": "fr_FR", "en": "en_GB"}


def _head(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _meta(soup: BeautifulSoup, **attrs: str) -> str:
    tag = soup.find("meta", attrs=dict(attrs.items()))
    assert tag is not None, attrs
    return str(tag["content"])


def test_every_page_names_itself_and_its_translations_with_absolute_urls(built_site: Path) -> None:
    site = load_site(ROOT)
    for rel in site.rels():
        urls = {lang: SITE_URL + site.page_url(lang, rel).lstrip("/") for lang in site.languages}
        for lang in site.languages:
            source = site.page(lang, rel) or site.page(site.default_language, rel)
            assert source is not None
            soup = _head(built_site / site.page_url(lang, rel).lstrip("/") / "index.html")
            alternates = {str(link["hreflang"]): str(link["href"])
                          for link in soup.find_all("link", rel="alternate", hreflang=True)}
            assert alternates == {**urls, "x-default": urls["fr"]}, (lang, rel)
            assert soup.find("link", rel="canonical")["href"] == urls[lang]  # type: ignore[index]
            assert _meta(soup, property="og:url") == urls[lang]
            assert _meta(soup, property="og:locale") == OG[lang]
            assert _meta(soup, property="og:locale:alternate") == OG["en" if lang == "fr" else "fr"]
            assert _meta(soup, name="description") == _meta(soup, property="og:description") \
                == source.meta["description"]
            assert _meta(soup, property="og:title") == source.meta["title"]
            title = source.meta["title"]  # the home's title is the site's name: not written twice
            assert soup.title is not None and soup.title.string == (
                title if title == "Resilient Cities" else f"{title} - Resilient Cities")


def test_the_sitemap_lists_every_page_with_its_translations_and_x_default(built_site: Path) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = ElementTree.parse(built_site / "sitemap.xml").getroot().findall("s:url", namespaces)
    site = load_site(ROOT)
    indexed = [rel for rel in site.rels() if "noindex" not in str(site.pages[(site.default_language, rel)].meta.get(
        "robots", ""))]
    assert len(indexed) == len(site.rels()) - 1  # the translation status page is for editors
    assert len(entries) == len(indexed) * len(site.languages)
    for entry in entries:
        links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces)}
        assert set(links) == {"fr", "en", "x-default"} and links["x-default"] == links["fr"]
        assert entry.findtext("s:loc", namespaces=namespaces) in links.values()


def test_page_head_makes_the_language_menu_absolute() -> None:
    head = seo.page_head(site_url="https://example.org/rc/", lang="en", default="fr", title="T", description="D",
                         canonical=None, menu=[{"lang": "fr", "link": "faq/"}, {"lang": "en", "link": "/rc/en/"}],
                         locales={"fr": "fr_FR", "en": "en_GB"})
    assert [(a.lang, a.href) for a in head.alternates] == [
        ("fr", "https://example.org/rc/faq/"), ("en", "https://example.org/rc/en/"),
        ("x-default", "https://example.org/rc/faq/")]
    assert head.canonical == "https://example.org/rc/en/" and head.locale == "en_GB" and head.other_locales == ["fr_FR"]


def test_a_site_published_under_a_path_keeps_its_urls_and_404_links(published_site: Path) -> None:
    """Built for PUBLIC_ADDRESS, a path on its host (e.g. a GitHub Pages project site)."""
    soup = _head(published_site / "en/faq/index.html")
    hreflang = {str(link["hreflang"]): str(link["href"]) for link in soup.find_all("link", hreflang=True)}
    assert hreflang == {"fr": f"{PUBLIC_ADDRESS}faq/", "en": f"{PUBLIC_ADDRESS}en/faq/",
                        "x-default": f"{PUBLIC_ADDRESS}faq/"}
    not_found = _head(published_site / "404.html")
    homes = {str(a["href"]) for a in not_found.select("main a")}
    assert homes == {"/resilient-cities/", "/resilient-cities/en/"}
    assert {str(s["data-home"]) for s in not_found.select("main section")} == homes
    assert all(str(tag.get("href") or tag.get("src")).startswith("/resilient-cities/")
               for tag in not_found.select("link[href], script[src], img[src]"))


def test_the_404_page_holds_both_languages(built_site: Path) -> None:
    soup = _head(built_site / "404.html")
    assert soup.html is not None and soup.html["lang"] == "fr"
    sections = {str(s["lang"]): s.get_text(" ", strip=True) for s in soup.select("main section")}
    assert set(sections) == {"fr", "en"}
    assert "Page introuvable" in sections["fr"] and "Page not found" in sections["en"]


