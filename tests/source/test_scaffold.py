"""New pages and booklets in one command: the pages built at once, the booklet fails only on its fields left to
fill, the menu gains one line, and nothing is ever overwritten."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from scripts import cli, pipeline
from scripts.built.html_model import read_built_site
from scripts.features.booklets.model import SCHEMA
from scripts.problems import format_text
from scripts.source.fields import Schema
from scripts.source.scaffold import TO_FILL


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def added_lines(before: str, after: str) -> list[str]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")]
    return [line[2:] for line in diff if line.startswith("+ ")]


@pytest.mark.build
def test_new_page_builds_at_once_and_is_in_the_menu(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = (project / "mkdocs.yml").read_text("utf-8")
    code, out, _ = run(capsys, "--root", str(project), "new-page", "local-services",
                       "--title", "fr=Services locaux\u00a0: où aller\u00a0?", "--title", "en=Local services: where to go?")
    assert code == 0 and "Created: docs/fr/local-services.md" in out and "Added to the menu: mkdocs.yml" in out
    assert "Its address: /local-services/ and /en/local-services/" in out and "in English" in out
    assert added_lines(config, (project / "mkdocs.yml").read_text("utf-8")) == ["  - local-services.md"]
    french = (project / "docs/fr/local-services.md").read_text("utf-8")
    assert french.startswith('---\ntitle: "Services locaux\u00a0: où aller\u00a0?"\ndescription: ""  # TO FILL')
    assert "\n# Services locaux\u00a0: où aller\u00a0?\n\n## Introduction {#introduction}\n" in french

    result = pipeline.build(project, project / "site")
    assert result.ok, format_text(result.problems)
    left = sorted((w.path, w.message.split(":")[0]) for w in result.warnings if "local-services" in w.path)
    assert left == [("docs/en/local-services.md", "the page's description is empty"),
                    ("docs/en/local-services.md", "this page still says 'TO FILL'"),
                    ("docs/fr/local-services.md", "the page's description is empty"),
                    ("docs/fr/local-services.md", "this page still says 'TO FILL'")]
    pages = read_built_site(project / "site")
    assert pages["/en/local-services/"].lang == "en" and "introduction" in pages["/en/local-services/"].ids
    html = (project / "site/local-services/index.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>Services locaux\u00a0: où aller\u00a0\?</h1>", html)
    assert 'href="local-services/"' in (project / "site/index.html").read_text("utf-8")  # in the menu


def test_new_page_refuses_to_overwrite_or_a_bad_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {path: path.read_bytes() for path in (project / "docs").rglob("*.md")}
    config = (project / "mkdocs.yml").read_bytes()
    code, _, err = run(capsys, "--root", str(project), "new-page", "faq", "--title", "fr=FAQ", "--title", "en=FAQ")
    assert code == 1 and "docs/fr/faq.md: this page exists already: nothing was written" in err
    code, _, err = run(capsys, "--root", str(project), "new-page", "Mes Services", "--title", "fr=x")
    assert code == 1 and "'Mes Services' cannot name a page" in err and "needs a title in EN" in err
    assert {path: path.read_bytes() for path in (project / "docs").rglob("*.md")} == before
    assert (project / "mkdocs.yml").read_bytes() == config


def leaf_fields(schema: Schema, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for name, kind in schema.fields.items():
        found |= leaf_fields(kind, f"{prefix}{name}.") if isinstance(kind, Schema) else {prefix + name}
    return found


FILLED = {"title": '"Lyon 2026"', "description": '"A booklet."', "territory": "Lyon", "partners": '["PLACE Network"]',
          "themes": '["Welcome"]', "summary": '"Short."', "sources": "[https://place.network]", "pdf": "false",
          "start": "2026", "end": "2026", "newcomers": "10", "local_actors": "10",
          "kind": "summary", "programme": "true"}


def fill(line: str) -> str:
    """A line marked TO FILL, filled in (keeping its indentation)."""
    name = line.strip().split(":")[0]
    return f"{line[:len(line) - len(line.lstrip())]}{name}: {FILLED[name]}" if TO_FILL in line else line


@pytest.mark.build
def test_new_booklet_fails_only_on_the_fields_left_to_fill(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = (project / "mkdocs.yml").read_text("utf-8")
    code, out, _ = run(capsys, "--root", str(project), "new-booklet", "lyon-2026")
    assert code == 0 and "Created: docs/en/booklets/lyon-2026.md" in out
    after = (project / "mkdocs.yml").read_text("utf-8")
    assert added_lines(config, after) == ["      - booklets/lyon-2026.md"]
    assert after.index("booklets/clermont-ferrand-2025.md") < after.index("booklets/lyon-2026.md") < \
        after.index("  - about.md")

    result = pipeline.build(project, project / "site")
    assert not result.ok and "mkdocs build" not in result.timings  # stopped at the source checks
    assert {p.path for p in result.problems} == {"docs/fr/booklets/lyon-2026.md", "docs/en/booklets/lyon-2026.md"}
    for problem in result.problems:
        line = (project / problem.path).read_text("utf-8").splitlines()[(problem.line or 0) - 1]
        assert TO_FILL in line, (problem, line)
    named = {re.sub(r".*the field '([^']+)'.*", r"\1", p.message) for p in result.problems if "is empty" in p.message}
    assert named == leaf_fields(SCHEMA)

    for lang in ("fr", "en"):
        page = project / f"docs/{lang}/booklets/lyon-2026.md"
        page.write_text("\n".join(fill(line) for line in page.read_text("utf-8").splitlines()) + "\n", "utf-8")
    result = pipeline.build(project, project / "site")
    assert result.ok, format_text(result.problems)
    assert "/en/booklets/lyon-2026/" in read_built_site(project / "site")

    code, _, err = run(capsys, "--root", str(project), "new-booklet", "lyon-2026")
    assert code == 1 and "this page exists already" in err
