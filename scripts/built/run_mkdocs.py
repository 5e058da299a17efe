"""Running MkDocs (in this process) and turning its log into problems in plain words, on the Markdown file."""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from ..problems import Problem, collected_logs
from ..source.model import Site

DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
DOC_FILE = re.compile(r"'((?:[a-z]{2}(?:[-_][A-Za-z]+)?)/[^']+\.md)'")
QUOTED_LINK = re.compile(r"contains an? (?:[a-z]+ )*link '([^']+)'")
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


def run_mkdocs(site: Site, out: Path) -> list[Problem]:
    """Build the site into ``out`` with MkDocs, in this process, in strict mode; every warning is a problem."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with collected_logs("mkdocs") as messages:
        try:
            config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(out), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except Abort:
            pass  # strict mode counted the warnings below
        except OSError as error:
            if error.errno in DISK_ERRORS:
                raise  # said once, in plain words, by the pipeline
            messages.append(("ERROR", f"MkDocs failed: {type(error).__name__}: {error}"))
        except MkDocsException as error:
            messages.append(("ERROR", str(error)))
        except Exception as error:  # noqa: BLE001 - a crash in a plugin or template is a problem to show
            messages.append(("ERROR", f"MkDocs failed: {type(error).__name__}: {error}"))
    problems = [_problem(site, kind, message) for kind, message in messages]
    return problems


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
