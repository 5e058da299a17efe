"""Reading ``stages:`` and ``criteria:`` from a page's front matter, with the line of every problem."""
from __future__ import annotations

from typing import Any

from ...problems import Problem
from ...source.fields import DATE, SLUG, TEXT, FieldReader, Kind, Schema, one_of
from ...source.model import Page, Where
from .model import AUDIENCES, KINDS, PARTICIPANTS, QUALIFIES, Answer, Criterion, Stage

STAGE = Schema({"id": SLUG, "kind": one_of(KINDS), "audience": one_of(AUDIENCES), "title": TEXT,
                "text": TEXT, "start": DATE, "end": DATE, "place": TEXT}, optional=("text", "start", "end", "place"))
ANSWERS = Kind("a list of answers", lambda value: value)  # each answer is read by _answers
CRITERION = Schema({"id": SLUG, "participant": one_of(PARTICIPANTS), "question": TEXT, "answers": ANSWERS,
                    "explanation": TEXT, "hint": TEXT}, optional=("hint",))
ANSWER = Schema({"id": SLUG, "label": TEXT, "qualifies": one_of(QUALIFIES), "advice": TEXT}, optional=("advice",))


def _name(noun: str, where: Where, item: dict[str, Any]) -> str:
    label = f"{noun} {int(where[-1]) + 1}"
    return f"{label} ('{item['id']}')" if isinstance(item.get("id"), str) else label


def read_stages(page: Page) -> tuple[list[Stage], list[Problem]]:
    """The stages of a page (``stages:`` in its front matter) and the problems that make some unusable.
    Read once, then kept."""
    return page.once("stages", lambda: _read_stages(page))


def _read_stages(page: Page) -> tuple[list[Stage], list[Problem]]:
    if "stages" not in page.meta:
        return [], []
    reader = FieldReader(page, "stages")
    stages: list[Stage] = []
    ids: list[tuple[str, Where]] = []
    for where, item in reader.items(("stages",), page.meta["stages"], "stage"):
        name = _name("stage", where, item)
        values = reader.read(where, item, STAGE, name)
        if isinstance(item.get("id"), str):
            ids.append((item["id"], (*where, "id")))
        if values is None:
            continue
        start, end = values["start"], values["end"]
        if end is not None and start is None:
            reader.problem((*where, "end"), f"{name} has an end date but no start date",
                           "add 'start: YYYY-MM-DD' (the same day for a one-day stage)")
        elif start and end and end < start:
            reader.problem((*where, "end"), f"{name} ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                           "correct one of the two dates")
        else:
            stages.append(Stage(values["id"], values["kind"], values["audience"], values["title"],
                                values["text"] or "", start, end, values["place"], reader.line(where)))
    reader.unique(ids, "stages")
    return stages, reader.problems


def read_criteria(page: Page) -> tuple[list[Criterion], list[Problem]]:
    """The eligibility criteria of a page (``criteria:``) and the problems that make some unusable.
    Read once, then kept."""
    return page.once("criteria", lambda: _read_criteria(page))


def _read_criteria(page: Page) -> tuple[list[Criterion], list[Problem]]:
    if "criteria" not in page.meta:
        return [], []
    reader = FieldReader(page, "criteria")
    criteria: list[Criterion] = []
    ids: list[tuple[str, Where]] = []
    for where, item in reader.items(("criteria",), page.meta["criteria"], "criterion"):
        name = _name("criterion", where, item)
        values = reader.read(where, item, CRITERION, name)
        answers = _answers(reader, (*where, "answers"), item["answers"], name) if "answers" in item else None
        if isinstance(item.get("id"), str):
            ids.append((item["id"], (*where, "id")))
        if values is not None and answers is not None:
            criteria.append(Criterion(values["id"], values["participant"], values["question"], answers,
                                      values["explanation"], reader.line(where), values["hint"] or ""))
    reader.unique(ids, "criteria")
    return criteria, reader.problems


def _answers(reader: FieldReader, where: Where, value: Any, name: str) -> tuple[Answer, ...] | None:
    """The answers of a criterion, or None when any of them cannot be used."""
    before = len(reader.problems)
    answers: list[Answer] = []
    ids: list[tuple[str, Where]] = []
    for spot, item in reader.items(where, value, "answer"):
        values = reader.read(spot, item, ANSWER, f"answer {int(spot[-1]) + 1} of {name}")
        if isinstance(item.get("id"), str):
            ids.append((item["id"], (*spot, "id")))
        if values is not None:
            answers.append(Answer(values["id"], values["label"], values["qualifies"], values["advice"] or ""))
    reader.unique(ids, f"answers of {name}")
    if isinstance(value, list) and value and not any(answer.outcome == "yes" for answer in answers):
        reader.problem(where, f"{name} has no answer that qualifies", "mark at least one answer 'qualifies: true'")
    if isinstance(value, list) and len(value) < 2:
        reader.problem(where, f"{name} has only one answer", "give at least two answers to choose from")
    return tuple(answers) if len(reader.problems) == before else None
