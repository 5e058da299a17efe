"""Markdown views for GitHub: the step summary of a build or check, and the pull request's comment.

Both are views of the same values: the problems (``Problem``), the translation status model
(``StatusReport``) of the pages the branch changed (``Changes``) and the build's stage timings.
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ...problems import Problem
from ..i18n_status.history import SKIP_FILE, SKIP_MARK
from ..i18n_status.model import State, StatusReport, Version
from ..i18n_status.report import reasons
from .changes import Changes, Review

MARKER = "<!-- resilient-cities:pr-comment -->"  # how the comment workflow finds the comment to edit
MAX_ROWS = 50                                     # a comment holds at most 65,536 characters
LEVELS = {"error": "to fix", "warning": "to check"}
WORRYING = {State.OUTDATED, State.MISSING, State.UNKNOWN}


def cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell: no HTML, no column break, no line break."""
    return escape(text, quote=False).replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def table(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    """A Markdown table; cells are already made safe with ``cell``."""
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def problems_section(problems: list[Problem], heading: str = "###") -> list[str]:
    """The problems as a table (the first MAX_ROWS), errors first; or a line saying there is none."""
    items = sorted(set(problems), key=lambda p: (p.level != "error", p))
    errors = sum(1 for p in items if p.level == "error")
    if not items:
        return [f"{heading} Problems", "", "No problem found."]
    rows = [[LEVELS[p.level], cell(p.where), cell(p.message), cell(p.hint)] for p in items[:MAX_ROWS]]
    counts = [f"{n} {word}" for n, word in ((errors, "to fix"), (len(items) - errors, "to check")) if n]
    lines = [f"{heading} Problems: {', '.join(counts)}", "",
             *table(["", "file", "problem", "how to fix"], rows)]
    if len(items) > MAX_ROWS:
        lines += ["", f"… and {len(items) - MAX_ROWS} more: see the workflow run."]
    return lines


def _state(version: Version, changed: bool) -> str:
    label = cell(version.label)
    label = f"**{label}**" if version.state in WORRYING else label
    return f"{label} (changed here)" if changed else label


def status_section(report: StatusReport, changes: Changes, heading: str = "###") -> list[str]:
    """The translation state, in every language, of the pages the branch changed; then what to do."""
    lines = [f"{heading} Pages changed, and their translation", ""]
    if not changes.known:
        return lines + [f"Unknown: {cell(changes.reason)}."]
    pages = [page for page in report.pages if page.rel in changes.pages]
    if not pages:
        return lines + [f"No page changed since {cell(changes.base)} ({changes.merge_base[:10]})."]
    lines += [f"Since {cell(changes.base)} ({changes.merge_base[:10]}); states from the git history "
              "(`make i18n-status`).", ""]
    head = ["page", *(lang.upper() for lang in report.languages)]
    rows = [[cell(page.rel), *(_state(page.versions[lang], lang in changes.pages[page.rel])
                               for lang in report.languages)] for page in pages]
    lines += table(head, rows)
    todo = [f"- `{version.path}`: {cell(reason)}" + (f"<br>see what changed: `{command}`" if command else "")
            for page in pages for version in page.versions.values() if version.state is not State.UP_TO_DATE
            for reason, command in reasons(version)]
    if any(version.state is State.OUTDATED for page in pages for version in page.versions.values()):
        todo.append(f"- A change that needs no translation (a typo, a wording in one language only): add its "
                    f"commit hash, one a line, to `{SKIP_FILE}`; in a new commit, put `{SKIP_MARK}` in its message.")
    return lines + (["", "What to do:", "", *todo] if todo else [])


def timings_section(timings: dict[str, float], heading: str = "###") -> list[str]:
    rows = [[cell(stage), f"{seconds:.2f} s"] for stage, seconds in timings.items()]
    return [f"{heading} Build stages", "", *table(["stage", "time"], rows)] if rows else []


def step_summary(title: str, problems: list[Problem], report: StatusReport, changes: Changes,
                 timings: dict[str, float]) -> str:
    """The job's summary on GitHub ($GITHUB_STEP_SUMMARY): problems, translation of the changed pages, timings."""
    errors = sum(1 for p in problems if p.level == "error")
    verdict = f"{errors} problem{'s' if errors != 1 else ''} to fix" if errors else "no problem to fix"
    sections = [[f"## {cell(title)}: {verdict}"], problems_section(problems), status_section(report, changes),
                timings_section(timings)]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"


def pr_comment(problems: list[Problem] | None, review: Review, run_url: str = "", tests: str = "") -> str:
    """The pull request's one comment (edited on each push): the pages changed, their translation in every
    language, and the problems of the build (``None``: the build did not finish). The outdated translations
    are told in the translation section, not again among the problems."""
    report, changes = review.report, review.changes
    if problems is not None:
        told = set(review.warnings())
        problems = [problem for problem in problems if problem not in told]
    if problems is None:
        verdict = "**the build did not finish**: see the workflow run."
    else:
        errors = sum(1 for p in problems if p.level == "error")
        verdict = (f"**{errors} problem{'s' if errors != 1 else ''} to fix**, listed below and shown on the lines "
                   "of the changed files (tab *Files changed*)." if errors else "no problem to fix.")
    lines = [MARKER, "## Resilient Cities: what this pull request changes", "", f"Build: {verdict}"]
    if tests:
        lines += ["", f"Tests: {'passed' if tests == 'success' else f'**{cell(tests)}**'}."]
    if run_url:
        lines += ["", f"Details: [the workflow run]({run_url})."]
    lines += ["", *status_section(report, changes)]
    if problems:
        lines += ["", *problems_section(problems)]
    lines += ["", "<sub>Made by `python -m scripts pr-comment`; updated on each push.</sub>"]
    return "\n".join(lines) + "\n"
