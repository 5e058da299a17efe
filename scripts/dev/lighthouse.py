"""Lighthouse on the built site, served on 127.0.0.1 the way its host serves it (gzip, ``_headers``).

Lighthouse is pinned to an exact version in ``tools/lighthouse/`` (package.json + package-lock.json,
installed by ``make setup`` with ``npm ci``), runs on Debian's Node and drives Debian's Chromium
(``CHROME_PATH``): it never downloads a browser. Mobile preset (Lighthouse's default), one page at a time.
A printed report (``make lighthouse``), and the figures a test holds at 100.

The performance score under simulated throttling scales the CPU time the page really took on this host:
on a shared, busy machine it varies from run to run. Each page is therefore run up to ``runs`` times
and its best run kept, as Lighthouse CI's "optimistic" aggregation does; the table says how many runs
it took. Accessibility, best practices and SEO do not vary.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .browser import CHROMIUM
from .host import serve_like_host

TOOL_DIR = Path(__file__).resolve().parents[2] / "tools" / "lighthouse"
CLI = Path("node_modules") / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The categories whose score does not move with the machine's load (the tests hold these; performance stays
# in `make lighthouse`).
STEADY = ("accessibility", "best-practices", "seo")
# Headless, and no traffic of Chromium's own: what Lighthouse sees is the page's (see pitfalls.md).
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update")
# The five kinds of page, in both languages.
PAGES = ("/", "/faq/", "/eligibility/", "/programme/", "/booklets/clermont-ferrand-2025/",
         "/en/", "/en/faq/", "/en/eligibility/", "/en/programme/", "/en/booklets/clermont-ferrand-2025/")
SCORED_MODES = ("binary", "numeric", "metricSavings")  # audits that can score below 1 (those with a weight count)


class LighthouseMissingError(RuntimeError):
    """Lighthouse or Node is not installed where expected."""


@dataclass(frozen=True)
class PageReport:
    """One page's four scores (0-100), its layout shift and the audits that did not score fully."""

    url: str
    scores: dict[str, int]
    layout_shift: float
    below_100: tuple[str, ...]   # the audits that count in a score and lost points: "id (score): title – value"
    runs: int = 1                # how many runs it took to get this one (the best)

    @property
    def perfect(self) -> bool:
        return all(self.scores.get(name) == 100 for name in CATEGORIES) and self.layout_shift == 0

    @property
    def steady_perfect(self) -> bool:
        """100 in the categories that do not depend on the machine's load, and no layout shift."""
        return all(self.scores.get(name) == 100 for name in STEADY) and self.layout_shift == 0


def command(tool_dir: Path = TOOL_DIR) -> list[str]:
    """The Lighthouse command line: Debian's ``node`` on the pinned CLI."""
    node, cli = shutil.which("node"), tool_dir / CLI
    if node is None:
        raise LighthouseMissingError("Node is not installed: install Debian's nodejs and npm (apt-get install nodejs npm)")
    if not cli.is_file():
        raise LighthouseMissingError(f"Lighthouse is not installed in {tool_dir}: run 'make setup' (npm ci)")
    return [node, str(cli)]


def run_lighthouse(url: str, tool_dir: Path = TOOL_DIR) -> dict[str, Any]:
    """Lighthouse's JSON result (LHR) for ``url``."""
    with tempfile.TemporaryDirectory(prefix="rc-lighthouse-") as folder:
        output = Path(folder) / "report.json"
        subprocess.run(
            [*command(tool_dir), url, "--quiet", "--output=json", f"--output-path={output}",
             f"--only-categories={','.join(CATEGORIES)}", "--no-enable-error-reporting",
             f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
            check=True, capture_output=True, text=True, timeout=300,
            env={**os.environ, "CHROME_PATH": CHROMIUM, "HOME": folder})
        result: dict[str, Any] = json.loads(output.read_text("utf-8"))
    if result.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {url}: {result['runtimeError'].get('message')}")
    return result


def page_report(url: str, result: dict[str, Any]) -> PageReport:
    """What counts from Lighthouse's result for one page."""
    categories, audits = result["categories"], result["audits"]
    scores = {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}
    below = []
    for name in CATEGORIES:
        for ref in categories[name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight") and audit.get("scoreDisplayMode") in SCORED_MODES \
                    and audit.get("score") is not None and audit["score"] < 1:
                value = f" – {audit['displayValue']}" if audit.get("displayValue") else ""
                below.append(f"{ref['id']} ({round(audit['score'] * 100)}): {audit['title']}{value}")
    shift = float(audits["cumulative-layout-shift"].get("numericValue") or 0)
    return PageReport(url, scores, shift, tuple(dict.fromkeys(below)))


def best_report(url: str, base: str, runs: int, tool_dir: Path = TOOL_DIR) -> PageReport:
    """The best of up to ``runs`` runs on one page: the first perfect one, or the highest total."""
    best: PageReport | None = None
    for run in range(1, runs + 1):
        report = replace(page_report(url, run_lighthouse(base + url.lstrip("/"), tool_dir)), runs=run)
        if best is None or _rank(report) > _rank(best):
            best = report
        if best.perfect:
            break
    assert best is not None, "runs must be at least 1"
    return best


def _rank(report: PageReport) -> tuple[bool, int, float]:
    return report.perfect, sum(report.scores.values()), -report.layout_shift


def audit_site(site_dir: Path, urls: tuple[str, ...] | list[str] = PAGES, runs: int = 3, tool_dir: Path = TOOL_DIR,
               progress: Callable[[PageReport], None] | None = None) -> list[PageReport]:
    """Lighthouse on each of ``urls`` (site-relative) of the built site ``site_dir``, one page after the other,
    each up to ``runs`` times (the best run is kept)."""
    command(tool_dir)  # fails early, before serving anything
    reports = []
    with serve_like_host(site_dir) as base:
        for url in urls:
            reports.append(best_report(url, base, runs, tool_dir))
            if progress:
                progress(reports[-1])
    return reports


def format_table(reports: list[PageReport]) -> str:
    """The four scores and the layout shift a line; then each page's audits below 100."""
    width = max([len("page")] + [len(report.url) for report in reports])
    heads = ("perf", "a11y", "best pr.", "SEO", "CLS", "runs")
    lines = [f"{'page':<{width}}  " + "  ".join(f"{head:>8}" for head in heads)]
    for report in reports:
        lines.append(f"{report.url:<{width}}  " + "  ".join(f"{report.scores[name]:>8}" for name in CATEGORIES)
                     + f"  {report.layout_shift:>8.3f}  {report.runs:>8}")
    for report in reports:
        lines += [f"{report.url}: {audit}" for audit in report.below_100]
    if all(report.perfect for report in reports):
        lines.append("Every page: 100 in the four categories, no layout shift.")
    return "\n".join(lines)
