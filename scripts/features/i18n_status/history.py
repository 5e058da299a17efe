"""The docs folder's git history, read with a single ``git log`` (commits, changed files, skip marks)."""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SKIP_MARK = "[i18n skip]"
# Commits made before anyone thought of [i18n skip]: one hash a line, '#' starts a comment. A hash
# followed by the word FORMATTING_MARK is a formatting-only commit: it does not date the pages either.
SKIP_FILE = ".i18n-skip-revs"
FORMATTING_MARK = "formatting"
UNSHALLOW_HINT = "fetch the full history: git fetch --unshallow"
# One record a commit: hash, parents, committer date, subject, whole message; then the changed files.
LOG_FORMAT = "%x1e%H%x1f%P%x1f%cI%x1f%s%x1f%B%x1f"


@dataclass(frozen=True)
class Commit:
    hash: str
    parent: str   # first parent ("" for the first commit)
    date: str     # committer date, ISO 8601
    subject: str

    @property
    def short(self) -> str:
        return self.hash[:10]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class FileChange:
    status: str                 # A, M, D, T or R (renamed, from old_path)
    path: str                   # relative to the project folder
    old_path: str | None = None
    similarity: int = 0         # for a rename: 100 when the content did not change


@dataclass(frozen=True)
class LoggedCommit:
    commit: Commit
    counted: bool               # False for [i18n skip] commits and those in .i18n-skip-revs
    changes: tuple[FileChange, ...]
    dated: bool = True          # False for formatting-only commits (.i18n-skip-revs: "<hash> formatting")


@dataclass
class History:
    """The commits that changed the docs folder, oldest first; or why they cannot be known."""

    known: bool
    commits: list[LoggedCommit] = field(default_factory=list)
    reason: str = ""
    hint: str = ""


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["git", "-C", str(root), "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")


def read_history(root: Path, folder: str) -> History:
    """Every commit that changed ``folder`` (relative to ``root``), read with a single ``git log``."""
    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        return History(False, reason="git is not installed", hint="install git, then clone the repository")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return History(False, reason="this folder is not a git repository",
                       hint="work in a clone of the repository (git clone), with its full history")
    if git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return History(False, reason="this is a shallow clone (only the last commits)", hint=UNSHALLOW_HINT)
    log = git(root, "log", "--date-order", "--no-color", "--name-status", "-M", "--relative",
               f"--format={LOG_FORMAT}", "--", folder)
    if log.returncode != 0:
        if git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            return History(True)  # a repository without any commit yet
        return History(False, reason=f"git log failed: {log.stderr.strip()[:200]}", hint="run it by hand to see why")
    return History(True, commits=list(reversed(list(_parse_log(log.stdout, skipped_revisions(root))))))


def skipped_revisions(root: Path) -> dict[str, bool]:
    """The commit hashes (or their first characters) listed in ``.i18n-skip-revs``; True for those
    marked formatting-only."""
    path = root / SKIP_FILE
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    words = [line.split("#", 1)[0].lower().split() for line in lines]
    return {found[0]: FORMATTING_MARK in found[1:] for found in words if found}


def _parse_log(output: str, skipped: dict[str, bool]) -> Iterator[LoggedCommit]:
    for record in output.split("\x1e")[1:]:
        sha, parents, when, subject, message, files = record.split("\x1f", 5)
        changes = []
        for line in files.splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0].startswith("R"):
                changes.append(FileChange("R", parts[2], parts[1], int(parts[0][1:] or 0)))
            elif len(parts) == 2 and parts[0]:
                changes.append(FileChange(parts[0][0], parts[1]))
        commit = Commit(sha, (parents.split() or [""])[0], when, subject)
        listed = [formatting for rev, formatting in skipped.items() if sha.startswith(rev)]
        counted = SKIP_MARK not in message.lower() and not listed
        yield LoggedCommit(commit, counted, tuple(changes), dated=not any(listed))
