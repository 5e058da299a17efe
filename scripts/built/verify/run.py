"""The gate of the build: every published HTML page and SVG picture, read as a browser reads it, holds only
what the allow-list (allowed.py) allows. It runs on the build's output, whatever wrote it (MkDocs, our
features, templates), before the new site replaces the old one; each finding names its source."""
from __future__ import annotations

from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit

from ...problems import Problem
from ...source.model import Site
from ..html_model import url_of
from .markup import Finding, check_html
from .sources import published, source_of
from .svg_files import check_svg

MAX_PER_FILE = 20  # findings named per published file: the first ones are enough to fix, and stay fast


def verify_site(site: Site, out: Path) -> list[Problem]:
    """The problems of every .html and .svg file under ``out`` (one problem per distinct finding and source)."""
    prefix = urlsplit(str(site.config.get("site_url") or "")).path.rstrip("/")
    problems: dict[tuple[str, int | None, str], Problem] = {}
    for path in published(out, (".html", ".htm", ".xhtml", ".svg")):
        rel = path.relative_to(out).as_posix()
        text = path.read_text("utf-8", "replace")
        findings = check_svg(text) if path.suffix.lower() == ".svg" else check_html(text, url_of(rel), prefix)
        for finding in islice(findings, MAX_PER_FILE):
            problem = _problem(site, rel, finding)
            problems.setdefault((problem.path, problem.line, problem.message), problem)
    return list(problems.values())


def _problem(site: Site, rel: str, finding: Finding) -> Problem:
    path, line = source_of(site, rel, finding.needles)
    return Problem(path, line, f"{finding.message} (published in {rel})", finding.hint)
