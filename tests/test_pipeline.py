"""Bad input an editor can produce: each fails the build with the file named, and site/ stays as it was."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts import cli

from .conftest import PUBLIC_ADDRESS

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


def copy(source: str, target: str) -> Edit:
    def edit(project: Path) -> None:
        (project / target).write_bytes((project / source).read_bytes())
    return edit


def delete(path: str) -> Edit:
    return lambda project: (project / path).unlink()


def symlink(path: str, target: str) -> Edit:
    return lambda project: (project / path).symlink_to(target)


def in_both(text: str) -> Edit:
    return both(append("docs/fr/about.md", text), append("docs/en/about.md", text))


def front_matter(line: str) -> Edit:
    return replace("docs/fr/about.md", "---\n", "---\n" + line + "\n")


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
        replace("overrides/partials/alternate.html", 'lang="{{ alt.lang | e }}" class', 'lang="fr" class'),
        "docs/fr/faq.md", 'says lang="fr"'),
    "file not UTF-8": (write("docs/fr/about.md", "---\ntitle: À propos\n---\n# À propos\n".encode("latin-1")),
                       "docs/fr/about.md", "not UTF-8"),
    "a pasted <script>": (append("docs/fr/about.md", "\n<script>alert('x')</script>\n"), "docs/fr/about.md",
                          "<script> element"),
    "an onerror= attribute": (append("docs/en/about.md", '\n<img src="../assets/images/logo.svg" alt="" onerror="x()">\n'),
                              "docs/en/about.md", "onerror="),
    "a javascript: link": (append("docs/fr/about.md", "\n[Cliquez](javascript:alert(1))\n"), "docs/fr/about.md",
                           "javascript:"),
    "an image from another host": (append("docs/en/about.md", "\n![Map](https://maps.example.org/lyon.png)\n"),
                                   "docs/en/about.md", "loaded from another host"),
    "an iframe": (append("docs/fr/faq.md", '\n<iframe src="https://video.example.org/x"></iframe>\n'),
                  "docs/fr/faq.md", "<iframe> element"),
    "an English page in docs/fr": (copy("docs/en/privacy.md", "docs/fr/privacy.md"), "docs/fr/privacy.md",
                                   "written in English"),
    # Issue 19: what the Markdown patterns miss is refused on the published page, on its Markdown line.
    "an onerror= after backticks in raw HTML": (in_both('\n<p title="`"><img src=x onerror=alert(1)>`</p>\n'),
                                               "docs/fr/about.md", "onerror= would run a script"),
    "an entity-encoded javascript: link": (in_both('\n<a href="&#x6A;avascript&colon;alert(1)">Lien</a>\n'),
                                           "docs/fr/about.md", "uses 'javascript:'"),
    "an onclick= set by attr_list": (in_both('\nTexte.\n{: onclick="alert(1)" }\n'), "docs/fr/about.md",
                                     "onclick= would run a script"),
    "a right-to-left override in a link text": (in_both("\n[FAQ \u202e fdp.exe](faq.md)\n"), "docs/fr/about.md",
                                                "U+202E"),
    "an SVG with a script": (write("docs/assets/images/x.svg", b'<svg xmlns="http://www.w3.org/2000/svg">'
                                   b"<script>alert(1)</script></svg>"), "docs/assets/images/x.svg", "<script>"),
    "a description that ends its attribute": (front_matter("description: '\" http-equiv=\"refresh'"),
                                              "docs/fr/about.md", "read as HTML"),
    "an alias bomb in front matter": (front_matter("a: &a [x, x]\nb: [*a, *a]"), "docs/fr/about.md", "YAML anchor"),
    "a title written twice": (front_matter("title: Premier"), "docs/fr/about.md", "written twice"),
    "a symlink under docs/": (symlink("docs/assets/passwd.txt", "/etc/passwd"), "docs/assets/passwd.txt", "symlink"),
    "an HTML file under docs/": (write("docs/fr/page.html", b"<script>alert(1)</script>"), "docs/fr/page.html",
                                 "not published"),
    "a script added to extra_javascript": (replace("mkdocs.yml", "  - assets/javascripts/reader-tools.js\n",
                                                   "  - assets/javascripts/reader-tools.js\n  - https://e.example/x.js\n"),
                                           "mkdocs.yml", "'extra_javascript'"),
    "an inline script in a template": (append("overrides/main.html", "\n{% block extrahead %}<script>window.x = 1</script>"
                                              "{% endblock %}\n"), "overrides/main.html", "inline <script>"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


# Found only in the built HTML: these run MkDocs (and the PDFs) before they fail.
FOUND_AFTER_MKDOCS = {"broken link in raw HTML", "broken anchor in raw HTML", "header language link in the wrong language",
                      "an inline script in a template"}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.build) if name in FOUND_AFTER_MKDOCS else name
                                  for name in BAD_INPUTS])
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


@pytest.mark.build
def test_good_build_replaces_the_site_and_pending_page_is_marked(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs/fr/nouveau.md").write_text(
        "---\ntitle: Nouveau\ndescription: Une page nouvelle\ntranslation: pending\n---\n\n# Nouveau\n\n"
        "Un texte en français.\n\n" + " ".join(["mot"] * 30) + ".\n", "utf-8")
    replace("mkdocs.yml", "  - about.md\n", "  - about.md\n  - nouveau.md\n")(project)
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", "utf-8")

    status = cli.main(["--root", str(project), "build", "--timings"])

    err = capsys.readouterr().err
    assert status == 0, err
    assert not (site / "stale.html").exists()
    for stage in ("source checks", "mkdocs build", "html checks", "link checks", "swap", "readability"):
        assert re.search(rf"^{stage}\s+\d+\.\d\d s$", err, flags=re.M), stage
    # Readability only warns: a 30-word sentence is named with its line, and the build still succeeds.
    assert "Warning: docs/fr/nouveau.md:11: a sentence of 30 words (more than 25)" in err
    assert re.search(r"^Warning: docs/fr: readability: \d+ pages, ", err, flags=re.M)
    english = (site / "en/nouveau/index.html").read_text("utf-8")
    assert '<html lang="en"' in english
    assert "not translated into English yet" in english
    assert '<div lang="fr">' in english and "Un texte en français." in english
    assert "not translated" not in (site / "nouveau/index.html").read_text("utf-8")


def _start_build(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(project), "build", "--no-linkcheck"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-build-", ".site-old-")))


@pytest.mark.build
def test_a_build_killed_half_way_leaves_the_site_and_the_next_build_cleans_up(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the previous site</p>", "utf-8")
    build = _start_build(project)
    deadline = time.monotonic() + 600  # a guard against hanging, not a timing test: a loaded machine is slow
    while not any((p / "assets").is_dir() for p in project.glob(".site-build-*")):  # MkDocs is writing
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.02)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert _leftovers(project), "the killed build left its temporary folder (what the next build must remove)"
    assert (site / "index.html").read_text("utf-8") == "<p>the previous site</p>"

    assert cli.main(["--root", str(project), "build", "--no-linkcheck"]) == 0
    assert _leftovers(project) == []
    assert (site / "en" / "faq" / "index.html").is_file()


@pytest.mark.build
def test_two_builds_at_once_end_cleanly_with_a_complete_site(project: Path) -> None:
    builds = [_start_build(project), _start_build(project)]
    outputs = [build.communicate(timeout=300)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert _leftovers(project) == []
    assert (project / "site" / "en" / "faq" / "index.html").is_file()
    assert (project / "site" / "booklets" / "index.html").is_file()


def test_a_site_published_under_a_path_builds_with_its_links_checked(published_site: Path) -> None:
    """GitHub Pages serves a project's site under /<repository>/: the language menu and links still check (the
    fixture's build, link checks included, succeeded)."""
    faq = (published_site / "en" / "faq" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{PUBLIC_ADDRESS}en/faq/">' in faq
