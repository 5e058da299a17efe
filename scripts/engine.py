"""Running MkDocs (as a separate process) and turning its log into problems."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .problems import Problem
from .sources import Site

LOG_LINE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
DOC_FILE = re.compile(r"'((?:[a-z]{2}(?:[-_][A-Za-z]+)?)/[^']+\.md)'")
QUOTED_LINK = re.compile(r"contains a link '([^']+)'")
# MkDocs' own wording, said again in plain words with how to fix it.
PLAIN = [
    (re.compile(r"contains a link '([^']*)', but the target '?([^']*?)'? is not found"),
     "the link '{0}' leads to no page or file", "check the file name, or create the page"),
    (re.compile(r"contains a link '([^']*)', but there is no such anchor on this page"),
     "the link '{0}' leads to no heading of this page", "use the id of a heading, e.g. {{#my-section}}"),
    (re.compile(r"contains a link '([^']*)', but the doc '([^']*)' does not contain an anchor '([^']*)'"),
     "the link '{0}' leads to no heading '{2}' in {1}", "use an id that exists in that page"),
    (re.compile(r"contains an absolute link '([^']*)'"),
     "the link '{0}' starts with '/'", "use a relative link to the .md file"),
    (re.compile(r"contains an unrecognized relative link '([^']*)'"),
     "the link '{0}' is not a link to a page or file of the site", "link to a .md file or an asset"),
    (re.compile(r"A reference to '([^']*)' is included in the 'nav' configuration, which is not found"),
     "the menu (nav in mkdocs.yml) names '{0}', which does not exist", "create the page or remove the entry"),
]


def environment() -> dict[str, str]:
    """The environment for MkDocs: its version-2 warning silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(site: Site, out: Path, config_file: Path | None = None) -> list[Problem]:
    """Build the site into ``out`` with MkDocs in strict mode; every warning and error is a problem."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config_file or site.root / "mkdocs.yml"), "--site-dir", str(out)]
    done = subprocess.run(command, cwd=site.root, capture_output=True, text=True, env=environment())
    log = (done.stdout + done.stderr).splitlines()
    problems = [_problem(site, kind, message) for kind, message in _messages(log)]
    if done.returncode != 0 and not problems:
        tail = " | ".join(line.strip() for line in log[-5:]) or f"exit status {done.returncode}"
        problems.append(Problem("mkdocs.yml", None, f"MkDocs failed: {tail}", "read the message above"))
    return problems


def _messages(log: list[str]) -> list[tuple[str, str]]:
    """(level, message) for every WARNING or ERROR line, continuation lines joined."""
    messages: list[tuple[str, str]] = []
    for line in log:
        match = LOG_LINE.match(line)
        if match:
            messages.append((match.group(1), match.group(2).strip()))
        elif messages and line.startswith(" ") and line.strip():
            kind, text = messages[-1]
            messages[-1] = (kind, f"{text} {line.strip()}")
    return [(kind, text) for kind, text in messages if not text.startswith("Aborted with")]


def _problem(site: Site, kind: str, message: str) -> Problem:
    """A MkDocs message as a problem on the Markdown file (and line) it names."""
    path, line = "mkdocs.yml", None
    doc = DOC_FILE.search(message)
    if doc:
        lang, _, rel = doc.group(1).partition("/")
        page = site.page(lang, rel)
        path = page.display if page else site.show(site.docs / doc.group(1))
        link = QUOTED_LINK.search(message)
        if page and link:
            line = page.line_of(f"({link.group(1)}") or page.line_of(link.group(1))
    text, hint = f"MkDocs {kind.lower()}: {message}", "see the MkDocs message"
    for pattern, plain, fix in PLAIN:
        found = pattern.search(message)
        if found:
            text, hint = plain.format(*found.groups()), fix
            break
    return Problem(path, line, text, hint)
