"""A problem found by a check: a value, printed once by the CLI (text or JSON)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable


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


def format_json(problems: Iterable[Problem]) -> str:
    """The same problems as a JSON document for tools."""
    items = sorted(set(problems))
    return json.dumps({"count": len(items), "problems": [asdict(p) for p in items]},
                      ensure_ascii=False, indent=2)
