"""What ``make serve`` adds to the preview: the source checks on every rebuild, reported in the terminal (file:line)
and in a banner at the top of every previewed page ("no problem" once fixed). Never in a build's output."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from ..problems import Problem, format_text

MAX_SHOWN = 20  # problems listed in the banner; the terminal has them all
# A banner as banner_html writes it (its texts are escaped: no '</div>' inside), with the page's Markdown file.
BANNER = re.compile(r'<div class="admonition \w+ rc-live-check"[^>]*? data-source="([^"]*)">.*?</div>', re.S)


@dataclass(frozen=True)
class LiveCheck:
    """The problems of the sources at the last save, and how long the checks took."""

    problems: tuple[Problem, ...]
    seconds: float


_last: list[LiveCheck] = []  # the checks of the last rebuild, in this make serve process


def remember(check: LiveCheck) -> LiveCheck:
    """Keep ``check`` as the last rebuild's (for ``last``)."""
    _last[:] = [check]
    return check


def last() -> LiveCheck | None:
    """The checks of the last rebuild, if any."""
    return _last[0] if _last else None


def terminal_text(check: LiveCheck) -> str:
    """The report printed in the terminal after each save."""
    heading = f"Source checks ({check.seconds:.2f} s):"
    return f"{heading} no problem found." if not check.problems else f"{heading}\n{format_text(check.problems)}"


def banner_html(check: LiveCheck, page_path: str) -> str:
    """The banner of a previewed page: every problem (those of ``page_path``, e.g. docs/fr/faq.md, first)."""
    timing = f"checked in {check.seconds:.2f} s, at your last save"
    if not check.problems:
        return (f'<div class="admonition success rc-live-check" role="status" lang="en" data-search-exclude'
                f' data-source="{escape(page_path)}">'
                f'<p class="admonition-title">make serve: no problem in the sources ({timing}).</p></div>')
    items = sorted(set(check.problems), key=lambda p: (p.path != page_path, p))
    count = f"{len(items)} problem{'s' if len(items) != 1 else ''}"
    rows = "".join(f"<li><code>{escape(p.where)}</code>{' (this page)' if p.path == page_path else ''}: "
                   f"{escape(p.advice)}</li>" for p in items[:MAX_SHOWN])
    more = f"<p>… and {len(items) - MAX_SHOWN} more: see the terminal.</p>" if len(items) > MAX_SHOWN else ""
    return (f'<div class="admonition failure rc-live-check" role="status" lang="en" data-search-exclude'
            f' data-source="{escape(page_path)}">'
            f'<p class="admonition-title">make serve: {count} in the sources ({timing}).</p>'
            f"<ul>{rows}</ul>{more}</div>")


def refresh_banners(site_dir: Path, check: LiveCheck) -> None:
    """Put ``check`` in the banner of every page of ``site_dir`` (make serve rebuilt another language only)."""
    for path in site_dir.rglob("*.html"):
        page = path.read_text("utf-8")
        updated = BANNER.sub(lambda found: banner_html(check, unescape(found.group(1))), page)
        if updated != page:
            path.write_text(updated, "utf-8")
