"""linkchecker over the built site, served on 127.0.0.1 (anchors checked, warnings are failures)."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem
from ..source.model import Page
from .local_server import QuietHandler, serve

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
timeout=20
[filtering]
checkextern={extern}
ignorewarnings=
[output]
[AnchorCheck]
"""


# A page that only the check server knows, with one broken anchor: if linkchecker does not report it,
# anchors were not checked (e.g. its plugins could not be loaded) and the link check fails loudly.
CANARY_PATH = "/.linkcheck-canary.html"
CANARY_ANCHOR = "linkcheck-canary-missing-anchor"
# linkchecker started as root switches to the user 'nobody', who may not read the project folder
# (then its anchor plugin silently fails to load): keep our own user, it only reads 127.0.0.1.
RUN_LINKCHECKER = ("import linkcheck.command.linkchecker as command; "
                   "command.drop_privileges = lambda: None; command.linkchecker()")


class _Handler(QuietHandler):
    """Serves the site, and the canary page; the LinkChecker header lets linkchecker check at full speed."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.path != CANARY_PATH:
            return super().do_GET()
        body = f'<!doctype html><html lang="en"><title>canary</title><a href="/#{CANARY_ANCHOR}">x</a></html>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allow")
        super().end_headers()


def run_linkchecker(out: Path, source_of: dict[str, Page], check_external: bool = False) -> list[Problem]:
    """Check every link and anchor of the site in ``out``; ``source_of`` maps a URL path to its Markdown page."""
    with tempfile.TemporaryDirectory() as config_dir, serve(out, _Handler) as base:
        os.chmod(config_dir, 0o755)
        config = Path(config_dir) / "linkcheckerrc"
        config.write_text(CONFIG.format(extern=int(check_external)), encoding="utf-8")
        config.chmod(0o644)
        command = [sys.executable, "-c", RUN_LINKCHECKER, "--config", str(config),
                   "--no-status", "--output", "csv", base, base.rstrip("/") + CANARY_PATH]
        done = subprocess.run(command, capture_output=True, text=True)
        found = list(_problems(done.stdout, base, source_of))
        problems = [problem for problem in found if CANARY_ANCHOR not in problem.message]
        if len(problems) == len(found):
            problems.append(Problem("site/", None, "linkchecker did not check anchors (its test page with a "
                                    "broken anchor passed)", "run 'make build' again; see linkchecker's output: "
                                    + done.stderr.strip()[-300:]))
        elif done.returncode not in (0, 1):
            problems.append(Problem("site/", None, f"linkchecker failed (exit {done.returncode}): "
                                    f"{done.stderr.strip()[-300:]}", "run 'make build' again; see the message"))
        return problems


def _problems(output: str, base: str, source_of: dict[str, Page]) -> Iterator[Problem]:
    """Rows of linkchecker's CSV output that are errors or warnings, as problems on the Markdown source."""
    rows = [line for line in output.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        valid = row.get("valid") == "True"
        warning = (row.get("warningstring") or "").strip()
        if valid and not warning:
            continue
        parent = urlsplit(row.get("parentname") or base).path
        page, link = source_of.get(parent), row.get("urlname") or ""
        path, line = (page.display, page.line_of(link)) if page else (f"site{parent}", None)
        reason = warning if valid else (row.get("result") or "broken")
        yield Problem(path, line, f"the link '{row.get('urlname')}' on {parent} is broken: {reason}",
                      "fix the link or the anchor it points to (links in templates and raw HTML included)")
