"""Command line of the Resilient Cities site: ``python -m scripts <command>``."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import pipeline
from .dev.commands import add_commands as add_dev_commands
from .features.booklets.scaffold import new_booklet
from .features.i18n_status import report as i18n_report
from .features.i18n_status.model import load_status
from .features.i18n_status.report import OUTDATED
from .features.readability import measure as readability
from .features.readability import report as readability_report
from .features.registry import check_sources, load
from .features.review.changes import load_review
from .features.review.markdown import pr_comment, step_summary
from .mkdocs_glue.live_check import quiet_serve_logs
from .problems import Problem, format_github, format_json, format_text
from .source.parse import load_site
from .source.scaffold import new_page

ROOT = Path(__file__).resolve().parent.parent


def _report(args: argparse.Namespace, problems: list[Problem], timings: dict[str, float] | None = None) -> int:
    """Print the problems in the chosen format; on GitHub also the outdated translations (warnings) and the
    step summary. Exit status 1 if any problem is an error."""
    failed = any(p.level == "error" for p in problems)
    if args.format == "github":
        review = load_review(args.root, args.base)
        problems = problems + [warning for warning in review.warnings() if warning not in problems]
        print(format_github(problems))
        if os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                summary.write(step_summary(f"python -m scripts {args.command}", problems, review.report,
                                           review.changes, timings or {}))
    elif args.format == "json":
        print(format_json([p for p in problems if p.level == "error"], [p for p in problems if p.level == "warning"]))
    elif failed or args.command == "check":  # a good build has said so already, with its warnings
        print(format_text(p for p in problems if p.level == "error" or args.command == "check"), file=sys.stderr)
    if args.write_json:
        args.write_json.parent.mkdir(parents=True, exist_ok=True)
        args.write_json.write_text(format_json(problems), "utf-8")
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the sources, build with MkDocs, check the HTML and every link, then publish into site/."""
    result = pipeline.build(args.root, args.site_dir, check_links=not args.no_linkcheck,
                            use_linkchecker=args.linkchecker, check_external=args.check_external, zim=args.zim,
                            waiting=lambda message: print(f"Note: {message}.", file=sys.stderr))
    for note in result.notes:
        print(f"Note: {note}.", file=sys.stderr)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:<14} {seconds:7.2f} s", file=sys.stderr)
    if result.ok and args.format == "text":
        for warning in result.warnings:
            print(f"Warning: {warning}.", file=sys.stderr)
        outdated = sum(1 for warning in result.warnings if warning.message.startswith(OUTDATED))
        print(f"Site built into {args.site_dir or args.root / 'site'}: no problem found"
              f"{f' ({len(result.warnings)} warnings)' if result.warnings else ''}"
              f"{f', but {outdated} translation(s) may now be out of date (see above)' if outdated else ''}.",
              file=sys.stderr)
    return _report(args, result.problems + result.warnings, result.timings)


def cmd_check(args: argparse.Namespace) -> int:
    """Check the Markdown sources only (translation parity, links, front matter); fast."""
    return _report(args, check_sources(load(args.root)))


def cmd_pr_comment(args: argparse.Namespace) -> int:
    """Write the pull request's comment in Markdown: the pages changed since the merge base with --base, their
    translation state in every language, and the build's problems (--problems, from build --write-json)."""
    review = load_review(args.root, args.base)
    problems: list[Problem] | None
    if args.problems is None:
        problems = check_sources(load(args.root))
    elif args.problems.is_file():
        problems = [Problem(**item) for item in json.loads(args.problems.read_text("utf-8"))["problems"]]
    else:
        problems = None  # the build did not get as far as writing them
    server, repository, run = (os.environ.get(name, "") for name in
                               ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    run_url = f"{server}/{repository}/actions/runs/{run}" if server and repository and run else ""
    comment = pr_comment(problems, review, run_url, args.tests)
    print(comment, end="")
    if args.preview:
        from .dev import comment_preview

        comment_preview.screenshot(comment_preview.render_html(comment), args.preview)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Preview the site while you edit: every save rebuilds it and checks the sources; the problems are printed
    here (file:line) and shown in a banner at the top of the previewed page."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2
    from .mkdocs_glue.serve import serve

    quiet_serve_logs()  # no MkDocs line repeating a problem the checks told, no "GET /sw.js 404"
    serve(args.root, args.dev_addr)  # not strict: a warning must not stop the preview (the banner tells)
    return 0


def _created(written: list[Path], problems: list[Problem], root: Path) -> int:
    """Say what was written, or why nothing was."""
    if problems:
        print(format_text(problems), file=sys.stderr)
        return 1
    for path in written:
        print(f"{'Added to the menu' if path.name == 'mkdocs.yml' else 'Created'}: {path.relative_to(root)}")
    print("Fill in what is marked TO FILL, then run 'make build' (or 'make serve') to check the pages.")
    return 0


def cmd_new_page(args: argparse.Namespace) -> int:
    """Create a page in every language (front matter, title, a first heading with its id) and add it to the menu."""
    titles = dict(item.split("=", 1) for item in args.title if "=" in item)
    site = load_site(args.root)
    code = _created(*new_page(site, args.name, titles), args.root)
    if code == 0:
        addresses = " and ".join(site.page_url(lang, f"{args.name}.md") for lang in site.languages)
        print(f"Its address: {addresses} (NAME, the same in every language; the site's page names are in "
              "English, e.g. local-services). Another name: delete the files and the menu line, then run "
              "make new-page again.")
    return code


def cmd_new_booklet(args: argparse.Namespace) -> int:
    """Create a booklet in every language from the booklet schema (every field marked TO FILL) and add it to the
    menu; the build then lists the fields left to fill."""
    return _created(*new_booklet(load_site(args.root), args.slug), args.root)


def cmd_readability(args: argparse.Namespace) -> int:
    """Report sentence length and rare words per page and language (it only warns: the exit status is 0)."""
    report = readability.measure_site(load_site(args.root))
    print(readability_report.format_json(report) if args.format == "json" else readability_report.format_text(report))
    return 0


def cmd_i18n_status(args: argparse.Namespace) -> int:
    """Show each page's translation state (up to date, outdated, missing, pending) from git history."""
    report = load_status(args.root)
    print(i18n_report.format_json(report) if args.format == "json" else i18n_report.format_text(report))
    return 1 if args.strict and not report.ok else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, function in (("build", cmd_build), ("check", cmd_check)):
        sub = commands.add_parser(name, help=function.__doc__, description=function.__doc__)
        sub.add_argument("--format", choices=("text", "json", "github"), default="text",
                         help="how problems are printed (github: workflow commands, outdated translations as "
                              "warnings, and a summary appended to $GITHUB_STEP_SUMMARY when it is set)")
        sub.add_argument("--base", default=None, help="with --format github: the branch to compare with "
                         "(default: the pull request's base on GitHub, else origin's default branch, else main)")
        sub.add_argument("--write-json", type=Path, default=None, metavar="FILE",
                         help="also write the problems printed as JSON into FILE (for pr-comment --problems)")
        sub.set_defaults(run=function)
    build = commands.choices["build"]
    build.add_argument("--site-dir", type=Path, default=None, help="where to publish (default: site/)")
    build.add_argument("--timings", action="store_true", help="print the time of each stage")
    build.add_argument("--no-linkcheck", action="store_true", help="skip the link checks (for quick previews)")
    build.add_argument("--linkchecker", action="store_true",
                       help="also run linkchecker over the site served on 127.0.0.1 (slower; a second opinion)")
    build.add_argument("--check-external", action="store_true", help="also check links to other sites (network)")
    build.add_argument("--zim", action="store_true", help="also write the whole site as a ZIM file for Kiwix (make zim)")
    serve = commands.add_parser("serve", help=cmd_serve.__doc__, description=cmd_serve.__doc__)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="the address to serve on (IP:PORT)")
    serve.set_defaults(run=cmd_serve)
    page = commands.add_parser("new-page", help=cmd_new_page.__doc__, description=cmd_new_page.__doc__)
    page.add_argument("name", help="the file name without .md, e.g. local-services")
    page.add_argument("--title", action="append", default=[], metavar="LANG=TITLE",
                      help="the page's title in a language, e.g. --title 'fr=Services locaux' (once per language)")
    page.set_defaults(run=cmd_new_page)
    booklet = commands.add_parser("new-booklet", help=cmd_new_booklet.__doc__, description=cmd_new_booklet.__doc__)
    booklet.add_argument("slug", help="the booklet's short name, e.g. lyon-2026 (it names the PDF too)")
    booklet.set_defaults(run=cmd_new_booklet)
    status = commands.add_parser("i18n-status", help=cmd_i18n_status.__doc__, description=cmd_i18n_status.__doc__)
    status.add_argument("--format", choices=("text", "json"), default="text", help="a table, or JSON for tools")
    status.add_argument("--strict", action="store_true",
                        help="exit with status 1 if a page is outdated or missing, or its state is unknown")
    status.set_defaults(run=cmd_i18n_status)
    comment = commands.add_parser("pr-comment", help=cmd_pr_comment.__doc__, description=cmd_pr_comment.__doc__)
    comment.add_argument("--base", default=None, help="the branch the pull request goes into (default: as build)")
    comment.add_argument("--problems", type=Path, default=None, metavar="FILE",
                         help="the problems of the build (build --format github --write-json FILE); "
                              "default: run the source checks now")
    comment.add_argument("--tests", default="", help="the outcome of the tests (success, failure...), if known")
    comment.add_argument("--preview", type=Path, default=None, metavar="PNG",
                         help="also render the comment (Python-Markdown, Chromium) into this picture")
    comment.set_defaults(run=cmd_pr_comment)
    readable = commands.add_parser("readability", help=cmd_readability.__doc__, description=cmd_readability.__doc__)
    readable.add_argument("--format", choices=("text", "json"), default="text", help="a report, or JSON for tools")
    readable.set_defaults(run=cmd_readability)
    add_dev_commands(commands.add_parser)  # bench, bench-serve, weight, judges, slow-phone, lighthouse
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
