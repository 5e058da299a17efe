"""Declarative, line-precise validation of front-matter data (booklets, programme stages, criteria).

A ``Schema`` names the fields of a block and the ``Kind`` of each value; ``FieldReader.read`` checks a
block against it and returns the typed values, or records a problem on the line of each wrong value.
Nothing here depends on MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..problems import Problem
from .model import Page, Where

INVALID = object()  # what a Kind's reader returns for a value of the wrong kind
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_MONTH_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


@dataclass(frozen=True)
class Kind:
    """What a value must be: ``expected`` says it to the editor, ``read`` gives the typed value or INVALID."""

    expected: str
    read: Callable[[Any], Any]


@dataclass(frozen=True)
class Schema:
    """The fields of a block; the ones not in ``optional`` are required. ``closed``: no other field allowed."""

    fields: dict[str, Kind | Schema]
    optional: tuple[str, ...] = ()
    closed: bool = True
    expected: str = "a list of 'name: value' fields, indented"


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else INVALID


def _texts(value: Any) -> Any:
    ok = isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value)
    return tuple(item.strip() for item in value) if ok else INVALID


def _web_addresses(value: Any) -> Any:
    ok = isinstance(value, list) and value and all(isinstance(i, str) and WEB_ADDRESS.match(i) for i in value)
    return tuple(value) if ok else INVALID


def _count(value: Any) -> Any:
    """(number, approximate): ``14``, or ``~20`` for "about 20" (the sources' own wording)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, False
    found = re.fullmatch(r"~\s*(\d+)", value.strip()) if isinstance(value, str) else None
    return (int(found.group(1)), True) if found else INVALID


def _slug(value: Any) -> Any:
    return value if isinstance(value, str) and SLUG_PATTERN.match(value) else INVALID


def _date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return INVALID
    return value if isinstance(value, date) and not isinstance(value, datetime) else INVALID


def _year_month(value: Any) -> Any:
    """(year, month) from ``2025`` or ``2022-09``; month 0 is the whole year."""
    match = YEAR_MONTH_PATTERN.match(str(value)) if isinstance(value, (int, str)) and not isinstance(value, bool) \
        else None
    if match and 1 <= int(match.group(2) or 1) <= 12:
        return int(match.group(1)), int(match.group(2) or 0)
    return INVALID


TEXT = Kind("a text (in quotes if it holds ':' or '#')", _text)
TEXTS = Kind('a list of texts, e.g. ["first", "second"]', _texts)
WEB_ADDRESSES = Kind("a list of web addresses starting with https://", _web_addresses)
YES_NO = Kind("true or false", lambda value: value if isinstance(value, bool) else INVALID)
COUNT = Kind("a whole number written in digits, e.g. 14, or ~20 for about 20", _count)
SLUG = Kind("a short name in lower case: letters a-z, digits and hyphens, e.g. 'co-creation-workshops'", _slug)
DATE = Kind("a date written YYYY-MM-DD, e.g. 2025-03-12 (a day only, no time)", _date)
YEAR_MONTH = Kind("a year (2025) or a year and a month (2022-09)", _year_month)


def one_of(choices: dict[Any, Any] | tuple[str, ...]) -> Kind:
    """A value among ``choices`` (a tuple, or a dict from the written value to the typed one)."""
    table = choices if isinstance(choices, dict) else {choice: choice for choice in choices}
    written = ", ".join(str(key).lower() if isinstance(key, bool) else str(key) for key in table)
    return Kind(f"one of: {written}",
                lambda value: table[value] if isinstance(value, (bool, str)) and value in table else INVALID)


def shown(value: Any) -> str:
    """A front-matter value as an editor wrote it."""
    return f"'{value}'" if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


@dataclass
class FieldReader:
    """Reads a page's front-matter data against schemas, collecting problems with their lines."""

    page: Page
    key: str                    # the top-level field read, e.g. "stages": its keys written twice are problems
    example: str = ""           # where to see a correct example, added to hints
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.problems += [Problem(self.page.display, line, f"the field '{where[-1]}' is written twice",
                                  "keep only one (the second one would silently win)")
                          for where, line in self.page.repeated_fields if self.key and where[:1] == (self.key,)]

    def line(self, where: Where) -> int:
        return self.page.field_line(where)

    def problem(self, where: Where, message: str, hint: str) -> None:
        self.problems.append(Problem(self.page.display, self.line(where), message,
                                     f"{hint} ({self.example})" if self.example else hint))

    def read(self, where: Where, data: Any, schema: Schema, owner: str, prefix: str = "") -> dict[str, Any] | None:
        """The typed values of the block ``data`` at ``where``, or None if any of them is missing or wrong.

        ``owner`` names the block in messages ("the booklet", "stage 2 ('training')"); ``prefix`` is
        put before nested field names ("period.")."""
        before = len(self.problems)
        of = f" of {owner}" if prefix == "" and where else ""
        if not isinstance(data, dict):
            name = prefix.rstrip(".") or str(where[-1])
            self.problem(where, f"the field '{name}'{of} must be {schema.expected}, not {shown(data)}",
                         f"correct '{str(where[-1])}:' on that line")
            return None
        values: dict[str, Any] = {}
        for name, kind in schema.fields.items():
            spot, label = (*where, name), prefix + name
            value = data.get(name)
            if value is None or value == "":
                if name not in schema.optional and name in data:  # written, but left empty
                    self.problem(spot, f"the field '{label}' of {owner} is empty", f"fill it in: {kind.expected}")
                elif name not in schema.optional:
                    self.problem(spot, f"{owner} has no '{label}' field",
                                 f"add '{name}: ...'" + (f" under '{prefix.rstrip('.')}:'" if prefix else ""))
                values[name] = None
            elif isinstance(kind, Schema):
                values[name] = self.read(spot, value, kind, owner, f"{label}.")
            else:
                typed = kind.read(value)
                if typed is INVALID:
                    self.problem(spot, f"the field '{label}'{of} must be {kind.expected}, not {shown(value)}",
                                 f"correct '{name}:' on that line")
                values[name] = None if typed is INVALID else typed
        if schema.closed:
            for name in data:
                if name not in schema.fields:
                    self.problem((*where, name), f"{owner} has an unknown field '{prefix}{name}'",
                                 f"use only {', '.join(schema.fields)} (check the spelling)")
        return values if len(self.problems) == before else None

    def items(self, where: Where, value: Any, noun: str) -> list[tuple[Where, dict[str, Any]]]:
        """The entries of a list of 'name: value' blocks; problems for anything else."""
        if not isinstance(value, list) or not value:
            self.problem(where, f"'{where[-1]}' must be a list whose entries each start with '- id: ...'",
                         "see the other entries for the layout")
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                found.append(((*where, index), item))
            else:
                self.problem((*where, index), f"{noun} {index + 1} is not a list of 'name: value' fields",
                             "write it as '- id: ...' followed by its other fields, indented")
        return found

    def unique(self, ids: list[tuple[str, Where]], plural: str) -> None:
        """A problem for every id already used by an earlier entry."""
        seen: set[str] = set()
        for value, where in ids:
            if value in seen:
                self.problem(where, f"the id '{value}' is used by two {plural}", "give each one its own id")
            seen.add(value)
