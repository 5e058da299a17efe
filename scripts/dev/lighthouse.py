"""Lighthouse on the built site, served on 127.0.0.1 the way its host serves it (gzip, ``_headers``).

Lighthouse is pinned to an exact version in ``tools/lighthouse/`` (package.json + package-lock.json,
installed by ``make setup`` with ``npm ci``), runs on Debian's Node and drives Debian's Chromium
(``CHROME_PATH``): it never downloads a browser. Mobile preset (Lighthouse's default), one page after the other,
with one Node process and one Chromium for all of them (``tools/lighthouse/audit.mjs``, through Lighthouse's Node
API). A printed report (``make lighthouse``), and the figures a test holds at 100.

The performance score under simulated throttling scales the CPU time the page really took on this host:
on a shared, busy machine it varies from run to run. Each page is therefore run up to ``runs`` times
and its best run kept, as Lighthouse CI's "optimistic" aggregation does; the table says how many runs
it took. Accessibility, best practices and SEO do not vary: the test audits only those, and the layout shift.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .browser import CHROMIUM
from .host import serve_like_host

TOOL_DIR = Path(__file__).resolve().parents[2] / "tools" / "lighthouse"
RUNNER = "audit.mjs"
INSTALLED = Path("node_modules") / "lighthouse" / "package.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT_NAMES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best pr.", "seo": "SEO"}
# The categories whose score does not move with the machine's load (the tests hold these; performance stays
# in `make lighthouse`).
STEADY = ("accessibility", "best-practices", "seo")
# Audited whatever the categories: the layout shift, and which elements moved.
SHIFT_AUDITS = ("cumulative-layout-shift", "layout-shifts")
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
    """One page's scores (0-100) in the categories audited, its layout shift and what lowered them."""

    url: str
    scores: dict[str, int]
    layout_shift: float
    below_100: tuple[str, ...]   # the audits that count in a score and lost points: "id (score): title – value"
    shifted: tuple[str, ...] = ()  # the elements that moved, as Lighthouse names them: "selector: text"
    runs: int = 1                # how many runs it took to get this one (the best)

    @property
    def perfect(self) -> bool:
        """100 in every category audited, and no layout shift."""
        return all(score == 100 for score in self.scores.values()) and self.layout_shift == 0


def command(tool_dir: Path = TOOL_DIR) -> list[str]:
    """The command that runs Lighthouse: Debian's ``node`` on our runner, next to the pinned Lighthouse."""
    node = shutil.which("node")
    if node is None:
        raise LighthouseMissingError("Node is not installed: install Debian's nodejs and npm (apt-get install nodejs npm)")
    if not (tool_dir / INSTALLED).is_file():
        raise LighthouseMissingError(f"Lighthouse is not installed in {tool_dir}: run 'make setup' (npm ci)")
    return [node, str(tool_dir / RUNNER)]


def run_lighthouse(urls: list[str], categories: tuple[str, ...] = CATEGORIES,
                   tool_dir: Path = TOOL_DIR) -> Iterator[dict[str, Any]]:
    """Lighthouse's JSON result (LHR) for each of ``urls``, in turn, as each page is done."""
    options = {"chromeFlags": list(CHROME_FLAGS),
               "settings": {"onlyCategories": list(categories), "onlyAudits": list(SHIFT_AUDITS),
                            "disableFullPageScreenshot": True}}
    with tempfile.TemporaryDirectory(prefix="rc-lighthouse-") as home, subprocess.Popen(
            [*command(tool_dir), json.dumps(options), *urls], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={**os.environ, "CHROME_PATH": CHROMIUM, "HOME": home}) as process:
        assert process.stdout is not None and process.stderr is not None
        done = 0
        for url, line in zip(urls, process.stdout):
            result: dict[str, Any] = json.loads(line)
            if result.get("runtimeError"):
                raise RuntimeError(f"Lighthouse could not audit {url}: {result['runtimeError'].get('message')}")
            done += 1
            yield result
        if process.wait(timeout=300) != 0 or done < len(urls):
            raise RuntimeError(f"Lighthouse failed (exit {process.returncode}): {process.stderr.read()[-500:]}")


def page_report(url: str, result: dict[str, Any]) -> PageReport:
    """What counts from Lighthouse's result for one page."""
    categories, audits = result["categories"], result["audits"]
    scores = {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES if name in categories}
    below = []
    for name in scores:
        for ref in categories[name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight") and audit.get("scoreDisplayMode") in SCORED_MODES \
                    and audit.get("score") is not None and audit["score"] < 1:
                value = f" – {audit['displayValue']}" if audit.get("displayValue") else ""
                below.append(f"{ref['id']} ({round(audit['score'] * 100)}): {audit['title']}{value}")
    shift = float(audits["cumulative-layout-shift"].get("numericValue") or 0)
    moved = ((audits.get("layout-shifts") or {}).get("details") or {}).get("items") or []
    shifted = tuple(f"{item['node'].get('selector')}: {item['node'].get('nodeLabel')}"
                    for item in moved if isinstance(item.get("node"), dict))
    return PageReport(url, scores, shift, tuple(dict.fromkeys(below)), shifted)


def _rank(report: PageReport) -> tuple[bool, int, float]:
    return report.perfect, sum(report.scores.values()), -report.layout_shift


def audit_site(site_dir: Path, urls: tuple[str, ...] | list[str] = PAGES, runs: int = 3,
               categories: tuple[str, ...] = CATEGORIES, tool_dir: Path = TOOL_DIR,
               progress: Callable[[PageReport], None] | None = None) -> list[PageReport]:
    """Lighthouse in ``categories`` on each of ``urls`` (site-relative) of the built site ``site_dir``; the pages
    not perfect are run again, up to ``runs`` times in all, and each page's best run is kept."""
    command(tool_dir)  # fails early, before serving anything
    best: dict[str, PageReport] = {}
    with serve_like_host(site_dir) as base:
        for run in range(1, runs + 1):
            todo = [url for url in urls if url not in best or not best[url].perfect]
            if not todo:
                break
            for url, result in zip(todo, run_lighthouse([base + url.lstrip("/") for url in todo], categories,
                                                        tool_dir)):
                report = replace(page_report(url, result), runs=run)
                if url not in best or _rank(report) > _rank(best[url]):
                    best[url] = report
                if progress:
                    progress(report)
    return [best[url] for url in urls]


def format_table(reports: list[PageReport]) -> str:
    """The scores and the layout shift a line; then each page's audits below 100 and the elements that moved."""
    names = [name for name in CATEGORIES if reports and name in reports[0].scores]
    width = max([len("page")] + [len(report.url) for report in reports])
    heads = (*(SHORT_NAMES[name] for name in names), "CLS", "runs")
    lines = [f"{'page':<{width}}  " + "  ".join(f"{head:>8}" for head in heads)]
    for report in reports:
        lines.append(f"{report.url:<{width}}  " + "  ".join(f"{report.scores[name]:>8}" for name in names)
                     + f"  {report.layout_shift:>8.3f}  {report.runs:>8}")
    for report in reports:
        lines += [f"{report.url}: {audit}" for audit in report.below_100]
        lines += [f"{report.url}: moved: {element}" for element in report.shifted if report.layout_shift]
    if all(report.perfect for report in reports):
        lines.append("Every page: 100 in every category audited, no layout shift.")
    return "\n".join(lines)
