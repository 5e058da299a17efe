"""The build stage of the booklets: each PDF made (or taken from the cache) into the built site, and its
download button added after the page's title. Run by the pipeline before the HTML and link checks."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ...built.html_model import insert_after_title
from ...built.verify.run import verify_site
from ...problems import Problem
from ...source.config import is_public
from ...source.model import Site
from ..feature import StageRun
from ..page_foot.render import updated_words
from .cache import cache_get, cache_key, cache_put, resources
from .document import Design, extract_content, load_design, print_html
from .index import pdf_href, pdf_url
from .model import Booklet, BookletTexts, load_booklets, read_texts
from .pdf import INSTALL_HINT, is_machine_warning, machine_check, render_pdf

LOGO = "assets/images/logo.svg"        # in docs/, published at the same path (unless theme.logo says otherwise)
DOWNLOAD_ICON = ('<svg class="rc-download__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
                 'width="20" height="20">'
                 '<path fill="currentColor" d="M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z"/></svg>')


@dataclass
class PdfReport:
    """What the stage did: problems, notes about the machine, and the PDFs rendered or taken from the cache."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def download_button(texts: BookletTexts, href: str, lang: str, size: int, pages: int) -> str:
    """The link to the PDF, naming its language, size and page count."""
    label = texts.download.format(size=texts.size(size), pages=pages)
    return (f'<p class="rc-download" data-web-only><a class="md-button md-button--primary" href="{escape(href)}" download '
            f'type="application/pdf" hreflang="{escape(lang)}" data-pdf-bytes="{size}" data-pdf-pages="{pages}">'
            f'{DOWNLOAD_ICON}<span>{escape(label)}</span></a></p>')



def publish(site: Site, out: Path, cache_dir: Path) -> PdfReport:
    """Make (or take from the cache) every booklet's PDF into the built site ``out`` and add its button."""
    report = PdfReport()
    wanted = [booklet for booklet in load_booklets(site) if booklet.pdf]
    if not wanted:
        return report
    design, report.problems = load_design(site)
    if design is None:
        return report
    report.problems = verify_site(site, out, {site.page_url(booklet.lang, booklet.rel) for booklet in wanted})
    if report.problems:  # a PDF is never made from a page the safety gate refuses
        return report
    site_address = str(site.config.get("site_url") or "http://127.0.0.1:8000/").rstrip("/") + "/"
    for booklet in wanted:
        report.problems.extend(_publish_one(site, out, cache_dir, design, site_address, booklet, report))
    return report


def _publish_one(site: Site, out: Path, cache_dir: Path, design: Design, site_address: str,
                 booklet: Booklet, report: PdfReport) -> list[Problem]:
    texts, problems = read_texts(site, booklet.lang)
    url = site.page_url(booklet.lang, booklet.rel)
    built = out / url.lstrip("/") / "index.html"
    if texts is None or not built.is_file():
        return problems or [Problem(booklet.display, None, f"the page was not built at {url}, so it has no PDF",
                                    "read the MkDocs messages above")]
    address = site_address + url.lstrip("/")
    public = address if is_public(address) else None  # a local preview prints no localhost address
    page_html = built.read_text("utf-8")
    logo = site_address + str((site.config.get("theme") or {}).get("logo") or LOGO)
    document = print_html(design, booklet, extract_content(page_html, public), texts, address=public or "", logo=logo,
                          site_name=str(site.config.get("site_name") or ""),
                          author=str(site.config.get("site_author") or site.config.get("site_name") or ""),
                          updated=updated_words(site, booklet.lang, booklet.rel))
    key = cache_key(document, design, resources(document, address, site_address, out))
    folder = cache_dir / booklet.lang / booklet.slug
    pdf = cache_get(folder, key)
    if pdf is None:
        unable, notes = machine_check()
        if unable:
            return [Problem(booklet.display, None, f"the PDF cannot be made on this machine: {unable}", INSTALL_HINT)]
        try:
            pdf, warnings = render_pdf(document, design.css, address, site_address, out)
        except Exception as error:  # noqa: BLE001 - WeasyPrint's failure becomes a problem for the editor
            return [Problem(booklet.display, None, f"WeasyPrint could not make the PDF: {error}",
                            "check the booklet's images and tables, and the print stylesheet")]
        report.notes += [note for note in notes if note not in report.notes]
        content = [warning for warning in warnings if not is_machine_warning(warning)]
        if content:
            return [Problem(booklet.display, None, f"making the PDF: {warning}",
                            "check the images and links of the booklet, and the print stylesheet")
                    for warning in content]
        cache_put(folder, key, pdf)
        report.rendered.append(booklet.pdf_name)
    else:
        report.reused.append(booklet.pdf_name)
    (out / pdf_url(site, booklet).lstrip("/")).write_bytes(pdf.data)
    button = download_button(texts, pdf_href(site, booklet, booklet.rel), booklet.lang, len(pdf.data), pdf.pages)
    page_with_button = insert_after_title(page_html, "\n" + button)
    if page_with_button is None:
        return [Problem(booklet.display, None, "the built page has no title, so it has no download button",
                        "start the booklet with a '# Title' line")]
    built.write_text(page_with_button, "utf-8")
    return []


def booklet_stage(run: StageRun) -> list[Problem]:
    """The pipeline stage: the booklets' PDFs and download buttons, into the built site (cache: .cache/booklets/)."""
    report = publish(run.site, run.out, run.site.root / ".cache" / "booklets")
    run.reports["booklets"] = report
    run.notes += report.notes
    return report.problems
