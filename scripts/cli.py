"""Command line of the Resilient Cities site: ``python -m scripts <command>``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import checks, pipeline
from .problems import Problem, format_json, format_text
from .sources import load_site

ROOT = Path(__file__).resolve().parent.parent


def _report(problems: list[Problem], fmt: str) -> int:
    print(format_json(problems) if fmt == "json" else format_text(problems), file=sys.stdout if fmt == "json" else sys.stderr)
    return 1 if problems else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the sources, build with MkDocs, check the HTML and every link, then publish into site/."""
    result = pipeline.build(args.root, args.site_dir, check_links=not args.no_linkcheck,
                            check_external=args.check_external)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:<14} {seconds:7.2f} s", file=sys.stderr)
    if result.ok and args.format == "text":
        print(f"Site built into {args.site_dir or args.root / 'site'}: no problem found.", file=sys.stderr)
        return 0
    return _report(result.problems, args.format)


def cmd_check(args: argparse.Namespace) -> int:
    """Check the Markdown sources only (translation parity, links between languages, front matter); fast."""
    return _report(checks.check_sources(load_site(args.root)), args.format)


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
    build.add_argument("--no-linkcheck", action="store_true", help="skip linkchecker (faster; for previews)")
    build.add_argument("--check-external", action="store_true", help="also check links to other sites (network)")
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
