"""The status model as text (the CLI table) and JSON, for editors and tools."""
from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict
from typing import Any

from ...problems import Problem
from .history import SKIP_FILE, SKIP_MARK
from .model import State, StatusReport, Version

OUTDATED = "this translation may be out of date"  # how an outdated translation's warning starts


def format_text(report: StatusReport) -> str:
    """The table for editors, then what to do about each version that is not up to date."""
    head = ["page", *(lang.upper() for lang in report.languages)]
    rows = [[page.rel, *(page.versions[lang].label for lang in report.languages)] for page in report.pages]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = [history_line(report), ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [head, *rows]]
    for state in (State.OUTDATED, State.MISSING, State.PENDING, State.UNKNOWN):
        versions = [v for v in report.versions() if v.state is state]
        if versions:
            lines += ["", f"{state.value.replace('-', ' ').capitalize()}:"]
            for text, command in (item for v in versions for item in details(v)):
                lines += [f"  {text}"] + ([f"      see what changed: {command}"] if command else [])
    counts = ", ".join(f"{n} {state.replace('-', ' ')}" for state, n in report.counts().items())
    lines += ["", f"{len(report.pages)} pages: {counts}."]
    return "\n".join(lines)


def history_line(report: StatusReport) -> str:
    history = report.history
    if not history.known:
        return f"Translation status: unknown, {history.reason} ({history.hint})."
    return f"Translation status from git history ({len(history.commits)} commits changed the docs folder)."


def details(version: Version) -> list[tuple[str, str]]:
    """What to know about a version that is not up to date: (sentence, command to run or "")."""
    return [(f"{version.path}: {reason}", command) for reason, command in reasons(version)]


def reasons(version: Version) -> list[tuple[str, str]]:
    """Why a version is not up to date, without its path: (sentence, command to run or "")."""
    if version.state is State.OUTDATED:
        items = []
        for behind in version.behind:
            more = f", {behind.changes} commits, the last on {behind.latest.day}" if behind.changes > 1 else ""
            subject = behind.since.subject if len(behind.since.subject) <= 60 else behind.since.subject[:59] + "…"
            items.append((f"{behind.path} changed on {behind.since.day} "
                          f"({behind.since.short} \"{subject}\"{more})", behind.diff))
        return items
    if version.state is State.MISSING:
        return [("the file does not exist (add it, or mark the page 'translation: pending')", "")]
    if version.state is State.UNKNOWN:
        return [(version.note, "")]
    if version.state is State.PENDING:
        return [("waiting for its translation ('translation: pending')", "")]
    return []


def outdated_warnings(report: StatusReport, rels: Collection[str] | None = None) -> list[Problem]:
    """Each outdated version (of the pages ``rels``, or of every page) as a warning on its file."""
    return [Problem(version.path, None, f"{OUTDATED}: {reason}",
                    f"make the same change here; if that change needs no translation (a typo, a French-only "
                    f"wording), add the line '{behind.since.short}' to {SKIP_FILE} (or, before committing, put "
                    f"{SKIP_MARK} in the commit message); see what changed: {command}", "warning")
            for page in report.pages if rels is None or page.rel in rels
            for version in page.versions.values() if version.state is State.OUTDATED
            for behind, (reason, command) in zip(version.behind, reasons(version))]


def format_json(report: StatusReport) -> str:
    """The same model as a JSON document for tools."""
    def version(v: Version) -> dict[str, Any]:
        data = asdict(v)
        data["label"] = v.label
        data["since"] = v.since.date if v.since else None
        for item, behind in zip(data["behind"], v.behind):
            item["diff"] = behind.diff
        return data

    history = report.history
    document = {
        "languages": report.languages,
        "history": {"known": history.known, "commits": len(history.commits), "reason": history.reason,
                    "hint": history.hint},
        "counts": report.counts(),
        "pages": [{"page": p.rel, "title": p.title, "versions": {lang: version(v) for lang, v in p.versions.items()}}
                  for p in report.pages],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
