"""The pull request's comment and the GitHub warnings, on a real temporary repository: a branch that changes a
French page only makes its English page outdated, and the comment says so."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import cli
from scripts.features.review.markdown import MARKER, cell

from .test_i18n_status import commit, git, start_repo


@pytest.fixture
def branch(project: Path) -> Path:
    """The project on a branch 'edit' off 'main' whose one commit changes the French FAQ only."""
    repo = start_repo(project)
    git(repo, "checkout", "-q", "-b", "edit")
    commit(repo, "2024-02-01T09:00:00+01:00", "FAQ: a new paragraph", {"docs/fr/faq.md": "Un paragraphe ajouté."})
    return repo


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().out


def test_the_comment_says_the_english_page_is_now_outdated(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, comment = run(capsys, "--root", str(branch), "pr-comment", "--base", "main")
    assert code == 0 and comment.startswith(MARKER + "\n")
    assert "Build: no problem to fix." in comment and "### Problems" not in comment
    rows = [line for line in comment.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows == ["| page | FR | EN |", "| faq.md | up to date (changed here) | **outdated since 2024-02-01** |"]
    assert re.search(r"^- `docs/en/faq\.md`: docs/fr/faq\.md changed on 2024-02-01 .*"
                     r"see what changed: `git diff \w+ \w+ -- docs/fr/faq\.md`$", comment, flags=re.M)


def test_the_comment_lists_the_problems_of_the_build(branch: Path, capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    (branch / "docs/en/about.md").write_text((branch / "docs/en/about.md").read_text("utf-8") + "\n[x](y|z.md)\n")
    problems = tmp_path / "problems.json"
    code, out = run(capsys, "--root", str(branch), "check", "--format", "github", "--base", "main",
                    "--write-json", str(problems))
    assert code == 1
    assert re.search(r"^::warning file=docs/en/faq\.md,title=To check::this translation may be out of date", out,
                     flags=re.M)
    code, comment = run(capsys, "--root", str(branch), "pr-comment", "--base", "main", "--problems", str(problems))
    assert "**1 problem to fix**" in comment  # the broken link, told once
    assert "| to fix | docs/en/about.md:" in comment and cell("'y|z.md'") in comment  # the | does not break the table
    assert "out of date" not in comment and "**outdated since 2024-02-01**" in comment  # told once, in the table

    code, comment = run(capsys, "--root", str(branch), "pr-comment", "--base", "main",
                        "--problems", str(tmp_path / "never-written.json"))
    assert "**the build did not finish**" in comment


def test_without_a_common_commit_the_changes_are_unknown(branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, comment = run(capsys, "--root", str(branch), "pr-comment", "--base", "no-such-branch")
    assert code == 0 and "Unknown: no merge base of no-such-branch and HEAD" in comment
