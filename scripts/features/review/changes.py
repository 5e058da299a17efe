"""The pages a branch changed: the Markdown files of each language changed between the merge base of the
default branch and HEAD (commits only, like the translation status), read with ``git diff``."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ...problems import Problem
from ...source.model import Site
from ...source.parse import load_site
from ..i18n_status.history import git
from ..i18n_status.model import StatusReport, load_status
from ..i18n_status.report import outdated_warnings


@dataclass
class Changes:
    """The pages changed since ``base`` (their languages changed), or why they cannot be known."""

    base: str                                # the revision asked for, e.g. origin/main
    merge_base: str = ""                     # the commit the branch started from ("" when unknown)
    pages: dict[str, set[str]] = field(default_factory=dict)  # rel -> languages whose file changed
    reason: str = ""                         # why they are unknown

    @property
    def known(self) -> bool:
        return bool(self.merge_base)


def default_base(root: Path) -> str:
    """The default branch to compare with: the pull request's base on GitHub Actions, else the remote's
    default branch, else ``main``."""
    if os.environ.get("GITHUB_BASE_REF"):
        return f"origin/{os.environ['GITHUB_BASE_REF']}"
    remote = git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    return remote.stdout.strip() if remote.returncode == 0 and remote.stdout.strip() else "main"


def changed_pages(site: Site, base: str) -> Changes:
    """The pages whose file changed in some language between the merge base of ``base`` and HEAD."""
    found = git(site.root, "merge-base", base, "HEAD")
    if found.returncode != 0:
        reason = found.stderr.strip().splitlines()[-1:] or ["no common commit"]
        return Changes(base, reason=f"no merge base of {base} and HEAD ({reason[0]}); "
                                    "pass --base, and fetch the full history (git fetch --unshallow)")
    changes = Changes(base, found.stdout.strip())
    folder = site.show(site.docs).rstrip("/") + "/"
    diff = git(site.root, "diff", "--name-only", "--no-renames", "--relative", changes.merge_base, "HEAD",
                "--", folder)
    for path in diff.stdout.splitlines():
        lang, _, rel = path.removeprefix(folder).partition("/")
        if path.startswith(folder) and lang in site.languages and rel.endswith(".md"):
            changes.pages.setdefault(rel, set()).add(lang)
    return changes


@dataclass
class Review:
    """What a reviewer needs beside the problems: the translation status and the pages the branch changed."""

    report: StatusReport
    changes: Changes

    def warnings(self) -> list[Problem]:
        """The outdated translations among the changed pages (among all pages when those are unknown)."""
        return outdated_warnings(self.report, self.changes.pages if self.changes.known else None)


def load_review(root: Path, base: str | None = None) -> Review:
    """The status model and the pages changed since the merge base of ``base`` (default: ``default_base``)."""
    site = load_site(root)
    return Review(load_status(root, site), changed_pages(site, base or default_base(root)))
