"""``--format github``: every line is a workflow command GitHub can read (``::error file=…,line=…,title=…::…``),
escaped as GitHub's documentation says; the step summary is written where $GITHUB_STEP_SUMMARY points."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import cli
from scripts.problems import Problem, format_github

# GitHub's syntax, strictly: a known command, properties file, line (optional) and title, in which only
# the escapes %25 %0D %0A %3A %2C may stand for % CR LF : , ; then the message, where % CR LF are escaped.
PROPERTY = r"(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)+"
COMMAND = re.compile(rf"^::(error|warning) file=({PROPERTY})(?:,line=([1-9][0-9]*))?,title=({PROPERTY})"
                     r"::((?:[^%\r\n]|%25|%0D|%0A)+)$")


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_commas_colons_percents_and_newlines_are_escaped() -> None:
    problem = Problem("docs/fr/a,b:c%.md", 3, "first line,\r\nsecond: 100%", "fix it, then: %0A stays text")
    [line] = format_github([problem]).splitlines()
    found = COMMAND.match(line)
    assert found, line
    assert unescape(found.group(2)) == "docs/fr/a,b:c%.md" and found.group(3) == "3"
    assert unescape(found.group(5)) == problem.advice
    assert "%250A stays text" in line  # a percent sign written by the editor is not read as an escape


def test_a_broken_page_gives_one_valid_command_per_problem(
        project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = project / "docs/fr/about.md"
    text = page.read_text("utf-8")
    page.write_text(text + "\n## Tarifs, horaires : 100 %\n\n[Voir](nulle-part.md)\n", "utf-8")
    lines = page.read_text("utf-8").splitlines()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    status = cli.main(["--root", str(project), "check", "--format", "github"])

    out = capsys.readouterr().out.splitlines()
    assert status == 1 and len(out) >= 2
    commands = [COMMAND.match(line) for line in out]
    assert all(commands), [line for line, found in zip(out, commands) if not found]
    found = [(unescape(c.group(2)), int(c.group(3) or 0), c.group(1), unescape(c.group(5))) for c in commands if c]
    heading = lines.index("## Tarifs, horaires : 100 %") + 1
    link = lines.index("[Voir](nulle-part.md)") + 1
    messages = {message for path, line, level, message in found if (path, line) == ("docs/fr/about.md", link)}
    assert ("docs/fr/about.md", heading, "error", "the heading 'Tarifs, horaires : 100 %' has no id. How to fix: "
            "add one at the end, the same in every language, e.g. {#my-section}") in found
    assert any("leads to no page or file" in message for message in messages)
    assert not any("has no counterpart" in message for message in messages)  # one broken link, one message
    written = summary.read_text("utf-8")
    assert written.startswith("## python -m scripts check: ") and "problems to fix" in written.splitlines()[0]
    assert f"| to fix | docs/fr/about.md:{heading} | the heading 'Tarifs, horaires : 100 %' has no id |" in written


@pytest.mark.build
def test_a_good_build_writes_its_stage_timings_in_the_summary(
        project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status = cli.main(["--root", str(project), "build", "--format", "github", "--no-linkcheck"])
    printed = capsys.readouterr().out.strip().splitlines()
    assert status == 0 and all(line.startswith("::warning ") for line in printed)  # readability only: no error
    written = summary.read_text("utf-8")
    assert written.startswith("## python -m scripts build: no problem to fix\n")
    assert "Unknown: no merge base of main and HEAD" in written
    assert re.search(r"^\| mkdocs build \| \d+\.\d\d s \|$", written, flags=re.M)
