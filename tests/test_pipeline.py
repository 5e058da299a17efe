"""Bad input an editor can produce: each fails the build with the file named, and site/ stays as it was."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts import cli

Edit = Callable[[Path], None]


def replace(path: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(project: Path) -> None:
        file = project / path
        text = file.read_text("utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, count), "utf-8")
    return edit


def append(path: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        with (project / path).open("a", encoding="utf-8") as stream:
            stream.write(text)
    return edit


def both(*edits: Edit) -> Edit:
    def edit(project: Path) -> None:
        for one in edits:
            one(project)
    return edit


def write(path: str, content: bytes) -> Edit:
    def edit(project: Path) -> None:
        (project / path).write_bytes(content)
    return edit


def delete(path: str) -> Edit:
    return lambda project: (project / path).unlink()


NEW_PAGE = b"---\ntitle: New\ndescription: New page\n---\n\n# New\n\nText.\n"

# name -> (edit, file the message must name, words the message must contain)
BAD_INPUTS: dict[str, tuple[Edit, str, str]] = {
    "missing translation": (delete("docs/en/privacy.md"), "docs/fr/privacy.md", "no EN version"),
    "page in one language only": (write("docs/fr/new.md", NEW_PAGE), "docs/fr/new.md", "no EN version"),
    "heading id differs": (replace("docs/en/faq.md", "{#compensation}", "{#pay}"), "docs/en/faq.md", "#pay"),
    "broken internal link": (both(append("docs/fr/about.md", "\n[Voir](nulle-part.md)\n"),
                                  append("docs/en/about.md", "\n[See](nulle-part.md)\n")),
                             "docs/fr/about.md", "nulle-part.md"),
    "broken anchor": (both(append("docs/fr/about.md", "\n[FAQ](faq.md#nulle-part)\n"),
                           append("docs/en/about.md", "\n[FAQ](faq.md#nulle-part)\n")),
                      "docs/fr/about.md", "#nulle-part"),
    "missing image": (both(append("docs/fr/about.md", "\n![Plan](assets/plan.png)\n"),
                           append("docs/en/about.md", "\n![Map](assets/plan.png)\n")),
                      "docs/en/about.md", "assets/plan.png"),
    "link into the other language": (append("docs/fr/about.md", "\n[FAQ](../en/faq.md)\n"),
                                     "docs/fr/about.md", "EN folder"),
    "number in one language only": (replace("docs/en/faq.md", "15", "16"), "docs/en/faq.md", "number 16"),
    "invalid YAML front matter": (replace("docs/fr/about.md", "title:", "title: [oops\nx:"),
                                  "docs/fr/about.md", "not valid YAML"),
    "unterminated front matter": (write("docs/fr/new.md", b"---\ntitle: New\n\n# New\n"),
                                  "docs/fr/new.md", "never closed"),
    "nav entry to a missing page": (replace("mkdocs.yml", "  - about.md\n", "  - about.md\n  - missing.md\n"),
                                    "mkdocs.yml", "missing.md"),
    "broken link in raw HTML": (both(append("docs/fr/about.md", '\n<p><a href="../nulle-part/">x</a></p>\n'),
                                     append("docs/en/about.md", '\n<p><a href="../nulle-part/">x</a></p>\n')),
                                "docs/fr/about.md", "nulle-part"),
    "broken anchor in raw HTML": (both(append("docs/fr/about.md", '\n<p><a href="../faq/#nulle-part">x</a></p>\n'),
                                       append("docs/en/about.md", '\n<p><a href="../faq/#nulle-part">x</a></p>\n')),
                                  "docs/en/about.md", "nulle-part"),
    "search words not a list": (replace("docs/fr/eligibility.md", "keywords: [éligibilité,", "keywords: éligibilité ["),
                                "docs/fr/eligibility.md", "'keywords'"),
    "header language link in the wrong language": (
        replace("overrides/partials/alternate.html", 'lang="{{ alt.lang }}" class', 'lang="fr" class'),
        "docs/fr/faq.md", 'says lang="fr"'),
    "file not UTF-8": (write("docs/fr/about.md", "---\ntitle: À propos\n---\n# À propos\n".encode("latin-1")),
                       "docs/fr/about.md", "not UTF-8"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_fails_names_the_file_and_keeps_the_site(
        name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit, path, words = BAD_INPUTS[name]
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the previous site</p>", "utf-8")
    before = snapshot(site)
    edit(project)

    status = cli.main(["--root", str(project), "build", "--format", "json"])

    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert report["count"] == len(report["problems"]) >= 1
    matching = [p for p in report["problems"] if p["path"].startswith(path) and words in p["message"]]
    assert matching, report["problems"]
    assert snapshot(site) == before
    assert not list(project.glob(".site-*")), "the temporary build folder was left behind"


def test_problem_lines_point_at_the_offending_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace("docs/en/faq.md", "{#compensation}", "{#pay}")(project)
    status = cli.main(["--root", str(project), "check"])
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate((project / "docs/en/faq.md").read_text("utf-8").splitlines(), 1)
                if "{#pay}" in text)
    assert status == 1
    assert f"docs/en/faq.md:{line}: heading id #pay differs from #compensation" in err
    assert re.search(r"^\d+ problems? found\.$", err, flags=re.M)


def test_good_build_replaces_the_site_and_pending_page_is_marked(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs/fr/nouveau.md").write_text(
        "---\ntitle: Nouveau\ndescription: Une page nouvelle\ntranslation: pending\n---\n\n# Nouveau\n\n"
        "Un texte en français.\n", "utf-8")
    replace("mkdocs.yml", "  - about.md\n", "  - about.md\n  - nouveau.md\n")(project)
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", "utf-8")

    status = cli.main(["--root", str(project), "build", "--timings"])

    err = capsys.readouterr().err
    assert status == 0, err
    assert not (site / "stale.html").exists()
    for stage in ("source checks", "mkdocs build", "html checks", "link checks", "swap"):
        assert re.search(rf"^{stage}\s+\d+\.\d\d s$", err, flags=re.M), stage
    english = (site / "en/nouveau/index.html").read_text("utf-8")
    assert '<html lang="en"' in english
    assert "not translated into English yet" in english
    assert '<div lang="fr">' in english and "Un texte en français." in english
    assert "not translated" not in (site / "nouveau/index.html").read_text("utf-8")
