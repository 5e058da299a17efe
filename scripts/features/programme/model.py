"""Programme stages and eligibility criteria as typed values, and the words readers see around them.

The data (``stages:`` in programme.md, ``criteria:`` in eligibility.md) is the one source of truth:
``reader`` reads it from the front matter, ``checks`` checks it, ``render`` shows it as HTML and
``calendar`` as an iCalendar file. Nothing here depends on MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ...source.fields import TEXT, Kind, Schema
from ...source.texts import Texts, exactly, with_names

KINDS = ("training", "meeting", "workshop", "experiment", "networking")
AUDIENCES = ("newcomers", "local-actors", "everyone")
PARTICIPANTS = ("newcomer", "local-actor")
# What an answer means, as written in the front matter (``qualifies:``) -> outcome.
QUALIFIES: dict[Any, str] = {True: "yes", "maybe": "maybe", False: "no"}
MARKER = re.compile(r"<!--\s*programme:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\s*-->")
MARKERS = ("timeline", "criteria", "self-check")
PROGRAMME_PAGE = "programme.md"
CALENDAR_FILE = "programme.ics"
SCRIPT = "assets/javascripts/self-check.js"
TIMEZONE = "Europe/Paris"

LinkFixer = Callable[[str], str]
"""Turns a link written in the data (relative to the page's Markdown file) into a link of the built page."""


@dataclass(frozen=True)
class Stage:
    """One stage of the programme; ``text`` is Markdown. Dates are optional (all-day, ``end`` inclusive)."""

    id: str
    kind: str
    audience: str
    title: str
    text: str = ""
    start: date | None = None
    end: date | None = None
    place: str | None = None
    line: int = 1

    @property
    def dated(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Answer:
    """One possible answer to a criterion's question; ``outcome`` is yes, maybe or no."""

    id: str
    label: str
    outcome: str
    advice: str = ""   # Markdown, shown in the self-check result when this answer is chosen


@dataclass(frozen=True)
class Criterion:
    """One eligibility criterion for one kind of participant; ``explanation`` is Markdown."""

    id: str
    participant: str
    question: str
    answers: tuple[Answer, ...]
    explanation: str
    line: int = 1
    hint: str = ""   # Markdown, shown under the question in the self-check (e.g. what "B1" means)

    def answers_with(self, outcome: str) -> list[Answer]:
        return [answer for answer in self.answers if answer.outcome == outcome]


@dataclass(frozen=True)
class TimelineTexts:
    """What the timeline and the calendar say to readers, in one language (mkdocs.yml: extra.messages.programme)."""

    date_range: str = "{start} – {end}"
    audience_label: str = ""
    dates_label: str = ""
    place_label: str = ""
    no_dates: str = ""
    calendar_link: str = ""
    calendar_name: str = ""
    kinds: dict[str, str] = field(default_factory=dict)
    audiences: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckTexts:
    """What the criteria list and the self-check say to readers, in one language (extra.messages.eligibility)."""

    title: str = ""
    intro: str = ""
    participant_question: str = ""
    qualifying_label: str = ""
    maybe_label: str = ""
    submit: str = ""
    missing: str = ""
    your_answer: str = ""
    why: str = ""
    all_met: str = ""
    next: str = ""
    result_yes: str = ""
    result_maybe: str = ""
    result_no: str = ""
    next_yes: str = ""
    next_maybe: str = ""
    next_no: str = ""
    participants: dict[str, str] = field(default_factory=dict)


def _schema(cls: type, kinds: dict[str, Kind | Schema]) -> Schema:
    """Every field of ``cls`` a text, but those given in ``kinds``."""
    return Schema({item.name: kinds.get(item.name, TEXT) for item in fields(cls)})


TEXTS: Texts = {
    "programme": _schema(TimelineTexts, {"date_range": with_names("start", "end"), "kinds": exactly(KINDS),
                                         "audiences": exactly(AUDIENCES)}),
    "eligibility": _schema(CheckTexts, {"missing": with_names("count"), "participants": exactly(PARTICIPANTS)}),
}


def calendar_url(page_url: str) -> str:
    """Where the calendar of a programme page is published: beside it, e.g. 'en/programme/' -> 'en/programme.ics'."""
    folder = page_url.strip("/").rpartition("/")[0]
    return f"{folder}/{CALENDAR_FILE}" if folder else CALENDAR_FILE


def timeline_texts(messages: dict[str, Any]) -> TimelineTexts:
    """The timeline's texts from a language's messages (missing ones stay empty; a check reports them)."""
    return TimelineTexts(**_known(TimelineTexts, messages.get("programme")))


def check_texts(messages: dict[str, Any]) -> CheckTexts:
    """The self-check's texts from a language's messages."""
    return CheckTexts(**_known(CheckTexts, messages.get("eligibility")))


def _known(cls: type, data: Any) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in (data or {}).items() if key in names} if isinstance(data, dict) else {}
