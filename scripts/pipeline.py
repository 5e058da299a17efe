"""The build: the model loaded once (features/registry.py) and checked, MkDocs into a temporary folder, the features'
stages (booklet PDFs, made only from pages the safety gate passed; posters; ZIM), the security policy, HTML checks,
the offline worker, the safety check of everything published (built/verify), link checks, then an atomic swap into
the site folder.

On any problem the previous site folder is left exactly as it was. One build at a time writes into a
folder (a lock file); the temporary folders that killed builds left behind are removed by the next one.
"""
from __future__ import annotations

import errno
import fcntl
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .built import html_checks, linkchecker, links, policy
from .built.language import check_language
from .built.swap import OLD_PREFIX, restore_backup, swap_into
from .built.verify.run import verify_site
from .features.booklets import publish
from .features.feature import StageRun
from .features.i18n_status.model import load_status
from .features.i18n_status.report import outdated_warnings
from .features.readability import measure as readability
from .features.readability import report as readability_report
from .features.registry import FEATURES, check_sources, load, source_warnings
from .mkdocs_glue import languages
from .problems import Problem
from .source.model import Site

WORK_PREFIX = ".site-build-"
LOCK_FILE = ".build-lock"


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)          # about the machine; they do not fail the build
    warnings: list[Problem] = field(default_factory=list)   # for editors (outdated translations, readability); never fail it
    timings: dict[str, float] = field(default_factory=dict)
    pdfs: publish.PdfReport = field(default_factory=publish.PdfReport)  # booklet PDFs rendered or reused

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


def build(root: Path, site_dir: Path | None = None, *, check_links: bool = True, use_linkchecker: bool = False,
          check_external: bool = False, zim: bool = False,
          waiting: Callable[[str], None] = lambda message: None) -> BuildResult:
    """Build the site of the project at ``root`` into ``site_dir`` (default: root/site) if nothing is wrong.

    Links and anchors are checked on the HTML model (fast); ``use_linkchecker`` also runs linkchecker
    over the site served on 127.0.0.1, and ``check_external`` lets it check other sites. ``waiting``
    is told when another build holds the folder's lock. ``zim`` also writes the whole site as a ZIM file.
    """
    result = BuildResult()
    target = site_dir or root / "site"
    with _timed(result, "source checks"):
        site = load(root)
        found = check_sources(site)  # its warnings (writing rules) do not stop the build: shown after it
        result.problems = [problem for problem in found if problem.level == "error"]
        result.warnings = [problem for problem in found if problem.level == "warning"]
    if result.problems:
        return result
    try:
        _build_and_swap(site, target, result, check_links, use_linkchecker or check_external, check_external, zim,
                        waiting)
    except OSError as error:  # a full or read-only disk: the site folder is as it was
        result.problems = [disk_problem(error, site.show(target))]
    return result


def _build_and_swap(site: Site, target: Path, result: BuildResult, check_links: bool, use_linkchecker: bool,
                    check_external: bool, zim: bool, waiting: Callable[[str], None]) -> None:
    with one_build_at_a_time(target.parent, waiting):
        restore_backup(target)  # a build killed between the two renames of a swap
        remove_leftovers(target.parent)
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=target.parent))
        try:
            if _run_stages(site, work, result, check_links, use_linkchecker, check_external, zim):
                with _timed(result, "swap"):
                    swap_into(work, target)
                with _timed(result, "readability"):
                    readable = readability_report.warnings(readability.measure_site(site))
                # Which pages the commits made outdated (and how to mark a change that needs no translation), pages
                # left to fill, the writing rules' warnings, readability.
                result.warnings = [*outdated_warnings(load_status(site.root, site)), *source_warnings(site),
                                   *result.warnings, *readable]
        finally:
            shutil.rmtree(work, ignore_errors=True)


def disk_problem(error: OSError, site_folder: str) -> Problem:
    """A failed write, in plain words: the disk is full, read-only, or the folder is not writable."""
    reasons = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
               errno.EROFS: "the disk is read-only", errno.EACCES: "this user may not write there",
               errno.EPERM: "this user may not write there"}
    reason = reasons.get(error.errno or 0, error.strerror or "the system refused")
    return Problem(site_folder, None, f"the build could not write its files ({reason}); the site was left as it was",
                   "free some space or make the folder writable, then build again")


def _run_stages(site: Site, work: Path, result: BuildResult, check_links: bool, use_linkchecker: bool,
                check_external: bool, zim: bool = False) -> bool:
    """Every stage after the source checks, in order, until one finds a problem; True if none did."""
    run = StageRun(site, work, zim, result.notes)

    def features(when: str) -> list[tuple[str, Callable[[], list[Problem]]]]:
        """The features' stages, in the order of features/registry.py."""
        stages = [feature.stage for feature in FEATURES if feature.stage is not None and feature.stage.when == when]
        return [(stage.name, partial(stage.run, run)) for stage in stages]

    stages: list[tuple[str, Callable[[], list[Problem]]]] = [
        # The languages at the same time; meanwhile, wordfreq's lists load for the readability stage.
        ("mkdocs build", lambda: languages.build(site, work, lambda: readability.warm_up(site))),
        ("language", lambda: check_language(site, work)),     # on the text readers see
        *features("pages"),  # booklet PDFs (from pages the safety gate checks first), posters, ZIM: they write pages
        ("security policy", lambda: policy.publish_policy(work)),  # once every stage that writes HTML has run
        ("html checks", lambda: html_checks.check_built(site, run.pages())),  # read once, for the later stages too
        *features("final"),                                    # the offline worker: every file is final
        ("verify site", lambda: verify_site(site, work)),  # what is published, whatever wrote it
    ]
    if check_links:
        stages.append(("link checks", lambda: links.check_links(
            run.pages(), work, str(site.config.get("site_url") or ""), site.source_map())))
    if use_linkchecker:
        stages.append(("linkchecker", lambda: linkchecker.run_linkchecker(work, site.source_map(), check_external)))
    try:
        for stage, step in stages:
            with _timed(result, stage):
                result.problems = step()
            if result.problems:
                return False
        return True
    finally:
        result.pdfs = run.reports.get("booklets", result.pdfs)


@contextmanager
def one_build_at_a_time(folder: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the lock of the builds into ``folder`` for the block; wait for another build that holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK_FILE).open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(f"another build is writing into {folder}: waiting for it to finish")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary folders that builds killed half-way left in ``folder`` (call with the lock held,
    after ``restore_backup``)."""
    found = sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith((WORK_PREFIX, OLD_PREFIX)))
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found
