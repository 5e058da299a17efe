"""Rendering a booklet's print document to PDF with WeasyPrint (in this process), from the built site only.

WeasyPrint's messages are sorted: those about the machine (font subsetting, deprecations) are notes,
printed once; those about the booklet (a missing image, a broken stylesheet) are problems.
"""
from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ...problems import collected_logs

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}  # tagged PDF (PDF/UA-1: PDF 1.7 with a structure tree)
# WeasyPrint's warnings about the machine, not the booklet: they do not fail the build.
MACHINE_WARNINGS = re.compile(r"HarfBuzz|fontTools instead|unsupported in future|deprecat", re.I)
INSTALL_HINT = "run 'make setup' as root, or the apt-get line it prints (see README.md, 'The two commands')"


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


def machine_check() -> tuple[str | None, list[str]]:
    """Whether WeasyPrint can run here: (why not, or None; notes about missing optional libraries)."""
    try:
        import weasyprint.text.ffi as ffi  # loads Pango, HarfBuzz and fontconfig from the system
    except OSError as error:  # a system library is missing
        return f"WeasyPrint cannot load a system library it needs ({error})", []
    notes = []
    if getattr(ffi, "harfbuzz_subset", None) is None:
        notes.append("the system library HarfBuzz-subset (Debian: libharfbuzz-subset0) is missing, so the "
                     "booklet PDFs embed fonts through fontTools; " + INSTALL_HINT)
    return None, notes


def is_machine_warning(message: str) -> bool:
    """A WeasyPrint warning about this machine's libraries rather than about the booklet."""
    return MACHINE_WARNINGS.search(message) is not None


def local_file(url: str, site_address: str, out: Path) -> Path | None:
    """The file of the built site ``out`` that a URL under the site's address stands for."""
    if not url.startswith(site_address):
        return None
    rel = unquote(urlsplit(url).path)[len(urlsplit(site_address).path):]
    path = (out / rel).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() and path.is_relative_to(out.resolve()) else None



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

    with collected_logs("weasyprint") as logged:
        fetcher = LocalFetcher()
        rendered = weasyprint.HTML(string=document, base_url=base, url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher)])
        data = rendered.write_pdf(**PDF_OPTIONS)
    return Pdf(data, len(rendered.pages)), [message for _, message in logged]
