"""The developers' commands of ``python -m scripts`` (benchmarks, page weight, slow phone, Lighthouse, outside
judges): none is part of a build. Each tool is imported when its command runs (Chromium, Node), not before."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

Command = Callable[[argparse.Namespace], int]


def _built_site(args: argparse.Namespace) -> Path | None:
    """The built site of ``--site-dir`` (default: site/), or None after saying how to build it."""
    site_dir: Path = args.site_dir or args.root / "site"
    if (site_dir / "index.html").is_file():
        return site_dir
    print(f"No built site in {site_dir}: run 'make build' (or pass --site-dir).", file=sys.stderr)
    return None


def cmd_bench(args: argparse.Namespace) -> int:
    """Time plain MkDocs and our full pipeline, stage by stage, on generated sites of growing size."""
    from . import bench

    args.workdir.mkdir(parents=True, exist_ok=True)
    results = bench.bench(args.root, args.sizes, args.runs, args.workdir, args.linkchecker_max)
    print(bench.table(results))
    print(bench.growth(results))
    args.json.write_text(json.dumps(results, indent=2), "utf-8")
    print(f"written to {args.json}")
    return 0


def cmd_bench_serve(args: argparse.Namespace) -> int:
    """Time make serve on a copy of the project: save a broken link into a page, until the problem is in the
    terminal and in the banner of the page open in Chromium; then fix it, until the banner clears."""
    from . import live_serve

    print(live_serve.table(live_serve.measure(args.root, args.runs)))
    return 0


def cmd_weight(args: argparse.Namespace) -> int:
    """Load each built page in Chromium (served on 127.0.0.1 with gzip); print requests and bytes transferred."""
    from . import weight

    if (site_dir := _built_site(args)) is None:
        return 1
    weights = weight.measure_site(site_dir)
    print(json.dumps([asdict(w) for w in weights], indent=2) if args.format == "json" else weight.format_table(weights))
    return 0


def cmd_judges(args: argparse.Namespace) -> int:
    """Run the outside judges (vnu, PDF/UA-1, Grammalecte, lychee, zizmor) on the built site, as the tests do;
    print what each finds. Exit status 1 if any finds something."""
    from .judges.report import run_judges

    if (site_dir := _built_site(args)) is None:
        return 1
    return 1 if run_judges(args.root, site_dir) else 0


def cmd_slow_phone(args: argparse.Namespace) -> int:
    """First paint, "usable" and bytes of the main pages on a slow phone (400 ms, 400 kbit/s, gzip), both languages."""
    from . import slow_phone

    if (site_dir := _built_site(args)) is None:
        return 1
    print(slow_phone.format_table(*slow_phone.measure_site(site_dir)))
    return 0


def cmd_lighthouse(args: argparse.Namespace) -> int:
    """Run Lighthouse (pinned in tools/lighthouse/) on the built site served like its host; print the four scores
    and the layout shift of each page, then the audits below 100. Exit status 1 unless every page scores 100."""
    from . import lighthouse

    if (site_dir := _built_site(args)) is None:
        return 1
    try:
        reports = lighthouse.audit_site(site_dir, args.pages or lighthouse.PAGES, runs=args.runs,
                                        progress=lambda r: print(f"{r.url}: {r.scores}", file=sys.stderr))
    except lighthouse.LighthouseMissingError as error:
        print(f"{error}.", file=sys.stderr)
        return 1
    print(lighthouse.format_table(reports))
    return 0 if all(report.perfect for report in reports) else 1


def add_commands(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the developers' commands with ``add_parser`` (the ``add_parser`` of the command line's subparsers)."""

    def command(function: Command, site_dir: bool = False) -> argparse.ArgumentParser:
        name = function.__name__.removeprefix("cmd_").replace("_", "-")
        sub = add_parser(name, help=function.__doc__, description=function.__doc__)
        sub.set_defaults(run=function)
        if site_dir:
            sub.add_argument("--site-dir", type=Path, default=None, help="the built site (default: site/)")
        return sub

    bench = command(cmd_bench)
    bench.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="pages per language (0: the real site)")
    bench.add_argument("--runs", type=int, default=3, help="runs per size (the median is reported)")
    bench.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rc-bench",
                       help="where the generated sites go")
    bench.add_argument("--json", type=Path, default=Path("bench.json"), help="where to write the results")
    bench.add_argument("--linkchecker-max", type=int, default=200,
                       help="also time linkchecker on sites up to this many pages per language")
    command(cmd_bench_serve).add_argument("--runs", type=int, default=5, help="saves measured (each: broken, then fixed)")
    command(cmd_weight, site_dir=True).add_argument("--format", choices=("text", "json"), default="text",
                                                    help="a table, or JSON for tools")
    command(cmd_judges, site_dir=True)
    command(cmd_slow_phone, site_dir=True)
    light = command(cmd_lighthouse, site_dir=True)
    light.add_argument("--pages", nargs="+", default=None,
                       help="site-relative addresses, e.g. / /en/faq/ (default: 5 kinds of page in both languages)")
    light.add_argument("--runs", type=int, default=3,
                       help="runs per page at most; the best is kept (performance varies with the host's load)")
