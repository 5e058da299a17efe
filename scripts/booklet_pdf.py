"""Booklet PDFs: print HTML made from a built booklet page, rendered by WeasyPrint (in this process),
kept in a content-addressed cache, and published with a download button into the built site.

``publish`` is the build stage (run by the pipeline on the built site in its temporary folder, before
the HTML and link checks); the other functions take HTML, text and paths and know nothing of MkDocs.
"""
from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jinja2
from bs4 import BeautifulSoup
from markupsafe import Markup

from . import booklets, html
from .booklets import Booklet, BookletTexts
from .problems import Problem
from .sources import Site

CACHE_FORMAT = "1"                     # change it when the cache's layout or meaning changes
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}  # tagged PDF (PDF/UA-1: PDF 1.7 with a structure tree)
TEMPLATE = "booklet-print.html"        # in the theme's custom_dir (overrides/)
STYLESHEET = "assets/stylesheets/booklet-print.css"  # in docs/
LOGO = "assets/images/logo.svg"        # in docs/, published at the same path (unless theme.logo says otherwise)
# What a built page shows only on the web: its title (the PDF has a cover), the download button, notices.
WEB_ONLY = "h1, a.headerlink, .md-source-file, .rc-download, .rc-outdated, .rc-pending"
DOWNLOAD_ICON = ('<svg class="rc-download__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
                 'width="20" height="20"><path fill="currentColor" d="M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z"/></svg>')


@dataclass(frozen=True)
class Heading:
    id: str
    text: str


@dataclass(frozen=True)
class Content:
    """The body of a built booklet page, ready for print: its HTML (title removed) and its h2 headings."""

    html: str
    toc: tuple[Heading, ...]


@dataclass(frozen=True)
class Design:
    """The print template and stylesheet, as text."""

    template: str
    css: str


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


@dataclass
class PdfReport:
    """What the stage did: problems, and the PDFs it rendered or took from the cache (file names)."""

    problems: list[Problem] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # render time of each rendered PDF


# --- Print HTML --------------------------------------------------------------------------------

def extract_content(page_html: str, page_address: str) -> Content:
    """The article of a built page without its title; links made absolute so they work in a sent PDF."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article") or soup.new_tag("article")
    for node in article.select(WEB_ONLY):
        node.decompose()
    for link in article.find_all("a", href=True):
        href = str(link["href"])
        if not href.startswith("#"):
            link["href"] = urljoin(page_address, href)
    toc = tuple(Heading(str(h["id"]), h.get_text(" ", strip=True)) for h in article.find_all("h2", id=True))
    return Content(article.decode_contents().strip(), toc)


def load_design(site: Site) -> tuple[Design | None, list[Problem]]:
    """The print template (overrides/) and stylesheet (docs/assets/)."""
    theme = site.config.get("theme") or {}
    template = site.root / str(theme.get("custom_dir") or "overrides") / TEMPLATE
    css = site.docs / STYLESHEET
    missing = [path for path in (template, css) if not path.is_file()]
    if missing:
        return None, [Problem(site.show(path), None, "this file for the booklets' PDFs is missing",
                              "restore it from the repository") for path in missing]
    return Design(template.read_text("utf-8"), css.read_text("utf-8")), []


def print_html(design: Design, booklet: Booklet, content: Content, texts: BookletTexts, *,
               address: str, logo: str, site_name: str, author: str) -> str:
    """The whole document to print: cover, contents, then the booklet's text."""
    facts = [(texts.territory, booklet.territory), (texts.period, booklets.format_period(booklet.period, texts)),
             (texts.themes, ", ".join(booklet.themes)), (texts.language, texts.language_name)]
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(design.template).render(
        lang=booklet.lang, title=booklet.title, summary=booklet.summary, themes=booklet.themes, facts=facts,
        texts=texts, address=address, logo=logo, site_name=site_name, author=author,
        toc=content.toc, content=Markup(content.html))


# --- Resources and cache -------------------------------------------------------------------------

def local_file(url: str, site_address: str, out: Path) -> Path | None:
    """The file of the built site ``out`` that a URL under the site's address stands for."""
    if not url.startswith(site_address):
        return None
    rel = unquote(urlsplit(url).path)[len(urlsplit(site_address).path):]
    path = (out / rel).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() and path.is_relative_to(out.resolve()) else None


def resources(document: str, base: str, site_address: str, out: Path) -> dict[str, bytes]:
    """The site's files that the document's images load, by URL (their bytes go into the cache key)."""
    soup = BeautifulSoup(document, "html.parser")
    found: dict[str, bytes] = {}
    for image in soup.find_all("img", src=True):
        url = urljoin(base, str(image["src"]))
        path = local_file(url, site_address, out)
        if path is not None:
            found[url] = path.read_bytes()
    return found


def cache_key(document: str, design: Design, loaded: dict[str, bytes]) -> str:
    """A hash of everything the PDF is made of: HTML, CSS, template, images, WeasyPrint and its options."""
    digest = hashlib.sha256()
    parts = [CACHE_FORMAT, version("weasyprint"), json.dumps(PDF_OPTIONS, sort_keys=True),
             design.template, design.css, document]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    for url in sorted(loaded):
        digest.update(url.encode("utf-8") + b"\0" + hashlib.sha256(loaded[url]).digest())
    return digest.hexdigest()


def cache_get(folder: Path, key: str) -> Pdf | None:
    """A PDF already rendered from the same inputs, if the cache has it."""
    data, info = folder / f"{key}.pdf", folder / f"{key}.json"
    if not (data.is_file() and info.is_file()):
        return None
    try:
        return Pdf(data.read_bytes(), int(json.loads(info.read_text("utf-8"))["pages"]))
    except (OSError, ValueError, KeyError, TypeError):  # removed meanwhile by another build, or damaged
        return None


def cache_put(folder: Path, key: str, pdf: Pdf) -> None:
    """Keep a rendered PDF under its key; older versions of the same booklet are dropped."""
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomic(folder / f"{key}.pdf", pdf.data)
    _write_atomic(folder / f"{key}.json", json.dumps({"pages": pdf.pages, "bytes": len(pdf.data)}).encode())
    for old in folder.iterdir():
        if old.stem != key and old.suffix in (".pdf", ".json"):
            old.unlink(missing_ok=True)


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


# --- Rendering ---------------------------------------------------------------------------------

def render_pdf(document: str, css: str, base: str, site_address: str, out: Path) -> tuple[Pdf, list[str]]:
    """Render the document with WeasyPrint; files under the site's address are read from ``out``,
    nothing is fetched from any host. Returns the PDF and WeasyPrint's warnings."""
    import weasyprint  # imported here: slow to import, and only needed when a PDF is made

    class LocalFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_file(url, site_address, out)
            if path is None:
                raise ValueError(f"{url} is not a file of this site (nothing is fetched from other hosts)")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    with _warnings("weasyprint") as warnings:
        fetcher = LocalFetcher()
        rendered = weasyprint.HTML(string=document, base_url=base, url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher)])
        data = rendered.write_pdf(**PDF_OPTIONS)
    return Pdf(data, len(rendered.pages)), warnings


@contextmanager
def _warnings(logger_name: str) -> Iterator[list[str]]:
    """The warnings a library logs during the block, as texts (they are not printed)."""
    found: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    logger = logging.getLogger(logger_name)
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


# --- The page's download button --------------------------------------------------------------------

def download_button(texts: BookletTexts, href: str, lang: str, size: int, pages: int) -> str:
    """The link to the PDF, naming its language, size and page count."""
    label = texts.download.format(size=texts.size(size), pages=pages)
    return (f'<p class="rc-download"><a class="md-button md-button--primary" href="{escape(href)}" download '
            f'type="application/pdf" hreflang="{escape(lang)}" data-pdf-bytes="{size}" data-pdf-pages="{pages}">'
            f'{DOWNLOAD_ICON}<span>{escape(label)}</span></a></p>')


def insert_after_title(page_html: str, snippet: str) -> str | None:
    """The page with ``snippet`` right after the title of its article, or None if it has none."""
    start = page_html.find("<h1", page_html.find("<article"))
    end = page_html.find("</h1>", start)
    if page_html.find("<article") < 0 or start < 0 or end < 0:
        return None
    end += len("</h1>")
    return page_html[:end] + "\n" + snippet + page_html[end:]


# --- The build stage ---------------------------------------------------------------------------

def publish(site: Site, out: Path, cache_dir: Path) -> PdfReport:
    """Make (or take from the cache) every booklet's PDF into the built site ``out`` and add its button."""
    report = PdfReport()
    design, report.problems = load_design(site)
    if design is None:
        return report
    site_address = str(site.config.get("site_url") or "http://127.0.0.1:8000/").rstrip("/") + "/"
    for booklet in booklets.load_booklets(site):
        if booklet.pdf:
            report.problems.extend(_publish_one(site, out, cache_dir, design, site_address, booklet, report))
    return report


def _publish_one(site: Site, out: Path, cache_dir: Path, design: Design, site_address: str,
                 booklet: Booklet, report: PdfReport) -> list[Problem]:
    texts, problems = booklets.read_texts(site, booklet.lang)
    url = html.page_url(site, booklet.lang, booklet.rel)
    built = out / url.lstrip("/") / "index.html"
    if texts is None or not built.is_file():
        return problems or [Problem(booklet.display, None, f"the page was not built at {url}, so it has no PDF",
                                    "read the MkDocs messages above")]
    address = site_address + url.lstrip("/")
    page_html = built.read_text("utf-8")
    document = print_html(design, booklet, extract_content(page_html, address), texts, address=address,
                          logo=site_address + str((site.config.get("theme") or {}).get("logo") or LOGO), site_name=str(site.config.get("site_name") or ""),
                          author=str(site.config.get("site_author") or site.config.get("site_name") or ""))
    key = cache_key(document, design, resources(document, address, site_address, out))
    folder = cache_dir / booklet.lang / booklet.slug
    pdf = cache_get(folder, key)
    if pdf is None:
        start = time.perf_counter()
        try:
            pdf, warnings = render_pdf(document, design.css, address, site_address, out)
        except Exception as error:  # noqa: BLE001 - WeasyPrint's failure becomes a problem for the editor
            return [Problem(booklet.display, None, f"WeasyPrint could not make the PDF: {error}",
                            "check the booklet's images and tables, and the print stylesheet")]
        report.seconds[booklet.pdf_name] = time.perf_counter() - start
        if warnings:
            return [Problem(booklet.display, None, f"making the PDF: {warning}",
                            "check the images and links of the booklet, and the print stylesheet")
                    for warning in warnings]
        cache_put(folder, key, pdf)
        report.rendered.append(booklet.pdf_name)
    else:
        report.reused.append(booklet.pdf_name)
    target = out / booklets.pdf_url(site, booklet).lstrip("/")
    target.write_bytes(pdf.data)
    button = download_button(texts, booklets.pdf_href(site, booklet, booklet.rel), booklet.lang,
                             len(pdf.data), pdf.pages)
    page_with_button = insert_after_title(page_html, button)
    if page_with_button is None:
        return [Problem(booklet.display, None, "the built page has no title, so it has no download button",
                        "start the booklet with a '# Title' line")]
    built.write_text(page_with_button, "utf-8")
    return []
