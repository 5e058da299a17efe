"""The editor's typo fix (usability report, M2 and M8): a commit that changes one language tells, in the build,
under ``make serve`` and in the pull request's comment, which page it made outdated and how to mark a change
that needs no translation; marked, the reader's notice goes away. The real site has no false notice."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts import cli
from scripts.features.i18n_status.model import State, load_status
from scripts.mkdocs_glue.live_check import LiveCheck, banner_html, terminal_text
from scripts.problems import Problem

from .test_i18n_status import commit, git, start_repo

pytestmark = pytest.mark.build  # whole builds of project copies: left out of make test-fast

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_home_pages_show_no_false_out_of_date_notice() -> None:
    """The commits that brought one home page in line with the other are listed in .i18n-skip-revs (M2)."""
    report = load_status(ROOT)
    assert [v.state for v in report.pages[[p.rel for p in report.pages].index("index.md")].versions.values()
            if v.state is State.OUTDATED] == []


def test_a_typo_fix_tells_the_build_which_page_it_made_outdated_and_how_to_mark_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = start_repo(project)
    git(repo, "checkout", "-q", "-b", "typo")
    sha = commit(repo, "2026-12-07T09:00:00+01:00", "FAQ: corriger une faute", {"docs/fr/faq.md": "Une phrase."})

    assert cli.main(["--root", str(repo), "build", "--no-linkcheck"]) == 0
    told = capsys.readouterr().err
    warning = next(line for line in told.splitlines() if line.startswith("Warning: docs/en/faq.md:"))
    assert "this translation may be out of date: docs/fr/faq.md changed on 2026-12-07" in warning
    assert f'{sha[:10]} "FAQ: corriger une faute"' in warning
    assert f"add the line '{sha[:10]}' to .i18n-skip-revs" in warning and "[i18n skip]" in warning
    assert "translation(s) may now be out of date" in told.splitlines()[-1]
    notice = (repo / "site/en/faq/index.html").read_text("utf-8")
    assert "rc-outdated" in notice and "7 December 2026" in notice  # the site's own date format

    assert cli.main(["--root", str(repo), "pr-comment", "--base", "main"]) == 0
    comment = capsys.readouterr().out
    assert "**outdated since 2026-12-07**" in comment and "`.i18n-skip-revs`" in comment

    (repo / ".i18n-skip-revs").write_text(f"{sha[:10]}  # a typo: nothing to translate\n", "utf-8")
    assert cli.main(["--root", str(repo), "build", "--no-linkcheck"]) == 0
    assert "out of date" not in capsys.readouterr().err
    assert "rc-outdated" not in (repo / "site/en/faq/index.html").read_text("utf-8")


def test_make_serve_tells_the_outdated_pages_apart_from_the_problems() -> None:
    warning = Problem("docs/en/faq.md", None, "this translation may be out of date: …", "add the line…", "warning")
    check = LiveCheck((warning,), 0.2)
    assert terminal_text(check).splitlines() == ["Source checks (0.20 s): no problem found.", f"Warning: {warning}."]
    html = banner_html(check, "docs/en/faq.md")
    assert "no problem in the sources" in html and "1 to check" in html and "(this page)" in html
    assert html.count("failure") == 0
