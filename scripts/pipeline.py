"""The build: source checks, MkDocs into a temporary folder, HTML and link checks, then an atomic swap.

On any problem the previous site folder is left exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import booklet_pdf, checks, engine, html, linkcheck, sitelinks
from .problems import Problem
from .sources import Page, Site, load_site


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    pdfs: booklet_pdf.PdfReport = field(default_factory=booklet_pdf.PdfReport)  # booklet PDFs rendered or reused

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def _timed(result: BuildResult, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        result.timings[stage] = time.perf_counter() - start


def build(root: Path, site_dir: Path | None = None, *, check_links: bool = True,
          use_linkchecker: bool = False, check_external: bool = False) -> BuildResult:
    """Build the site of the project at ``root`` into ``site_dir`` (default: root/site) if nothing is wrong.

    Links and anchors are checked by sitelinks (fast, on the HTML model); ``use_linkchecker`` also
    runs linkchecker over the site served on 127.0.0.1, and ``check_external`` lets it check other sites.
    """
    result = BuildResult()
    target = site_dir or root / "site"
    with _timed(result, "source checks"):
        site = load_site(root)
        result.problems = checks.check_sources(site)
    if result.problems:
        return result
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    pages: dict[str, html.HtmlPage] = {}

    def html_checks() -> list[Problem]:
        pages.update(html.read_built_site(work))  # read once, used by the link checks too
        return html.check_built(site, work, pages)

    try:
        stages: list[tuple[str, Callable[[], list[Problem]]]] = [
            ("mkdocs build", lambda: engine.run_mkdocs(site, work)),
            ("booklet pdfs", lambda: _booklet_pdfs(site, work, result)),
            ("html checks", html_checks),
        ]
        if check_links:
            stages.append(("link checks", lambda: sitelinks.check_links(
                pages, work, str(site.config.get("site_url") or ""), source_map(site))))
        if use_linkchecker or check_external:
            stages.append(("linkchecker", lambda: linkcheck.run_linkchecker(work, source_map(site), check_external)))
        for stage, run in stages:
            with _timed(result, stage):
                result.problems = run()
            if result.problems:
                return result
        with _timed(result, "swap"):
            swap_into(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _booklet_pdfs(site: Site, work: Path, result: BuildResult) -> list[Problem]:
    """The booklets' PDFs and download buttons, into the built site (cache: .cache/booklets/)."""
    result.pdfs = booklet_pdf.publish(site, work, site.root / ".cache" / "booklets")
    return result.pdfs.problems


def source_map(site: Site) -> dict[str, Page]:
    """Published URL path -> Markdown page, to name the file (and line) an editor must open."""
    return {html.page_url(site, lang, rel): page for (lang, rel), page in site.pages.items()}


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")  # what a build reads


def copy_project(root: Path, dest: Path) -> Path:
    """Copy what a build of the project at ``root`` reads into ``dest`` (for tests and benchmarks)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def swap_into(work: Path, target: Path) -> None:
    """Replace ``target`` by ``work`` with two renames, so no reader ever sees a half-written site."""
    os.chmod(work, 0o755)
    old = target.with_name(f".site-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    work.rename(target)
    shutil.rmtree(old, ignore_errors=True)
