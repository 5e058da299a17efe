"""A problem found by a check: a value, printed once by the CLI (text or JSON); what a check is."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .source.model import Site


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix: where it is, what is wrong, and how to fix it."""

    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}. How to fix: {self.hint}" if self.hint else text


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


Check = Callable[["Site"], Iterator[Problem]]
"""A check of the sources: a pure function of the site model, yielding the problems it finds."""


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
