"""Benchmark: what the build costs as the site grows, stage by stage, against plain ``mkdocs build``.

``python -m scripts bench`` generates synthetic bilingual sites (the real site plus N generated
pages per language), then times, for each size, plain MkDocs and our full pipeline (cold and warm
PDF cache), each run in a fresh process that also reports its peak memory. It prints a table and
writes it as JSON. This is a measurement, not a test.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .. import pipeline
from ..built import engine
from .project_copy import copy_project

WORDS = {
    "fr": ("Section", "Les participants se rencontrent pendant {a} heures avec {b} acteurs locaux.",
           "Voir aussi"),
    "en": ("Section", "Participants meet for {a} hours with {b} local actors.", "See also"),
}
SECTIONS = 5
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # no banner from Material


def synthetic_page(lang: str, number: int, total: int) -> str:
    """A FAQ-like page: explicit heading ids, links and anchors to other pages, an image, numbers."""
    heading, sentence, see = WORDS[lang]
    following = number % total + 1
    lines = ["---", f"title: Page {number}", f"description: {heading} {number}", "---", "", f"# Page {number}", ""]
    for part in range(1, SECTIONS + 1):
        lines += [f"## {heading} {part} {{#part-{part}}}", "",
                  sentence.format(a=number + part, b=2 * part) + f" {see} "
                  f"[page {following}](page-{following:04d}.md#part-{part}).", ""]
    lines += ["![](../assets/images/logo.svg)", ""]
    return "\n".join(lines)


def generate_site(root: Path, dest: Path, pages: int) -> Path:
    """A copy of the project at ``root`` in ``dest`` with ``pages`` generated pages per language (0: the real site)."""
    copy_project(root, dest)
    if not pages:
        return dest
    for lang in WORDS:
        folder = dest / "docs" / lang / "bench"
        folder.mkdir(parents=True)
        for number in range(1, pages + 1):
            (folder / f"page-{number:04d}.md").write_text(synthetic_page(lang, number, pages), "utf-8")
    config_file = dest / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    entries = "".join(f"      - bench/page-{n:04d}.md\n" for n in range(1, pages + 1))
    config_file.write_text(text.replace("\nnav:\n", f"\nnav:\n  - Bench:\n{entries}", 1), "utf-8")
    _add_nav_translation(config_file)
    return dest


def _add_nav_translation(config_file: Path) -> None:
    """The generated menu section needs its English title like any other."""
    text = config_file.read_text("utf-8")
    marker = "          nav_translations:\n"
    config_file.write_text(text.replace(marker, marker + "            Bench: Bench\n", 1), "utf-8")


def measure(kind: str, project: Path, out: Path) -> dict[str, float]:
    """One run of ``kind`` ("plain", "pipeline" or "linkchecker") in this process; seconds per stage and peak MiB."""
    start, cpu = time.perf_counter(), _cpu()
    if kind == "plain":  # the engine's own command (ENGINE: MkDocs or ProperDocs), one language after the other
        command = [sys.executable, "-m", engine.chosen(), "build", "--quiet", "--site-dir", str(out)]
        subprocess.run(command, cwd=project, check=True, env=ENVIRONMENT, capture_output=True)
        timings = {"mkdocs build": time.perf_counter() - start}
    elif kind == "linkchecker":  # the same built site, checked by linkchecker instead of the fast link check
        from ..built.linkchecker import run_linkchecker

        problems = run_linkchecker(out, {})
        if problems:
            raise SystemExit("\n".join(map(str, problems[:20])))
        timings = {}
    else:
        result = pipeline.build(project, out)
        if not result.ok:
            raise SystemExit("\n".join(map(str, result.problems[:20])))
        timings = dict(result.timings)
    timings["total"] = time.perf_counter() - start
    timings["cpu"] = _cpu() - cpu
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    timings["peak MiB"] = peak_kib / 1024
    return timings


def _cpu() -> float:
    """Processor seconds (user and system) of this process and of its children that have ended."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _run_measure(kind: str, project: Path) -> dict[str, float]:
    """``measure`` in a fresh process, so that peak memory belongs to that run alone."""
    out = project / "site"
    code = ("import json, sys; from pathlib import Path; from scripts.dev.bench import measure; "
            f"print(json.dumps(measure({kind!r}, Path({str(project)!r}), Path({str(out)!r}))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True,
                          env=ENVIRONMENT)
    if done.returncode != 0:
        raise SystemExit(f"{kind} build failed:\n{done.stdout}\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def bench(root: Path, sizes: list[int], runs: int, workdir: Path, linkchecker_max: int = 200) -> dict[str, Any]:
    """Medians per size: plain MkDocs, our pipeline with a cold and a warm PDF cache; linkchecker
    (one run) on sizes up to ``linkchecker_max`` pages, as it takes minutes beyond."""
    results: dict[str, Any] = {"sizes": {}, "runs": runs}
    for size in sizes:
        project = generate_site(root, Path(tempfile.mkdtemp(prefix=f"bench-{size}-", dir=workdir)), size)
        pages = sum(1 for _ in (project / "docs" / "fr").rglob("*.md"))
        plain, cold, warm, slow = [], [], [], []
        for _ in range(runs):
            plain.append(_run_measure("plain", project))
            shutil.rmtree(project / ".cache", ignore_errors=True)
            cold.append(_run_measure("pipeline", project))
            warm.append(_run_measure("pipeline", project))
        if size <= linkchecker_max:
            slow.append(_run_measure("linkchecker", project))  # once: it is the slow one
        results["sizes"][str(size)] = {"pages per language": pages, "plain": _median(plain),
                                       "cold": _median(cold), "warm": _median(warm),
                                       "linkchecker": slow[0] if slow else None}
        print(f"{pages} pages per language: plain {results['sizes'][str(size)]['plain']['total']:.2f} s, "
              f"pipeline warm {results['sizes'][str(size)]['warm']['total']:.2f} s", file=sys.stderr, flush=True)
        shutil.rmtree(project, ignore_errors=True)
    return results


OUR_CHECKS = ("source checks", "html checks", "link checks")


def table(results: dict[str, Any]) -> str:
    """The results as a plain-text table, with the ratios the goals are stated in."""
    stages = sorted({stage for size in results["sizes"].values() for stage in size["warm"]
                     if stage not in ("total", "cpu", "peak MiB")})
    header = ["pages/lang", "plain mkdocs"] + [f"{s} (warm)" for s in stages] + \
        ["total cold", "total warm", "warm/plain", "cpu warm/plain", "checks/plain", "linkchecker", "peak MiB"]
    rows = [header]
    for size in results["sizes"].values():
        plain, cold, warm = size["plain"]["total"], size["cold"], size["warm"]
        checks = sum(warm.get(stage, 0.0) for stage in OUR_CHECKS)
        rows.append([str(size["pages per language"]), f"{plain:.2f}"] +
                    [f"{warm.get(stage, 0.0):.2f}" for stage in stages] +
                    [f"{cold['total']:.2f}", f"{warm['total']:.2f}", f"{warm['total'] / plain:.2f}",
                     f"{warm['cpu'] / size['plain']['cpu']:.2f}", f"{checks / plain:.2f}",
                     f"{size['linkchecker']['total']:.2f}" if size["linkchecker"] else "-",
                     f"{max(cold['peak MiB'], warm['peak MiB']):.0f}"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + ("\n(seconds, median of runs; checks = source + HTML + link checks; "
                               "linkchecker = the same link checks by linkchecker over HTTP, one run)")


def growth(results: dict[str, Any]) -> str:
    """Seconds per 100 pages for each stage at each size: flat figures mean linear growth."""
    lines = ["seconds per 100 pages per language (warm):"]
    for size in results["sizes"].values():
        pages = size["pages per language"]
        per = {stage: 100 * value / pages for stage, value in size["warm"].items() if stage not in ("cpu", "peak MiB")}
        per["plain mkdocs"] = 100 * size["plain"]["total"] / pages
        lines.append(f"  {pages:>5}: " + ", ".join(f"{stage} {value:.2f}" for stage, value in per.items()))
    return "\n".join(lines)

