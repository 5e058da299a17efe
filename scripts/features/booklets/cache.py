"""The content-addressed cache of booklet PDFs: a hash of everything a PDF is made of."""
from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from ...source.kept_files import read_checked, write_atomic, write_checked
from .document import Design
from .pdf import PDF_OPTIONS, Pdf, local_file

CACHE_FORMAT = "1"                     # change it when the cache's layout or meaning changes
# Versions kept of each booklet, the last used: a build for the public address and one for this machine
# (``make serve``, the tests) each find their own, instead of each rendering again what the other replaced.
VERSIONS_KEPT = 3


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
    data, info = read_checked(folder / f"{key}.pdf"), folder / f"{key}.json"
    if data is None or not info.is_file():
        return None
    try:
        found = Pdf(data, int(json.loads(info.read_text("utf-8"))["pages"]))
        os.utime(info)  # used now: kept longer than the versions not used
        return found
    except (OSError, ValueError, KeyError, TypeError):  # removed meanwhile by another build, or damaged
        return None


def cache_put(folder: Path, key: str, pdf: Pdf) -> None:
    """Keep a rendered PDF under its key; of the booklet's other versions, only the last used are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    write_checked(folder / f"{key}.pdf", pdf.data)
    write_atomic(folder / f"{key}.json", json.dumps({"pages": pdf.pages, "bytes": len(pdf.data)}).encode())
    files = [old for old in folder.iterdir() if old.suffix in (".pdf", ".json", ".sha256")]
    versions = sorted({old.name.split(".", 1)[0] for old in files}, key=lambda name: _last_used(folder, name),
                      reverse=True)
    dropped = set(versions[VERSIONS_KEPT:])
    for old in files:
        if old.name.split(".", 1)[0] in dropped:
            old.unlink(missing_ok=True)


def _last_used(folder: Path, name: str) -> float:
    """When the version ``name`` was last put or used; 0 without its .json (a build stopped half-way)."""
    try:
        return (folder / f"{name}.json").stat().st_mtime
    except OSError:  # never written, or removed meanwhile by another build
        return 0.0
