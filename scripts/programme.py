"""Programme stages and eligibility criteria: read from the pages' front matter, checked, shown.

The data (``stages:`` in programme.md, ``criteria:`` in eligibility.md) is the one source of truth.
This module reads it into typed values (with the line of every field, for the editor), checks it and
its agreement between languages, and renders it as HTML (timeline, criteria, self-check) and as an
iCalendar file. Nothing here depends on MkDocs: ``hooks.py`` calls these plain functions.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta, timezone
from html import escape, unescape
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import yaml
from babel.dates import format_date
from icalendar import Calendar, Event, Timezone
from markdown.treeprocessors import Treeprocessor

from .html import page_url
from .parity import Check, _config_line, pairs
from .problems import Problem
from .sources import MD_LINK, NOT_PROSE, Page, Site, _link, _numbers, i18n_options, parse_page

KINDS = ("training", "meeting", "workshop", "experiment", "networking")
AUDIENCES = ("newcomers", "local-actors", "everyone")
PARTICIPANTS = ("newcomer", "local-actor")
# What an answer means, as written in the front matter (``qualifies:``) -> outcome.
QUALIFIES: dict[Any, str] = {True: "yes", "maybe": "maybe", False: "no"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MARKER = re.compile(r"<!--\s*programme:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\s*-->")
MARKERS = ("timeline", "criteria", "self-check")
PROGRAMME_PAGE = "programme.md"
CALENDAR_FILE = "programme.ics"
SCRIPT = "assets/javascripts/self-check.js"
TIMEZONE = "Europe/Paris"

Link = Callable[[str], str]
"""Turns a link written in the data (relative to the page's Markdown file) into a link of the built page."""
Where = tuple[str | int, ...]
"""Where a value sits in the front matter, e.g. ("stages", 2, "start")."""


# --- Data model --------------------------------------------------------------------------------

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

    def answers_with(self, outcome: str) -> list[Answer]:
        return [answer for answer in self.answers if answer.outcome == outcome]


@dataclass(frozen=True)
class TimelineTexts:
    """What the timeline and the calendar say to readers, in one language (mkdocs.yml: extra.messages.programme)."""

    date_format: str = "d MMMM y"
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


TEXTS: dict[str, type[TimelineTexts] | type[CheckTexts]] = {"programme": TimelineTexts, "eligibility": CheckTexts}
# The labels each text table must give, one per allowed value.
LABELS = {"kinds": KINDS, "audiences": AUDIENCES, "participants": PARTICIPANTS}


def timeline_texts(extra: dict[str, Any]) -> TimelineTexts:
    """The timeline's texts from a language's ``extra`` (missing ones stay empty; a check reports them)."""
    return TimelineTexts(**_known(TimelineTexts, extra.get("messages", {}).get("programme")))


def check_texts(extra: dict[str, Any]) -> CheckTexts:
    """The self-check's texts from a language's ``extra``."""
    return CheckTexts(**_known(CheckTexts, extra.get("messages", {}).get("eligibility")))


def _known(cls: type, data: Any) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in (data or {}).items() if key in names} if isinstance(data, dict) else {}


# --- Reading and validating the front matter ---------------------------------------------------

class _Reader:
    """Reads one list of a page's front matter, with the line of every value, collecting problems."""

    def __init__(self, page: Page, key: str) -> None:
        self.page, self.key = page, key
        self.lines, duplicates = _front_matter_lines(page)
        self.problems = [Problem(page.display, line, f"the field '{where[-1]}' is written twice",
                                 "keep only one (the second one would silently win)")
                         for where, line in duplicates if where[:1] == (key,)]

    def line(self, where: Where) -> int:
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, self.page.meta_lines.get(self.key, 1))

    def problem(self, where: Where, message: str, hint: str) -> None:
        self.problems.append(Problem(self.page.display, self.line(where), message, hint))

    def items(self, where: Where, value: Any, noun: str) -> list[tuple[Where, dict[str, Any]]]:
        """The items of a list of 'name: value' blocks; problems for anything else."""
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

    def fields(self, where: Where, item: dict[str, Any], name: str, required: tuple[str, ...],
               optional: tuple[str, ...]) -> None:
        """Every required field is there, and no unknown one."""
        for key in required:
            if item.get(key) in (None, ""):
                self.problem(where, f"{name} has no '{key}'", f"add '{key}: ...' to it")
        for key in item:
            if key not in required + optional:
                self.problem((*where, key), f"{name} has an unknown field '{key}'",
                             f"use only {', '.join(required + optional)} (check the spelling)")

    def text(self, where: Where, value: Any, name: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"the '{where[-1]}' of {name} must be text", "write it as text, in quotes if needed")
            return ""
        return value.strip()

    def choice(self, where: Where, value: Any, allowed: tuple[str, ...], name: str) -> str | None:
        if value not in allowed:
            self.problem(where, f"the {where[-1]} '{value}' of {name} is unknown",
                         f"use one of: {', '.join(allowed)}")
            return None
        return str(value)

    def slug(self, where: Where, value: Any, name: str) -> str | None:
        if not isinstance(value, str) or not SLUG.match(value):
            self.problem(where, f"the id '{value}' of {name} is not a short name in lower case",
                         "use letters a-z, digits and hyphens, e.g. 'co-creation-workshops'")
            return None
        return value

    def date(self, where: Where, value: Any, name: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        elif isinstance(value, date) and not isinstance(value, datetime):
            return value
        self.problem(where, f"the {where[-1]} date '{value}' of {name} is not a valid date",
                     "write it as YYYY-MM-DD, e.g. 2025-03-12 (a day only, no time)")
        return None

    def unique(self, ids: list[tuple[str, Where]], plural: str) -> None:
        seen: set[str] = set()
        for value, where in ids:
            if value in seen:
                self.problem(where, f"the id '{value}' is used by two {plural}", "give each one its own id")
            seen.add(value)


def _front_matter_lines(page: Page) -> tuple[dict[Where, int], list[tuple[Where, int]]]:
    """The file line of every value of the front matter, by where it sits; and the keys written twice."""
    lines = page.path.read_text("utf-8", "replace").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    try:
        root = yaml.compose("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return {}, []
    found: dict[Where, int] = {}
    duplicates: list[tuple[Where, int]] = []

    def walk(node: yaml.Node, where: Where) -> None:
        found.setdefault(where, node.start_mark.line + 2)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                path = (*where, str(key.value))
                if key.value in seen:
                    duplicates.append((path, key.start_mark.line + 2))
                seen.add(key.value)
                found[path] = key.start_mark.line + 2
                walk(value, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*where, index))

    if root is not None:
        walk(root, ())
    return found, duplicates


def _name(noun: str, where: Where, item: dict[str, Any]) -> str:
    label = f"{noun} {int(where[-1]) + 1}"
    return f"{label} ('{item['id']}')" if isinstance(item.get("id"), str) else label


def read_stages(page: Page) -> tuple[list[Stage], list[Problem]]:
    """The stages of a page (``stages:`` in its front matter) and the problems that make some unusable."""
    if "stages" not in page.meta:
        return [], []
    reader = _Reader(page, "stages")
    stages: list[Stage] = []
    ids: list[tuple[str, Where]] = []
    for where, item in reader.items(("stages",), page.meta["stages"], "stage"):
        name = _name("stage", where, item)
        before = len(reader.problems)
        reader.fields(where, item, name, ("id", "kind", "audience", "title"), ("text", "start", "end", "place"))
        id_ = reader.slug((*where, "id"), item.get("id"), name) if "id" in item else None
        kind = reader.choice((*where, "kind"), item.get("kind"), KINDS, name) if "kind" in item else None
        audience = (reader.choice((*where, "audience"), item.get("audience"), AUDIENCES, name)
                    if "audience" in item else None)
        start = reader.date((*where, "start"), item.get("start"), name)
        end = reader.date((*where, "end"), item.get("end"), name)
        if end is not None and "start" not in item:
            reader.problem((*where, "end"), f"{name} has an end date but no start date",
                           "add 'start: YYYY-MM-DD' (the same day for a one-day stage)")
        if start and end and end < start:
            reader.problem((*where, "end"), f"{name} ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                           "correct one of the two dates")
        title = reader.text((*where, "title"), item.get("title"), name)
        text = reader.text((*where, "text"), item.get("text"), name)
        place = reader.text((*where, "place"), item.get("place"), name) or None
        if id_:
            ids.append((id_, (*where, "id")))
        if len(reader.problems) == before and id_ and kind and audience:
            stages.append(Stage(id_, kind, audience, title, text, start, end, place, reader.line(where)))
    reader.unique(ids, "stages")
    return stages, reader.problems


def read_criteria(page: Page) -> tuple[list[Criterion], list[Problem]]:
    """The eligibility criteria of a page (``criteria:``) and the problems that make some unusable."""
    if "criteria" not in page.meta:
        return [], []
    reader = _Reader(page, "criteria")
    criteria: list[Criterion] = []
    ids: list[tuple[str, Where]] = []
    for where, item in reader.items(("criteria",), page.meta["criteria"], "criterion"):
        name = _name("criterion", where, item)
        before = len(reader.problems)
        reader.fields(where, item, name, ("id", "participant", "question", "answers", "explanation"), ())
        id_ = reader.slug((*where, "id"), item.get("id"), name) if "id" in item else None
        participant = (reader.choice((*where, "participant"), item.get("participant"), PARTICIPANTS, name)
                       if "participant" in item else None)
        question = reader.text((*where, "question"), item.get("question"), name)
        explanation = reader.text((*where, "explanation"), item.get("explanation"), name)
        answers = _answers(reader, (*where, "answers"), item.get("answers"), name) if "answers" in item else ()
        if id_:
            ids.append((id_, (*where, "id")))
        if len(reader.problems) == before and id_ and participant:
            criteria.append(Criterion(id_, participant, question, answers, explanation, reader.line(where)))
    reader.unique(ids, "criteria")
    return criteria, reader.problems


def _answers(reader: _Reader, where: Where, value: Any, name: str) -> tuple[Answer, ...]:
    answers: list[Answer] = []
    ids: list[tuple[str, Where]] = []
    for spot, item in reader.items(where, value, "answer"):
        label = f"answer {int(spot[-1]) + 1} of {name}"
        reader.fields(spot, item, label, ("id", "label", "qualifies"), ("advice",))
        id_ = reader.slug((*spot, "id"), item.get("id"), label) if "id" in item else None
        outcome = QUALIFIES.get(item.get("qualifies")) if isinstance(item.get("qualifies"), (bool, str)) else None
        if "qualifies" in item and outcome is None:
            reader.problem((*spot, "qualifies"), f"'qualifies: {item.get('qualifies')}' of {label} is unknown",
                           "write 'qualifies: true', 'qualifies: false' or 'qualifies: maybe'")
        if id_:
            ids.append((id_, (*spot, "id")))
            if outcome:
                answers.append(Answer(id_, reader.text((*spot, "label"), item.get("label"), label), outcome,
                                      reader.text((*spot, "advice"), item.get("advice"), label)))
    reader.unique(ids, f"answers of {name}")
    if isinstance(value, list) and value and not any(answer.outcome == "yes" for answer in answers):
        reader.problem(where, f"{name} has no answer that qualifies", "mark at least one answer 'qualifies: true'")
    if isinstance(value, list) and len(value) < 2:
        reader.problem(where, f"{name} has only one answer", "give at least two answers to choose from")
    return tuple(answers)


# --- Checks (each ``(site) -> Iterator[Problem]``) -----------------------------------------------

def stages_valid(site: Site) -> Iterator[Problem]:
    """Every page's ``stages:`` is a list of well-formed stages."""
    for page in site.pages.values():
        yield from read_stages(page)[1]


def criteria_valid(site: Site) -> Iterator[Problem]:
    """Every page's ``criteria:`` is a list of well-formed criteria, each with an answer that qualifies."""
    for page in site.pages.values():
        yield from read_criteria(page)[1]


def stages_agree(site: Site) -> Iterator[Problem]:
    """The same stages (ids, kinds, audiences, dates, numbers) in every language."""
    for first, other in pairs(site):
        (mine, wrong), (theirs, also_wrong) = read_stages(first), read_stages(other)
        if wrong or also_wrong:
            continue  # stages_valid reports them; comparing half-read lists would only add noise
        yield from _agree(first, other, mine, theirs, "stage", "stages", ("kind", "audience", "start", "end"),
                          lambda s: [s.title, s.text])
        for a, b in zip(mine, theirs):
            if a.id == b.id and (a.place is None) != (b.place is None):
                page, stage = (other, b) if b.place is None else (first, a)
                yield Problem(page.display, stage.line, f"the stage '{stage.id}' has a place in one language only",
                              "give the place in both languages, or in neither")


def criteria_agree(site: Site) -> Iterator[Problem]:
    """The same criteria (ids, participants, answers and what they mean, numbers) in every language."""
    for first, other in pairs(site):
        (mine, wrong), (theirs, also_wrong) = read_criteria(first), read_criteria(other)
        if wrong or also_wrong:
            continue
        yield from _agree(first, other, mine, theirs, "criterion", "criteria", ("participant", "answers"),
                          lambda c: [c.question, c.explanation, *(t for a in c.answers for t in (a.label, a.advice))])


def _agree(first: Page, other: Page, mine: list[Any], theirs: list[Any], noun: str, plural: str,
           keys: tuple[str, ...], texts: Callable[[Any], list[str]]) -> Iterator[Problem]:
    """Problems where two languages' lists differ: ids and order, the values of ``keys``, numbers."""
    ids = [item.id for item in mine], [item.id for item in theirs]
    if ids[0] != ids[1]:
        at = next((i for i, (a, b) in enumerate(zip(*ids)) if a != b), min(len(ids[0]), len(ids[1])))
        page, items = (other, theirs) if at < len(theirs) else (first, mine)
        line = items[at].line if at < len(items) else page.meta_lines.get(plural, 1)
        yield Problem(page.display, line, f"the {plural} are not the same in {first.display} and {other.display} "
                      f"({', '.join(ids[0])} / {', '.join(ids[1])})",
                      f"use the same {noun} ids, in the same order, in both languages")
        return
    for a, b in zip(mine, theirs):
        for key in keys:
            if _value(a, key) != _value(b, key):
                yield Problem(other.display, b.line, f"the {noun} '{b.id}' differs from {first.display}: "
                              f"{key} {_show(_value(b, key))} here, {_show(_value(a, key))} there",
                              "correct one of the two: both languages must say the same")
        numbers = Counter(_numbers_in(texts(a))), Counter(_numbers_in(texts(b)))
        for page, item, extra in ((first, a, numbers[0] - numbers[1]), (other, b, numbers[1] - numbers[0])):
            if extra:
                yield Problem(page.display, item.line, f"the {noun} '{item.id}' holds the number(s) "
                              f"{', '.join(sorted(extra))} that the other language does not",
                              "write the same numbers, in digits, in both languages")


def _value(item: Any, key: str) -> Any:
    if key == "answers":  # each answer's id and whether it qualifies, as the editor writes it
        written = {outcome: str(value).lower() for value, outcome in QUALIFIES.items()}
        return [(answer.id, written[answer.outcome]) for answer in item.answers]
    return getattr(item, key)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "(" + ", ".join(f"{a}: {b}" for a, b in value) + ")"
    return value.isoformat() if isinstance(value, date) else ("not set" if value is None else f"'{value}'")


def _numbers_in(texts: list[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for pattern in NOT_PROSE:
            text = pattern.sub(" ", text)
        found.extend(_numbers(text))
    return found


def links_lead_somewhere(site: Site) -> Iterator[Problem]:
    """Links written in the stages' and criteria's texts lead to a page of the same language, and a heading."""
    for page in site.pages.values():
        stages, criteria = read_stages(page)[0], read_criteria(page)[0]
        items: list[tuple[int, list[str]]] = [(s.line, [s.text]) for s in stages]
        items += [(c.line, [c.explanation, *(a.advice for a in c.answers)]) for c in criteria]
        own = {f"stage-{s.id}" for s in stages} | {f"criterion-{c.id}" for c in criteria} | {"self-check"}
        for line, texts in items:
            for match in (m for text in texts for m in MD_LINK.finditer(text)):
                link = _link(page, match.group(2), line, bool(match.group(1)))
                if not link.is_internal:
                    continue
                rel, _, anchor = link.target.partition("#")
                target = site.page(page.lang, rel)
                ids = {h.id for h in target.headings} | (own if target is page else set()) if target else set()
                if target is None or (anchor and anchor not in ids):
                    where = page.line_of(f"]({link.raw}") or line
                    yield Problem(page.display, where, f"the link '{link.raw}' leads to no "
                                  f"{'page' if target is None else 'heading'} of the site",
                                  "link to a .md file of the same folder, and to a heading id that it has")


def markers_placed(site: Site) -> Iterator[Problem]:
    """Each kind of data is shown where the page has its marker, and each marker has data to show."""
    for page in site.pages.values():
        marks = _markers(page)
        wanted: set[tuple[str, str]] = {("timeline", "")} if "stages" in page.meta else set()
        if "criteria" in page.meta:
            items = page.meta["criteria"] if isinstance(page.meta["criteria"], list) else []
            wanted |= {("self-check", "")} | {("criteria", item["participant"]) for item in items
                                               if isinstance(item, dict) and item.get("participant") in PARTICIPANTS}
        for name, argument, line in marks:
            shown = f"<!-- programme:{name}{' ' + argument if argument else ''} -->"
            if name not in MARKERS:
                yield Problem(page.display, line, f"the marker '{shown}' is unknown",
                              f"use one of: {', '.join(f'<!-- programme:{m} -->' for m in MARKERS)}")
            elif (name, argument) not in wanted:
                data = "stages" if name == "timeline" else "criteria"
                yield Problem(page.display, line, f"the marker '{shown}' has nothing to show on this page",
                              f"add '{data}:' to the front matter (criteria of that participant: "
                              f"{', '.join(PARTICIPANTS)}), or remove the marker")
        for name, argument in sorted(wanted - {(name, argument) for name, argument, _ in marks}):
            key = "stages" if name == "timeline" else "criteria"
            yield Problem(page.display, page.meta_lines.get(key, 1), f"the {key} are not shown on the page: "
                          f"the marker <!-- programme:{name}{' ' + argument if argument else ''} --> is missing",
                          "put it on a line of its own where they should appear")


def _markers(page: Page) -> list[tuple[str, str, int]]:
    """(name, argument, line) of every ``<!-- programme:... -->`` marker in the page's body."""
    found = []
    for number, line in enumerate(page.path.read_text("utf-8", "replace").splitlines(), 1):
        for match in MARKER.finditer(line):
            found.append((match.group(1), match.group(2) or "", number))
    return found


def texts_complete(site: Site) -> Iterator[Problem]:
    """Each language gives every reader-facing text of the timeline and the self-check in mkdocs.yml."""
    for language in i18n_options(site.config).get("languages", []):
        messages = (language.get("extra") or {}).get("messages") or {}
        lang = language.get("locale", "?")
        for table, cls in TEXTS.items():
            data = messages.get(table)
            if not isinstance(data, dict):
                yield Problem("mkdocs.yml", _config_line(site, f"locale: {lang}"), f"the language '{lang}' has no "
                              f"'{table}' texts under extra: messages:",
                              f"copy the '{table}:' block of another language and translate it")
                continue
            for spec in fields(cls):
                value = data.get(spec.name)
                labels = LABELS.get(spec.name)
                missing = ([key for key in labels if not (isinstance(value, dict) and value.get(key))] if labels
                           else ([] if isinstance(value, str) and value.strip() else [spec.name]))
                for key in missing:
                    name = f"{spec.name}.{key}" if labels else key
                    yield Problem("mkdocs.yml", _config_line(site, f"locale: {lang}"), f"the text '{table}.{name}' "
                                  f"is missing for '{lang}'", f"add it under extra: messages: {table}: of '{lang}'")


CHECKS: list[Check] = [stages_valid, criteria_valid, stages_agree, criteria_agree, links_lead_somewhere,
                       markers_placed, texts_complete]


# --- HTML -------------------------------------------------------------------------------------

class _Links(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: markdown.Markdown, link: Link) -> None:
        super().__init__(md)
        self.link = link

    def run(self, root: Element) -> None:
        for anchor in root.iter("a"):
            anchor.set("href", self.link(anchor.get("href", "")))


def _markdown(text: str, link: Link) -> str:
    """Markdown from the data or the texts as HTML, its links made links of the built page."""
    md = markdown.Markdown(extensions=["attr_list"])
    md.treeprocessors.register(_Links(md, link), "rc-links", 0)
    return str(md.convert(text))


def format_day(day: date, lang: str, texts: TimelineTexts) -> str:
    """A date the way the language writes it, e.g. '12 mars 2025' or '12 March 2025'."""
    return format_date(day, texts.date_format, locale=lang)


def _dates(stage: Stage, lang: str, texts: TimelineTexts) -> str:
    assert stage.start is not None
    start = f'<time datetime="{stage.start.isoformat()}">{escape(format_day(stage.start, lang, texts))}</time>'
    if stage.end is None or stage.end == stage.start:
        return start
    end = f'<time datetime="{stage.end.isoformat()}">{escape(format_day(stage.end, lang, texts))}</time>'
    return escape(texts.date_range).replace("{start}", start).replace("{end}", end)


def render_timeline(stages: list[Stage], lang: str, texts: TimelineTexts, link: Link, calendar_href: str) -> str:
    """The stages as an ordered list, each with its audience and dates, then the calendar link."""
    items = []
    for stage in stages:
        facts = [(texts.audience_label, escape(texts.audiences.get(stage.audience, stage.audience)), "audience")]
        if stage.dated:
            facts.append((texts.dates_label, _dates(stage, lang, texts), "dates"))
        if stage.place:
            facts.append((texts.place_label, escape(stage.place), "place"))
        rows = "".join(f'<div class="rc-stage__{css}"><dt>{escape(label)}</dt><dd>{value}</dd></div>'
                       for label, value, css in facts)
        text = f'<div class="rc-stage__text">{_markdown(stage.text, link)}</div>' if stage.text else ""
        classes = f"rc-stage rc-stage--{stage.kind} rc-stage--for-{stage.audience}"
        items.append(f'<li class="{classes}" id="stage-{stage.id}">'
                     f'<p class="rc-stage__kind">{escape(texts.kinds.get(stage.kind, stage.kind))}</p>'
                     f'<p class="rc-stage__title">{escape(stage.title)}</p>'
                     f'<dl class="rc-stage__facts">{rows}</dl>{text}</li>')
    note = "" if any(stage.dated for stage in stages) else f'<p class="rc-timeline__note">{escape(texts.no_dates)}</p>'
    calendar = (f'<p class="rc-timeline__calendar"><a href="{escape(calendar_href)}" type="text/calendar" download>'
                f'{escape(texts.calendar_link)}</a></p>')
    return (f'<div class="rc-timeline"><ol class="rc-timeline__list" role="list">{"".join(items)}</ol>'
            f'{note}{calendar}</div>')


def render_criteria(criteria: list[Criterion], participant: str, texts: CheckTexts, link: Link) -> str:
    """The criteria of one kind of participant as a list: question, rule, and the answers that fit."""
    items = []
    for criterion in (c for c in criteria if c.participant == participant):
        answers = "".join(
            f'<div class="rc-criterion__answers rc-criterion__answers--{outcome}"><p>{escape(label)}</p><ul>'
            + "".join(f"<li>{escape(answer.label)}</li>" for answer in criterion.answers_with(outcome))
            + "</ul></div>"
            for outcome, label in (("yes", texts.qualifying_label), ("maybe", texts.maybe_label))
            if criterion.answers_with(outcome))
        items.append(f'<li class="rc-criterion" id="criterion-{criterion.id}">'
                     f'<p class="rc-criterion__question">{escape(criterion.question)}</p>'
                     f'<div class="rc-criterion__explanation">{_markdown(criterion.explanation, link)}</div>'
                     f'{answers}</li>')
    return f'<ul class="rc-criteria rc-criteria--{participant}" role="list">{"".join(items)}</ul>'


def render_self_check(criteria: list[Criterion], texts: CheckTexts, link: Link, script_href: str) -> str:
    """The "Can I join?" form, hidden until its script shows it (the criteria list works without it)."""
    participants = [p for p in PARTICIPANTS if any(c.participant == p for c in criteria)]
    choices = "".join(_choice("rc-participant", p, texts.participants.get(p, p)) for p in participants)
    groups = []
    for participant in participants:
        sets = []
        for criterion in (c for c in criteria if c.participant == participant):
            name = f"rc-{criterion.id}"
            options = "".join(_choice(name, a.id, a.label, a.outcome) for a in criterion.answers)
            advice = "".join(f'<template data-advice="{a.id}">{_markdown(a.advice, link)}</template>'
                             for a in criterion.answers if a.advice)
            sets.append(f'<fieldset class="rc-question" data-criterion="{criterion.id}">'
                        f'<legend>{escape(criterion.question)}</legend>{options}'
                        f'<template data-explanation>{_markdown(criterion.explanation, link)}</template>{advice}'
                        f'</fieldset>')
        groups.append(f'<div class="rc-selfcheck__group" data-participant="{participant}" hidden>{"".join(sets)}</div>')
    results = "".join(
        f'<template data-outcome="{outcome}"><p class="rc-result__title">{escape(title)}</p>'
        f'<p class="rc-result__why">{escape(texts.all_met if outcome == "yes" else texts.why)}</p>'
        f'<ul class="rc-result__reasons" data-slot="why"></ul>'
        f'<p class="rc-result__next">{escape(texts.next)}</p>{_markdown(next_step, link)}</template>'
        for outcome, title, next_step in (("yes", texts.result_yes, texts.next_yes),
                                          ("maybe", texts.result_maybe, texts.next_maybe),
                                          ("no", texts.result_no, texts.next_no)))
    return (f'<section class="rc-selfcheck" aria-labelledby="self-check" data-rc-selfcheck hidden '
            f'data-missing="{escape(texts.missing)}" data-your-answer="{escape(texts.your_answer)}">'
            f'<h2 id="self-check">{escape(texts.title)}</h2>{_markdown(texts.intro, link)}'
            f'<form class="rc-selfcheck__form" novalidate>'
            f'<fieldset class="rc-question" data-criterion="participant">'
            f'<legend>{escape(texts.participant_question)}</legend>{choices}</fieldset>'
            f'{"".join(groups)}'
            f'<button type="submit" class="md-button md-button--primary">{escape(texts.submit)}</button></form>'
            f'<div class="rc-selfcheck__result" role="status" aria-live="polite" aria-atomic="true" data-result></div>'
            f'{results}</section><script src="{escape(script_href)}" defer></script>')


def _choice(name: str, value: str, label: str, outcome: str | None = None) -> str:
    ident = f"{name}-{value}"
    data = f' data-outcome="{outcome}"' if outcome else ""
    return (f'<div class="rc-choice"><input type="radio" id="{ident}" name="{name}" value="{value}"{data}>'
            f'<label for="{ident}">{escape(label)}</label></div>')


def render_markers(html: str, source: Path, lang: str, extra: dict[str, Any], link: Link,
                   calendar_href: str, script_href: str) -> str:
    """A built page's HTML with each ``<!-- programme:... -->`` marker replaced by what it stands for."""
    if "<!--" not in html or not MARKER.search(html):
        return html
    page = Page(lang=lang, rel=source.name, path=source, display=source.as_posix())
    parse_page(page)
    stages, criteria = read_stages(page)[0], read_criteria(page)[0]

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2) or ""
        if name == "timeline":
            return render_timeline(stages, lang, timeline_texts(extra), link, calendar_href)
        if name == "criteria":
            return render_criteria(criteria, argument, check_texts(extra), link)
        if name == "self-check":
            return render_self_check(criteria, check_texts(extra), link, script_href)
        return match.group(0)

    return MARKER.sub(replace, html)


# --- iCalendar --------------------------------------------------------------------------------

def calendar_url(page_url: str) -> str:
    """Where the calendar of a programme page is published: beside it, e.g. 'en/programme/' -> 'en/programme.ics'."""
    folder = page_url.strip("/").rpartition("/")[0]
    return f"{folder}/{CALENDAR_FILE}" if folder else CALENDAR_FILE


def calendar(stages: list[Stage], lang: str, texts: TimelineTexts, page_url: str, stamp: datetime) -> bytes:
    """The dated stages as an iCalendar file (all-day events); stages without dates are left out.

    The calendar always holds the Europe/Paris time zone, so that it stays a valid calendar
    (RFC 5545 asks for at least one component) while no date is published.
    """
    cal = Calendar.new(prodid=f"-//PLACE Network//Resilient Cities//{lang.upper()}",
                       name=texts.calendar_name, uid=f"resilient-cities-programme-{lang}", url=page_url or None)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(Timezone.from_tzid(TIMEZONE))
    for stage in (s for s in stages if s.start is not None):
        assert stage.start is not None
        audience = f"{texts.audience_label} {texts.audiences.get(stage.audience, stage.audience)}"
        cal.add_component(Event.new(
            uid=f"{stage.id}@resilient-cities-programme", stamp=stamp, summary=stage.title,
            start=stage.start, end=(stage.end or stage.start) + timedelta(days=1), location=stage.place,
            description="\n\n".join(part for part in (audience, _plain(stage.text)) if part),
            url=f"{page_url}#stage-{stage.id}" if page_url else None,
            categories=[texts.kinds.get(stage.kind, stage.kind)]))
    return bytes(cal.to_ical())


def _plain(text: str) -> str:
    """Markdown as plain text, for the calendar."""
    return unescape(re.sub(r"<[^>]+>", "", _markdown(text, lambda href: href))).strip() if text else ""


def build_time() -> datetime:
    """When this build happens (``SOURCE_DATE_EPOCH`` if set, for reproducible files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def write_calendar(site: Site, lang: str, out: Path, extra: dict[str, Any], site_url: str) -> Path | None:
    """Write the calendar of ``lang``'s programme page into the built site ``out``; its path, or None."""
    page = site.page(lang, PROGRAMME_PAGE)
    if page is None or "stages" not in page.meta:
        return None
    url = page_url(site, lang, PROGRAMME_PAGE)
    target = out / calendar_url(url)
    absolute = site_url.rstrip("/") + url if site_url else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(calendar(read_stages(page)[0], lang, timeline_texts(extra), absolute, build_time()))
    return target
