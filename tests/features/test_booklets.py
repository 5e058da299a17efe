"""Booklets: front matter checks, the booklet pages and index, and the PDFs in both languages."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from scripts import pipeline
from scripts.built.html_model import resolve
from scripts.features.booklets import cache, index, model, publish
from scripts.features.booklets import pdf as booklet_pdf
from scripts.features.booklets.model import Booklet
from scripts.features.booklets.pdf import Pdf
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.config import is_public
from scripts.source.model import Site
from scripts.source.parse import load_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "booklets"
SITE = load_site(ROOT)
PUBLIC = [booklet for booklet in model.load_booklets(SITE) if booklet.pdf]
EST_ENSEMBLE_FR = "docs/fr/booklets/est-ensemble.md"


def _words(text: str) -> str:
    """Text with every run of spaces (no-break spaces and line breaks included) made one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def _pdf_text(path: Path) -> str:
    return _words(" ".join(page.extract_text() for page in PdfReader(path).pages))


def _soup(out: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((out / url.lstrip("/") / "index.html").read_text("utf-8"), "html.parser")


def _built(out: Path, url: str) -> Path:
    return out / url.lstrip("/")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def _add_fixture_booklet(project: Path) -> None:
    """Put the test booklet (long sections, table, image, recommendations) into a project copy and its menu."""
    for lang in ("fr", "en"):
        shutil.copy(FIXTURES / lang / "test-booklet.md", project / "docs" / lang / "booklets")
        shutil.copy(FIXTURES / "test-booklet-figure.svg", project / "docs" / lang / "booklets")
    config = project / "mkdocs.yml"
    entry = "      - booklets/clermont-ferrand-2025.md\n"
    assert entry in config.read_text("utf-8")
    config.write_text(config.read_text("utf-8").replace(entry, entry + "      - booklets/test-booklet.md\n"), "utf-8")


def test_every_public_booklet_has_a_pdf_in_both_languages() -> None:
    """The site's booklets come in both languages, each with a PDF."""
    slugs = {b.slug for b in PUBLIC}
    assert {"est-ensemble", "clermont-ferrand-2025"} <= slugs
    assert {(b.slug, b.lang) for b in PUBLIC} == {(slug, lang) for slug in slugs for lang in SITE.languages}


@pytest.mark.parametrize("booklet", PUBLIC, ids=lambda b: f"{b.lang}-{b.slug}")
def test_pdf_has_title_first_heading_metadata_and_tags(built_site: Path, booklet: Booklet) -> None:
    path = _built(built_site, index.pdf_url(SITE, booklet))
    assert path.is_file(), f"no PDF at {path}"
    reader = PdfReader(path)
    text = _pdf_text(path)
    page = SITE.page(booklet.lang, booklet.rel)
    assert page is not None
    first_heading = next(h.text for h in page.headings if h.level == 2)
    assert _words(booklet.title) in text
    assert _words(first_heading) in text
    other = next(b for b in PUBLIC if b.slug == booklet.slug and b.lang != booklet.lang)
    assert _words(other.title) not in text, "the PDF has the other language's title"
    assert reader.metadata is not None and reader.metadata.title == booklet.title
    assert reader.metadata.author == SITE.config["site_author"]
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/Lang"] == booklet.lang
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog, "the PDF is not tagged"
    address = str(SITE.config["site_url"]).rstrip("/") + SITE.page_url(booklet.lang, booklet.rel)
    if is_public(address):
        assert address in text, "the footer lacks the booklet's web address"
    else:
        assert "127.0.0.1" not in text and "localhost" not in text, "a local build printed a local address"
    assert f"{len(reader.pages)} / {len(reader.pages)}" in text, "no running page numbers"


def test_the_real_pages_are_project_summaries_and_embrace_is_not_branded_as_the_programme() -> None:
    """Issue 13: no source calls them booklets of recommendations; Embrace came before Resilient Cities."""
    assert {(b.slug, b.kind, b.programme) for b in PUBLIC} == {("est-ensemble", "summary", False),
                                                               ("clermont-ferrand-2025", "summary", True)}


@pytest.mark.parametrize("booklet", PUBLIC, ids=lambda b: f"{b.lang}-{b.slug}")
def test_page_and_pdf_cover_say_what_the_page_is_and_brand_only_programme_projects(
        built_site: Path, booklet: Booklet) -> None:
    texts, _ = model.read_texts(SITE, booklet.lang)
    assert texts is not None
    words = texts.kinds[booklet.kind]
    label = _soup(built_site, SITE.page_url(booklet.lang, booklet.rel)).select_one("article p.rc-kind")
    assert label is not None and label.get_text() == words.label
    assert label.find_next_sibling() is not None and label.find_next_sibling().name == "h1"  # type: ignore[union-attr]
    first = _soup(built_site, SITE.page_url(booklet.lang, booklet.rel)).select_one("article h2")
    assert first is not None
    # A project summary's text starts on its cover's page, after the cover: up to its first heading.
    cover = _words(PdfReader(_built(built_site, index.pdf_url(SITE, booklet))).pages[0].extract_text())
    cover = cover.split(_words(first.get_text()))[0]
    assert _words(words.kicker) in cover
    assert (_words(words.web_address) in cover) is is_public(str(SITE.config["site_url"])), "online: only a public address"
    others = [kind for name, kind in texts.kinds.items() if name != booklet.kind]
    assert not [kind.kicker for kind in others if _words(kind.kicker) in cover]
    assert (SITE.config["site_name"] in cover) is booklet.programme, cover
    assert SITE.config["site_author"] in cover


@pytest.mark.parametrize("booklet", PUBLIC[:1], ids=lambda b: f"{b.lang}-{b.slug}")
def test_pdf_fonts_are_embedded(built_site: Path, booklet: Booklet) -> None:
    reader = PdfReader(_built(built_site, index.pdf_url(SITE, booklet)))
    fonts: list[Any] = [font.get_object() for page in reader.pages
             for font in page["/Resources"].get_object().get("/Font", {}).values()]  # type: ignore[union-attr]
    assert fonts
    for font in fonts:
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), f"{font['/BaseFont']} not embedded"


@pytest.mark.parametrize("booklet", PUBLIC, ids=lambda b: f"{b.lang}-{b.slug}")
def test_download_button_names_language_size_and_page_count(built_site: Path, booklet: Booklet) -> None:
    url = SITE.page_url(booklet.lang, booklet.rel)
    buttons = _soup(built_site, url).select(".rc-download a[href]")
    assert len(buttons) == 1
    button = buttons[0]
    target = _built(built_site, resolve(url, str(button["href"])))
    assert target.is_file() and target.name == booklet.pdf_name
    size, pages = target.stat().st_size, len(PdfReader(target).pages)
    assert (int(str(button["data-pdf-bytes"])), int(str(button["data-pdf-pages"]))) == (size, pages)
    texts, _ = model.read_texts(SITE, booklet.lang)
    assert texts is not None
    label = _words(button.get_text(" "))
    assert _words(texts.size(size)) in label
    assert re.search(rf"\b{pages}\b", label)
    assert texts.language_name in label
    assert button["hreflang"] == booklet.lang and button["type"] == "application/pdf"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_index_lists_every_booklet_with_page_and_pdf(built_site: Path, lang: str) -> None:
    url = SITE.page_url(lang, model.INDEX)
    listing = _soup(built_site, url).select_one(".rc-booklets")
    assert listing is not None
    text = _words(listing.get_text(" "))
    links = {resolve(url, str(a["href"])): _words(a.get_text(" ")) for a in listing.find_all("a", href=True)}
    texts, _ = model.read_texts(SITE, lang)
    assert texts is not None
    mine = [b for b in PUBLIC if b.lang == lang]
    for booklet in mine:
        for shown in (texts.kinds[booklet.kind].label, booklet.title, booklet.territory,
                      index.format_period(booklet.period, texts), *booklet.themes):
            assert _words(shown) in text
        page, pdf = SITE.page_url(lang, booklet.rel), index.pdf_url(SITE, booklet)
        assert links.get(page) == _words(booklet.title)
        assert links.get(pdf) == _words(f"{texts.pdf_link} – {booklet.title}")  # the booklet named (hidden)
        assert (_built(built_site, page) / "index.html").is_file() and _built(built_site, pdf).is_file()
    assert len(links) == 2 * len(mine) == len(set(links.values()))  # no two links with the same name


def test_the_site_build_passes(built_site: Path) -> None:
    """The real site (link checks included) builds with its booklets."""
    assert (built_site / "booklets" / "index.html").is_file()


# --- Front matter checks -------------------------------------------------------------------------

def _problems_after(project: Path, path: str, old: str, new: str) -> str:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), "utf-8")
    return format_text(check_sources(load_site(project)))


@pytest.mark.parametrize(("old", "new", "anchor", "expected"), [
    ("territory: Est Ensemble\n", "", None, "the booklet has no 'territory' field"),
    ("pdf: true", "pdf: yes please", "pdf:", "the field 'pdf' must be true or false"),
    ("  newcomers: \"~20\"", "  newcomers: about twenty", "newcomers:",
     "the field 'participants.newcomers' must be a whole number"),
    ("  start: 2022-09", "  start: 2022-13", "start:", "the field 'period.start' must be a year"),
    ("  - https://www.est-ensemble.fr", "  - www.est-ensemble.fr", "sources:",
     "the field 'sources' must be a list of web addresses"),
    ('themes: ["Accueil', 'themes: [12, "Accueil', "themes:", "the field 'themes' must be a list of texts"),
    ("  local_actors: 7\n", "", "participants:", "the booklet has no 'participants.local_actors' field"),
    ("  end: 2023-03", "  end: 2021-03", "end:", "the field 'period.end' is before 'period.start'"),
    ("kind: summary", "kind: brochure", "kind:", "the field 'kind' must be one of: booklet, summary, not 'brochure'"),
    ("programme: false", "programme: maybe", "programme:", "the field 'programme' must be true or false"),
    ("kind: summary\n", "", None, "the booklet has no 'kind' field"),
])
def test_invalid_front_matter_names_path_line_and_field(project: Path, old: str, new: str, anchor: str | None,
                                                        expected: str) -> None:
    shown = _problems_after(project, EST_ENSEMBLE_FR, old, new)
    line = _line_of(project / EST_ENSEMBLE_FR, anchor) if anchor else 1
    assert f"{EST_ENSEMBLE_FR}:{line}: {expected}" in shown, shown


@pytest.mark.parametrize(("old", "new", "field"), [
    ("territory: Est Ensemble", "territory: Montreuil", "territory"),
    ("  end: 2023-03", "  end: 2023-04", "period"),
    ("  local_actors: 7", "  local_actors: 8", "participants"),
    ("kind: summary", "kind: booklet", "kind"),
    ("programme: false", "programme: true", "programme"),
])
def test_facts_must_agree_between_languages(project: Path, old: str, new: str, field: str) -> None:
    shown = _problems_after(project, "docs/en/booklets/est-ensemble.md", old, new)
    line = _line_of(project / "docs/en/booklets/est-ensemble.md", f"{field}:")
    assert f"docs/en/booklets/est-ensemble.md:{line}: the field '{field}' differs from {EST_ENSEMBLE_FR}" in shown


def test_invalid_front_matter_fails_the_build_and_leaves_the_site_untouched(project: Path) -> None:
    site_dir = project / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the site as it was", "utf-8")
    file = project / EST_ENSEMBLE_FR
    file.write_text(file.read_text("utf-8").replace("  newcomers: \"~20\"", "  newcomers: twenty"), "utf-8")
    result = pipeline.build(project, site_dir, check_links=False)
    line = _line_of(file, "newcomers:")
    assert f"{EST_ENSEMBLE_FR}:{line}: the field 'participants.newcomers'" in format_text(result.problems)
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text("utf-8") == "the site as it was"
    assert not list(project.glob(".site-*")) and result.pdfs.rendered == []


def test_a_booklet_without_pdf_is_listed_without_a_pdf_link(project: Path) -> None:
    file = project / EST_ENSEMBLE_FR
    file.write_text(file.read_text("utf-8").replace("pdf: true", "pdf: false"), "utf-8")
    site = load_site(project)
    listing = index.index_markdown(site, "fr")
    assert "est-ensemble.md" in listing and "resilient-cities-est-ensemble-fr.pdf" not in listing
    assert "resilient-cities-clermont-ferrand-2025-fr.pdf" in listing


def test_texts_format_sizes_and_periods() -> None:
    fr, _ = model.read_texts(SITE, "fr")
    en, _ = model.read_texts(SITE, "en")
    assert fr is not None and en is not None
    assert (fr.size(28_053), en.size(28_053)) == ("28\u00a0Ko", "28 KB")
    assert (fr.size(1_250_000), en.size(1_250_000)) == ("1,2\u00a0Mo", "1.2 MB")
    period = model.Period(model.YearMonth(2022, 9), model.YearMonth(2023, 3))
    assert index.format_period(period, fr) == "septembre 2022 – mars 2023"
    assert index.format_period(model.Period(model.YearMonth(2025), model.YearMonth(2025)), en) == "2025"


# --- Cache and full layout -----------------------------------------------------------------------------

def _pdf_names(site: Site) -> list[str]:
    return sorted(b.pdf_name for b in model.load_booklets(site) if b.pdf)


@pytest.mark.build
def test_unchanged_booklets_are_not_rendered_again(cold_project: Path) -> None:
    project = cold_project
    out = project / "site"
    first = pipeline.build(project, out, check_links=False)
    assert first.ok, format_text(first.problems)
    names = _pdf_names(load_site(project))
    assert sorted(first.pdfs.rendered) == names and first.pdfs.reused == []
    before = {name: (out / "booklets" / name).read_bytes() for name in names if name.endswith("-fr.pdf")}

    second = pipeline.build(project, out, check_links=False)
    assert second.ok, format_text(second.problems)
    assert second.pdfs.rendered == [] and sorted(second.pdfs.reused) == names
    assert {name: (out / "booklets" / name).read_bytes() for name in before} == before

    file = project / EST_ENSEMBLE_FR
    old = "## En bref {#summary}\n"
    assert old in file.read_text("utf-8")
    file.write_text(file.read_text("utf-8").replace(old, old + "\nPhrase ajoutée pour le test du cache.\n"), "utf-8")
    third = pipeline.build(project, out, check_links=False)
    assert third.ok, format_text(third.problems)
    assert third.pdfs.rendered == ["resilient-cities-est-ensemble-fr.pdf"]
    assert sorted(third.pdfs.reused) == [name for name in names if name != "resilient-cities-est-ensemble-fr.pdf"]
    assert "Phrase ajoutée pour le test du cache." in _pdf_text(out / "booklets" / "resilient-cities-est-ensemble-fr.pdf")
    cached = sorted(p.relative_to(project / ".cache" / "booklets").parent.as_posix()
                    for p in (project / ".cache" / "booklets").rglob("*.pdf"))
    assert cached == sorted([f"{lang}/{slug}" for lang in ("en", "fr") for slug in ("clermont-ferrand-2025", "est-ensemble")]
                            + ["fr/est-ensemble"])  # the version before the change is kept too


def test_the_cache_keeps_the_last_versions_used_of_each_booklet(tmp_path: Path) -> None:
    folder = tmp_path / "fr" / "est-ensemble"
    for number in range(3):
        cache.cache_put(folder, f"key{number}", Pdf(b"%PDF-" + bytes([number]), 1))
        os.utime(folder / f"key{number}.json", (number, number))  # put one after the other, long ago
    assert cache.cache_get(folder, "key0") == Pdf(b"%PDF-\x00", 1)  # used again: now the last used
    (folder / "half.pdf").write_bytes(b"%PDF-")  # a build stopped before the version's .json: dropped first
    cache.cache_put(folder, "key3", Pdf(b"%PDF-3", 1))
    assert sorted(p.name for p in folder.iterdir()) == [
        f"key{n}.{suffix}" for n in (0, 2, 3) for suffix in ("json", "pdf", "pdf.sha256")]


@pytest.mark.build
def test_fixture_booklet_full_layout(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long sections, a table, an image and a list of recommendations: cover, contents and pages are right;
    published at a public address, the PDF gives it."""
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    _add_fixture_booklet(project)
    out = project / "site"
    result = pipeline.build(project, out)  # link checks included
    assert result.ok, format_text(result.problems)
    site = load_site(project)
    booklets = [b for b in model.load_booklets(site) if b.slug == "test-booklet"]
    assert sorted(b.lang for b in booklets) == sorted(site.languages), "the test booklet was not loaded"
    for booklet in booklets:
        path = _built(out, index.pdf_url(site, booklet))
        reader = PdfReader(path)
        pages = [_words(page.extract_text()) for page in reader.pages]
        source = site.page(booklet.lang, booklet.rel)
        assert source is not None
        sections = [h.text for h in source.headings if h.level == 2]
        assert len(reader.pages) >= 6
        assert _words(booklet.title) in pages[0] and booklet.territory in pages[0]
        texts, _ = model.read_texts(site, booklet.lang)
        assert texts is not None and booklet.kind == "booklet" and booklet.programme
        assert _words(texts.kinds["booklet"].kicker) in pages[0] and site.config["site_name"] in pages[0]
        for heading in sections:
            listed = re.search(re.escape(_words(heading)) + r"[ .]*?(\d+)\b", pages[1])
            assert listed, f"'{heading}' is not in the contents"
            on_page = int(listed.group(1))
            assert _words(heading) in pages[on_page - 1], f"the contents put '{heading}' on page {on_page}"
        text = " ".join(pages)
        workshop = "Atelier d’essai D" if booklet.lang == "fr" else "Test workshop D"
        recommendation = "Recommandation d’essai 12" if booklet.lang == "fr" else "Test recommendation 12"
        assert workshop in text and recommendation in text
        assert "https://example.org" + site.page_url(booklet.lang, booklet.rel) in text
        catalog: Any = reader.trailer["/Root"]
        alts = _figure_alts(catalog["/StructTreeRoot"])
        image = next(link for link in source.links if link.is_image)
        assert any("trois barres" in alt or "three coloured bars" in alt for alt in alts), alts
        assert _built(out, site.page_url(booklet.lang, model.INDEX) + image.raw).is_file()
        for number, page_text in enumerate(pages[1:], 2):
            assert f"{number} / {len(pages)}" in page_text


def _figure_alts(node: Any) -> list[str]:
    """The alternative texts of the figures in a PDF's structure tree."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        return [alt for child in node for alt in _figure_alts(child)]
    if not hasattr(node, "get"):
        return []
    own = [str(node["/Alt"])] if node.get("/S") == "/Figure" and "/Alt" in node else []
    return own + (_figure_alts(node["/K"]) if "/K" in node else [])


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_reader_texts_are_checked(project: Path) -> None:
    shown = _problems_after(project, "mkdocs.yml", "PDF (English, {size}, {pages} pages)",
                            "PDF (English, {taille}, {pages} pages)")
    line = line_of(project / "mkdocs.yml", "{taille}")
    assert f"mkdocs.yml:{line}: the field 'booklet.download' must be a text with {{size}} and {{pages}}" in shown, shown
    shown = _problems_after(project, "mkdocs.yml", '                    kicker: "Project summary"\n', "")
    line = line_of(project / "mkdocs.yml", 'label: "Project summary"') - 1  # the block 'summary:' that lacks it
    assert f"mkdocs.yml:{line}: the language 'en' has no 'booklet.kinds.summary.kicker' field" in shown, shown


def test_render_reports_missing_alt_text_and_fetches_nothing_from_other_hosts(tmp_path: Path) -> None:
    (tmp_path / "booklets" / "test").mkdir(parents=True)
    shutil.copy(FIXTURES / "test-booklet-figure.svg", tmp_path / "booklets" / "test" / "figure.svg")
    document = ('<html lang="en"><head><title>Test</title></head><body><h1>Test</h1>'
                '<img src="figure.svg"><img src="https://example.org/photo.png" alt="A photo"></body></html>')
    pdf, warnings = booklet_pdf.render_pdf(document, "", "http://127.0.0.1:8000/booklets/test/",
                                           "http://127.0.0.1:8000/", tmp_path)
    assert pdf.pages == 1 and pdf.data.startswith(b"%PDF")
    assert any("alt" in warning and "figure.svg" in warning for warning in warnings), warnings
    assert any("example.org" in warning and "other hosts" in warning for warning in warnings), warnings


def test_an_approximate_count_keeps_its_about() -> None:
    """The source says "about 20" newcomers took part in Embrace: the data says so too, in both languages."""
    booklets = [b for b in model.load_booklets(SITE) if b.slug == "est-ensemble"]
    assert sorted(b.lang for b in booklets) == sorted(SITE.languages)
    for booklet in booklets:
        assert booklet.participants.newcomers == model.Count(20, approximate=True)
        assert booklet.participants.local_actors == model.Count(7)


def test_no_pdf_is_made_from_a_page_the_safety_gate_refuses(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    site = load_site(ROOT)
    booklet = next(b for b in model.load_booklets(site) if b.pdf and b.lang == "fr")
    page = out / site.page_url("fr", booklet.rel).lstrip("/") / "index.html"
    pdf = out / index.pdf_url(site, booklet).lstrip("/")
    pdf.unlink()
    page.write_text(page.read_text("utf-8").replace("</article>", "<img src=x onerror=alert(1)></article>", 1))
    report = publish.publish(site, out, tmp_path / "cache")
    assert [p.message.split(" would")[0] for p in report.problems] == ["the attribute onerror="], report.problems
    assert report.problems[0].path == booklet.display and not pdf.exists() and report.rendered == []
