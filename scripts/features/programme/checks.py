"""Checks of the programme data: each stage and criterion well formed, the same in every language,
its links leading somewhere, its markers placed, and every reader-facing text given."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from ...problems import Problem
from ...source.links import broken
from ...source.model import Check, Page, Site
from ...source.parity import pairs
from ...source.parse import MD_LINK, link, prose_numbers
from .model import MARKER, MARKERS, PARTICIPANTS, QUALIFIES
from .reader import read_criteria, read_stages


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
                          lambda c: [c.question, c.explanation, c.hint,
                                     *(t for a in c.answers for t in (a.label, a.advice))])


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
        numbers = (Counter(n for text in texts(a) for n in prose_numbers(text)),
                   Counter(n for text in texts(b) for n in prose_numbers(text)))
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


def links_lead_somewhere(site: Site) -> Iterator[Problem]:
    """Links written in the stages' and criteria's texts lead to a page of the same language, and a heading."""
    for page in site.pages.values():
        stages, criteria = read_stages(page)[0], read_criteria(page)[0]
        items: list[tuple[int, list[str]]] = [(s.line, [s.text]) for s in stages]
        items += [(c.line, [c.explanation, c.hint, *(a.advice for a in c.answers)]) for c in criteria]
        own = {f"stage-{s.id}" for s in stages} | {f"criterion-{c.id}" for c in criteria} | {"self-check"}
        for line, texts in items:
            for match in (m for text in texts for m in MD_LINK.finditer(text)):
                where = page.line_of(f"]({match.group(2)}") or line
                found = link(page, match.group(2), where, bool(match.group(1)))
                problem = broken(site, page, found, own) if found.is_internal else None
                if problem:
                    yield problem


def markers_placed(site: Site) -> Iterator[Problem]:
    """Each kind of data is shown where the page has its marker, and each marker has data to show (on a page
    whose front matter could be read: else its problem is told, not this knock-on)."""
    for page in site.pages.values():
        if not page.readable:
            continue
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
    for number, line in enumerate(page.lines, 1):
        for match in MARKER.finditer(line):
            found.append((match.group(1), match.group(2) or "", number))
    return found


CHECKS: list[Check] = [stages_valid, criteria_valid, stages_agree, criteria_agree, links_lead_somewhere,
                       markers_placed]
