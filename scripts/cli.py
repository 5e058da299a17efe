"""Command line of the Resilient Cities site: ``python -m scripts <command>``."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from . import pipeline
from .features.i18n_status import report as i18n_report
from .features.i18n_status.model import load_status
from .problems import Problem, format_json, format_text
from .source.parse import load_site
from .source_checks import check_sources

ROOT = Path(__file__).resolve().parent.parent


def _report(problems: list[Problem], fmt: str) -> int:
    if fmt == "json":
        print(format_json(problems))
    else:
        print(format_text(problems), file=sys.stderr)
    return 1 if problems else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the sources, build with MkDocs, check the HTML and every link, then publish into site/."""
    result = pipeline.build(args.root, args.site_dir, check_links=not args.no_linkcheck,
                            use_linkchecker=args.linkchecker, check_external=args.check_external,
                            waiting=lambda message: print(f"Note: {message}.", file=sys.stderr))
    for note in result.notes:
        print(f"Note: {note}.", file=sys.stderr)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:<14} {seconds:7.2f} s", file=sys.stderr)
    if result.ok and args.format == "text":
        print(f"Site built into {args.site_dir or args.root / 'site'}: no problem found.", file=sys.stderr)
        return 0
    return _report(result.problems, args.format)


def cmd_check(args: argparse.Namespace) -> int:
    """Check the Markdown sources only (translation parity, links between languages, front matter); fast."""
    return _report(check_sources(load_site(args.root)), args.format)


def cmd_i18n_status(args: argparse.Namespace) -> int:
    """Show each page's translation state (up to date, outdated, missing, pending) from git history."""
    report = load_status(args.root)
    print(i18n_report.format_json(report) if args.format == "json" else i18n_report.format_text(report))
    return 1 if args.strict and not report.ok else 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Time plain MkDocs and our full pipeline, stage by stage, on generated sites of growing size."""
    from .dev import bench

    args.workdir.mkdir(parents=True, exist_ok=True)
    results = bench.bench(args.root, args.sizes, args.runs, args.workdir, args.linkchecker_max)
    print(bench.table(results))
    print(bench.growth(results))
    args.json.write_text(json.dumps(results, indent=2), "utf-8")
    print(f"written to {args.json}")
    return 0


def cmd_weight(args: argparse.Namespace) -> int:
    """Load each built page in Chromium (served on 127.0.0.1 with gzip); print requests and bytes transferred."""
    from .dev import weight

    site_dir = args.site_dir or args.root / "site"
    if not (site_dir / "index.html").is_file():
        print(f"No built site in {site_dir}: run 'make build' (or pass --site-dir).", file=sys.stderr)
        return 1
    weights = weight.measure_site(site_dir)
    print(json.dumps([asdict(w) for w in weights], indent=2) if args.format == "json" else weight.format_table(weights))
    return 0


def cmd_lighthouse(args: argparse.Namespace) -> int:
    """Run Lighthouse (pinned in tools/lighthouse/) on the built site served like its host; print the four scores
    and the layout shift of each page, then the audits below 100. Exit status 1 unless every page scores 100."""
    from .dev import lighthouse

    site_dir = args.site_dir or args.root / "site"
    if not (site_dir / "index.html").is_file():
        print(f"No built site in {site_dir}: run 'make build' (or pass --site-dir).", file=sys.stderr)
        return 1
    try:
        reports = lighthouse.audit_site(site_dir, args.pages or lighthouse.PAGES, runs=args.runs,
                                        progress=lambda r: print(f"{r.url}: {r.scores}", file=sys.stderr))
    except lighthouse.LighthouseMissingError as error:
        print(f"{error}.", file=sys.stderr)
        return 1
    print(lighthouse.format_table(reports))
    return 0 if all(report.perfect for report in reports) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, function in (("build", cmd_build), ("check", cmd_check)):
        sub = commands.add_parser(name, help=function.__doc__, description=function.__doc__)
        sub.add_argument("--format", choices=("text", "json"), default="text", help="how problems are printed")
        sub.set_defaults(run=function)
    build = commands.choices["build"]
    build.add_argument("--site-dir", type=Path, default=None, help="where to publish (default: site/)")
    build.add_argument("--timings", action="store_true", help="print the time of each stage")
    build.add_argument("--no-linkcheck", action="store_true", help="skip the link checks (for quick previews)")
    build.add_argument("--linkchecker", action="store_true",
                       help="also run linkchecker over the site served on 127.0.0.1 (slower; a second opinion)")
    build.add_argument("--check-external", action="store_true", help="also check links to other sites (network)")
    status = commands.add_parser("i18n-status", help=cmd_i18n_status.__doc__, description=cmd_i18n_status.__doc__)
    status.add_argument("--format", choices=("text", "json"), default="text", help="a table, or JSON for tools")
    status.add_argument("--strict", action="store_true",
                        help="exit with status 1 if a page is outdated or missing, or its state is unknown")
    status.set_defaults(run=cmd_i18n_status)
    bench = commands.add_parser("bench", help=cmd_bench.__doc__, description=cmd_bench.__doc__)
    bench.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="pages per language")
    bench.add_argument("--runs", type=int, default=3, help="runs per size (the median is reported)")
    bench.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rc-bench",
                       help="where the generated sites go")
    bench.add_argument("--json", type=Path, default=Path("bench.json"), help="where to write the results")
    bench.add_argument("--linkchecker-max", type=int, default=200,
                       help="also time linkchecker on sites up to this many pages per language")
    bench.set_defaults(run=cmd_bench)
    weigh = commands.add_parser("weight", help=cmd_weight.__doc__, description=cmd_weight.__doc__)
    weigh.add_argument("--site-dir", type=Path, default=None, help="the built site (default: site/)")
    weigh.add_argument("--format", choices=("text", "json"), default="text", help="a table, or JSON for tools")
    weigh.set_defaults(run=cmd_weight)
    light = commands.add_parser("lighthouse", help=cmd_lighthouse.__doc__, description=cmd_lighthouse.__doc__)
    light.add_argument("--site-dir", type=Path, default=None, help="the built site (default: site/)")
    light.add_argument("--pages", nargs="+", default=None,
                       help="site-relative addresses, e.g. / /en/faq/ (default: 5 kinds of page in both languages)")
    light.add_argument("--runs", type=int, default=3,
                       help="runs per page at most; the best is kept (performance varies with the host's load)")
    light.set_defaults(run=cmd_lighthouse)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
