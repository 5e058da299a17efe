"""What ``make serve`` adds to the preview: the source checks on every rebuild, reported in the terminal (file:line)
and in a banner at the top of every previewed page ("no problem" once fixed). Never in a build's output."""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from ..built.forked import in_fork
from ..problems import Problem, format_text

MAX_SHOWN = 20  # problems listed in the banner; the terminal has them all
# What mkdocs serve would print again or for nothing: a link or anchor the source checks already told (with
# file:line and how to fix), and the offline worker that only a build publishes (/sw.js).
REPEATED = {"mkdocs.structure.pages": ("contains a link", "contains an absolute link", "unrecognized relative link"),
            "mkdocs.livereload": ('"GET /sw.js ',)}


class _Repeated(logging.Filter):
    def __init__(self, words: tuple[str, ...]) -> None:
        super().__init__()
        self.words = words

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(word in record.getMessage() for word in self.words)


def quiet_serve_logs() -> None:
    """Under mkdocs serve, leave out of the terminal the lines in REPEATED (a build still fails on them)."""
    for name, words in REPEATED.items():
        logging.getLogger(name).addFilter(_Repeated(words))


# A banner as banner_html writes it (its texts are escaped: no '</div>' inside), with the page's Markdown file, and
# the box of warnings that may follow it.
BANNER = re.compile(r'<div class="admonition \w+ rc-live-check"[^>]*? data-source="([^"]*)">.*?</div>'
                    r'(?:<div class="admonition warning rc-live-check-warnings"[^>]*>.*?</div>)?', re.S)


@dataclass(frozen=True)
class LiveCheck:
    """The problems of the sources at the last save, and how long the checks took."""

    problems: tuple[Problem, ...]
    seconds: float


def _split(check: LiveCheck) -> tuple[list[Problem], list[Problem]]:
    """The errors and the warnings (e.g. a translation a commit made outdated), each sorted once."""
    items = sorted(set(check.problems))
    return [p for p in items if p.level == "error"], [p for p in items if p.level == "warning"]


_last: list[LiveCheck] = []  # the checks of the last rebuild, in this make serve process


def remember(check: LiveCheck) -> LiveCheck:
    """Keep ``check`` as the last rebuild's (for ``last``)."""
    _last[:] = [check]
    return check


def last() -> LiveCheck | None:
    """The checks of the last rebuild, if any."""
    return _last[0] if _last else None


_running: list[Callable[[], LiveCheck | None]] = []  # the checks of the rebuild under way (their result)


def start(checks: Callable[[], Iterable[Problem]]) -> None:
    """Run ``checks`` in a process forked from this one (it has the model), while this one builds the pages: on two
    cores the banner is ready when the pages are. ``finish`` takes the result."""

    def timed() -> LiveCheck:
        began = time.perf_counter()
        problems = tuple(checks())
        return LiveCheck(problems, time.perf_counter() - began)
    _running[:] = [in_fork(timed)]


def finish() -> LiveCheck | None:
    """The checks started last, once they end (None if none is running); remembered as the last rebuild's."""
    if not _running:
        return None
    check = _running.pop()()
    if check is None:
        check = LiveCheck((Problem("mkdocs.yml", None, "the source checks stopped before their end",
                                   "see the messages in the terminal, then save again"),), 0.0)
    return remember(check)


def terminal_text(check: LiveCheck) -> str:
    """The report printed in the terminal after each save: the problems, then the warnings."""
    errors, warnings = _split(check)
    heading = f"Source checks ({check.seconds:.2f} s):"
    lines = [f"{heading} no problem found." if not errors else f"{heading}\n{format_text(errors)}"]
    return "\n".join(lines + [f"Warning: {warning}." for warning in warnings])


def _items(problems: list[Problem], page_path: str) -> str:
    ordered = sorted(problems, key=lambda p: (p.path != page_path, p))
    rows = "".join(f"<li><code>{escape(p.where)}</code>{' (this page)' if p.path == page_path else ''}: "
                   f"{escape(p.advice)}</li>" for p in ordered[:MAX_SHOWN])
    more = f"<p>… and {len(ordered) - MAX_SHOWN} more: see the terminal.</p>" if len(ordered) > MAX_SHOWN else ""
    return f"<ul>{rows}</ul>{more}"


def banner_html(check: LiveCheck, page_path: str) -> str:
    """The banner of a previewed page: every problem (those of ``page_path``, e.g. docs/fr/faq.md, first), then
    the warnings (to check, they fail nothing). ``data-source`` names the page's file for ``refresh_banners``."""
    timing = f"checked in {check.seconds:.2f} s, at your last save"
    errors, warnings = _split(check)
    to_check = (f'<div class="admonition warning rc-live-check-warnings" role="status" lang="en" data-search-exclude>'
                f'<p class="admonition-title">make serve: {len(warnings)} to check (not a problem, '
                f'nothing fails):</p>{_items(warnings, page_path)}</div>') if warnings else ""
    if errors:
        kind, count = "failure", f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
        title, items = f"make serve: {count} in the sources ({timing}).", _items(errors, page_path)
    else:
        kind, title, items = "success", f"make serve: no problem in the sources ({timing}).", ""
    return (f'<div class="admonition {kind} rc-live-check" role="status" lang="en" data-search-exclude'
            f' data-source="{escape(page_path)}"><p class="admonition-title">{title}</p>{items}</div>' + to_check)


def refresh_banners(site_dir: Path, check: LiveCheck) -> None:
    """Put ``check`` in the banner of every page of ``site_dir`` (make serve rebuilt another language only)."""
    for path in site_dir.rglob("*.html"):
        page = path.read_text("utf-8")
        updated = BANNER.sub(lambda found: banner_html(check, unescape(found.group(1))), page)
        if updated != page:
            path.write_text(updated, "utf-8")
