"""A problem found by a check: a value, printed once by the CLI (text, JSON or GitHub workflow commands);
what a check is."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix: where it is, what is wrong, and how to fix it."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    level: Level = "error"  # a warning (e.g. an outdated translation) does not fail the build

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def advice(self) -> str:
        """What is wrong and how to fix it, without the place."""
        return f"{self.message}. How to fix: {self.hint}" if self.hint else self.message

    def __str__(self) -> str:
        return f"{self.where}: {self.advice}"


def format_text(problems: Iterable[Problem]) -> str:
    """One problem a line, then the count."""
    items = sorted(set(problems))
    lines = [str(p) for p in items]
    lines.append(f"{len(items)} problem{'s' if len(items) != 1 else ''} found.")
    return "\n".join(lines)


def format_json(problems: Iterable[Problem], warnings: Iterable[Problem] = ()) -> str:
    """The same problems (and warnings, which fail nothing) as a JSON document for tools."""
    items = sorted(set(problems))
    data = {"count": len(items), "problems": [asdict(p) for p in items]}
    if warnings:
        data["warnings"] = [asdict(w) for w in warnings]
    return json.dumps(data, ensure_ascii=False, indent=2)


GITHUB_TITLES = {"error": "Problem to fix", "warning": "To check"}


def format_github(problems: Iterable[Problem]) -> str:
    """The same problems as GitHub Actions workflow commands (``::error file=…,line=…,title=…::…``), one a
    line: GitHub shows each on the file and line it names, in the pull request's changed files."""
    lines = []
    for problem in sorted(set(problems)):
        properties = {"file": problem.path, "line": str(problem.line) if problem.line else None,
                      "title": GITHUB_TITLES[problem.level]}
        written = ",".join(f"{name}={github_escape(value, True)}" for name, value in properties.items() if value)
        lines.append(f"::{problem.level} {written}::{github_escape(problem.advice)}")
    return "\n".join(lines)


def github_escape(text: str, in_property: bool = False) -> str:
    """``text`` escaped as GitHub's workflow commands require: ``%``, CR and LF everywhere; also ``:`` and
    ``,`` in a property's value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


@contextmanager
def collected_logs(name: str) -> Iterator[list[tuple[str, str]]]:
    """(level, message) of every warning or error a library logs under ``name`` during the block, unprinted."""
    found: list[tuple[str, str]] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            text = " ".join(line.strip() for line in record.getMessage().splitlines() if line.strip())
            found.append((record.levelname, text))

    logger = logging.getLogger(name)
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
