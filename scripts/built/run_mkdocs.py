"""Running MkDocs (in processes of its own, with the engine of built/engine.py) and turning its log into problems in
plain words, on the Markdown file."""
from __future__ import annotations

import errno
import multiprocessing
import os
import re
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..problems import Problem, collected_logs
from ..source.model import Site
from . import engine

Messages = list[tuple[str, str]]  # (level, message) as the engine logged them
# Called with the engine's loaded configuration before the build; what it returns is called after a good build.
Prepare = Callable[[Any], Callable[[], None] | None]

DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
DISK = "DISK"  # the level of a message that says a run could not write (its value: the error number)
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
    """Build the site into ``out`` in one MkDocs run (every language, one after the other), in strict mode, in a
    process of its own; every warning is a problem."""
    return build_in_processes(site, [(out, None)])


def build_in_processes(site: Site, runs: list[tuple[Path, Prepare | None]],
                       meanwhile: Callable[[], None] = lambda: None) -> list[Problem]:
    """One MkDocs run per (folder, preparation) at the same time, each in a process forked from this one once the
    configuration is loaded (so no run loads it again, and the hooks' state dies with the run); this process does
    ``meanwhile``. The problems of all runs, in order."""
    name = engine.chosen()
    problems = engine.check(name)
    if problems:
        return problems
    with collected_logs(engine.load(name)) as messages:
        config = _load(site.root, messages)
    if config is None:
        meanwhile()
        return [_problem(site, kind, message) for kind, message in messages]
    context = multiprocessing.get_context("fork")  # a copy of this process: nothing to import or read again
    started = []
    for out, prepare in runs:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(config, out, prepare, name, send), daemon=True)
        process.start()
        send.close()
        started.append((process, receive))
    meanwhile()
    for process, receive in started:
        try:
            messages += receive.recv()
        except EOFError:
            messages.append(("ERROR", "MkDocs stopped before the end of the build"))
        process.join()
    for kind, message in messages:
        if kind == DISK:  # a full or read-only disk: one plain message, by the pipeline
            raise OSError(int(message), os.strerror(int(message)))
    return [_problem(site, kind, message) for kind, message in messages]


def _load(root: Path, messages: Messages) -> Any:
    """The project's MkDocs configuration, strict (every warning a problem); None if it cannot be loaded."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        return load_config(str(root / "mkdocs.yml"), strict=True)
    except MkDocsException as error:
        messages.append(("ERROR", str(error)))
    except Exception as error:  # noqa: BLE001 - a crash in a plugin or a hook is a problem to show
        messages.append(("ERROR", f"MkDocs failed: {type(error).__name__}: {error}"))
    return None


def _child(config: Any, out: Path, prepare: Prepare | None, name: str, send: Connection) -> None:
    """In the forked process: the build, its messages sent back to the parent."""
    with collected_logs(engine.load(name)) as messages:
        engine_build(config, out, prepare, messages)
    send.send(messages)
    send.close()


def engine_build(config: Any, out: Path, prepare: Prepare | None, messages: Messages) -> None:
    """Build with the loaded ``config`` into ``out`` in this process, ``prepare`` called on it first (and what it
    returns, after the build); what goes wrong is added to ``messages``."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    config["site_dir"] = str(out)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            finish = prepare(config) if prepare is not None else None
            build(config, dirty=False)
            if finish is not None:
                finish()
        finally:
            config.plugins.on_shutdown()
    except Abort:
        pass  # strict mode counted the warnings
    except OSError as error:
        if error.errno not in DISK_ERRORS:
            messages.append(("ERROR", f"MkDocs failed: {type(error).__name__}: {error}"))
        else:  # said once, in plain words, by the pipeline (raised again in the parent process)
            messages.append((DISK, str(error.errno)))
    except MkDocsException as error:
        messages.append(("ERROR", str(error)))
    except Exception as error:  # noqa: BLE001 - a crash in a plugin or template is a problem to show
        messages.append(("ERROR", f"MkDocs failed: {type(error).__name__}: {error}"))


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
