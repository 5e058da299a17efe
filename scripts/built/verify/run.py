"""The gate of the build: every published HTML page and SVG picture, read as a browser reads it, holds only
what the allow-list (allowed.py) allows. It runs on the build's output, whatever wrote it (MkDocs, our
features, templates), before the new site replaces the old one; each finding names its source."""
from __future__ import annotations

from collections.abc import Collection
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit

from ...problems import Problem
from ...source.model import Site
from ..forked import split_map
from ..html_model import url_of
from .markup import Finding, check_html
from .sources import published, source_of
from .svg_files import check_svg

MAX_PER_FILE = 20  # findings named per published file: the first ones are enough to fix, and stay fast


def verify_site(site: Site, out: Path, urls: Collection[str] | None = None) -> list[Problem]:
    """The problems of every .html and .svg file under ``out``, or of the pages at ``urls`` only (a stage checks
    the pages it renders, e.g. into a PDF, before the last check of them all); one problem per distinct finding and
    source. A big site's files are checked in two processes."""
    prefix = urlsplit(str(site.config.get("site_url") or "")).path.rstrip("/")
    files = [path for path in published(out, (".html", ".htm", ".xhtml", ".svg"))
             if urls is None or url_of(path.relative_to(out).as_posix()) in urls]

    def check(paths: list[Path]) -> list[Problem]:
        found = []
        for path in paths:
            rel = path.relative_to(out).as_posix()
            text = path.read_text("utf-8", "replace")
            findings = check_svg(text) if path.suffix.lower() == ".svg" else check_html(text, url_of(rel), prefix)
            found += [_problem(site, rel, finding) for finding in islice(findings, MAX_PER_FILE)]
        return found

    return list({(p.path, p.line, p.message): p for p in split_map(check, files)}.values())


def _problem(site: Site, rel: str, finding: Finding) -> Problem:
    path, line = source_of(site, rel, finding.needles)
    return Problem(path, line, f"{finding.message} (published in {rel})", finding.hint)
