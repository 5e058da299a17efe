"""What editors commit besides page text: front matter (plain YAML only), files under docs/, and the settings
of mkdocs.yml that carry code. Each is refused with its file and line, fast, whatever its size."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.source.files import published_files
from scripts.source.maintained import fixed_settings
from scripts.source.parse import load_site

BOMB = "\n".join(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]"
                 for prev, name in zip(["", *"abcdefgh"], "abcdefghi"))
# name -> (lines put at the top of the front matter of docs/fr/about.md, words of the problem, line offset)
FRONT_MATTER: dict[str, tuple[str, str]] = {
    "alias bomb": (BOMB, "YAML anchor"),
    "anchor and alias": ("x: &a hello\ny: *a", "YAML anchor"),
    "python tag": ("x: !!python/object/apply:os.system ['id']", "YAML tag"),
    "plain tag": ("x: !!str hello", "YAML tag"),
    "local tag": ("x: !thing hello", "YAML tag"),
    "quote that ends an attribute": ("description: '\" http-equiv=\"refresh\" content=\"0;url=https://e.example/'",
                                     "read as HTML"),
    "tag in a title": ("title: '<script src=https://e.example/x.js></script>'", "read as HTML"),
    "entity in a title": ("title: '&lt;/title&gt;&lt;script&gt;'", "read as HTML"),
    "numeric entity": ("title: 'a &#34; b'", "read as HTML"),
    "right-to-left override": ("title: \"photo\u202egpj.exe\"", "U+202E"),
    "isolate": ("title: \"a\u2066b\u2069\"", "U+2066"),
    "key written twice": ("title: First", "written twice"),
    "too long": ("x: '" + "a" * 40_000 + "'", "longer than"),
    "too deep": ("x: " + "[" * 50 + "]" * 50, "nests more than"),
}


def _front_matter(project: Path, lines: str) -> list[str]:
    page = project / "docs/fr/about.md"
    page.write_text(page.read_text("utf-8").replace("---\n", "---\n" + lines + "\n", 1), "utf-8")
    return [str(problem) for problem in load_site(project).problems]


@pytest.mark.parametrize("name", list(FRONT_MATTER))
def test_front_matter_that_is_not_plain_text_is_refused_on_its_line(name: str, project: Path) -> None:
    lines, words = FRONT_MATTER[name]
    problems = _front_matter(project, lines)
    assert any(problem.startswith("docs/fr/about.md:") and words in problem for problem in problems), problems


def test_plain_front_matter_with_ampersand_and_typographic_quotes_passes(project: Path) -> None:
    assert _front_matter(project, "x: « Lyon & Clermont » et “Est Ensemble”") == []


def test_an_alias_bomb_is_refused_in_little_time_and_memory(project: Path) -> None:
    """The whole source reading of a page with a billion-laughs front matter, under 2 GB of address space."""
    page = project / "docs/fr/about.md"
    page.write_text(page.read_text("utf-8").replace("---\n", "---\n" + BOMB + "\n", 1), "utf-8")
    code = ("import sys; from pathlib import Path; from scripts.source.parse import load_site; "
            "print(len(load_site(Path(sys.argv[1])).problems))")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2_000_000 * 1024, 2_000_000 * 1024))

    done = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, timeout=60,
                          preexec_fn=limit, cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 1


FILES: dict[str, tuple[str, bytes]] = {
    "html page": ("docs/fr/evil.html", b"<script>alert(1)</script>"),
    "script outside the scripts folder": ("docs/assets/evil.js", b"alert(1)"),
    "python file": ("docs/assets/x.py", b"print(1)"),
    "xml file": ("docs/assets/x.xml", b"<x/>"),
    "host headers": ("docs/_headers", b"/*\n  X: y\n"),
    "stylesheet outside the styles folder": ("docs/fr/x.css", b"p{}"),
}


@pytest.mark.parametrize("name", list(FILES))
def test_only_pages_pictures_and_documents_are_published(name: str, project: Path) -> None:
    path, data = FILES[name]
    (project / path).write_bytes(data)
    problems = list(published_files(load_site(project)))
    assert [problem.path for problem in problems] == [path]
    assert "not published" in problems[0].message


@pytest.mark.parametrize("target", ["/etc/passwd", ".git", "../../mkdocs.yml"])
def test_symlinks_under_docs_are_refused(target: str, project: Path) -> None:
    os.symlink(target, project / "docs/assets/link")
    problems = list(published_files(load_site(project)))
    assert [problem.path for problem in problems] == ["docs/assets/link"]
    assert "symlink" in problems[0].message


SETTINGS: dict[str, tuple[str, str, str]] = {
    "extra_javascript": ("  - assets/javascripts/reader-tools.js\n",
                         "  - assets/javascripts/reader-tools.js\n  - https://e.example/x.js\n", "'extra_javascript'"),
    "hooks": ("  - scripts/mkdocs_glue/hooks.py\n", "  - scripts/mkdocs_glue/hooks.py\n  - docs/h.py\n", "'hooks'"),
    "extra_css": ("\nextra:\n", "\nextra_css:\n  - x.css\nextra:\n", "'extra_css'"),  # in the <head>: none
    "extra.stylesheets": ("    - assets/stylesheets/site.css\n",
                          "    - assets/stylesheets/site.css\n    - https://e.example/x.css\n", "'extra.stylesheets'"),
    "custom_dir": ("custom_dir: overrides", "custom_dir: docs/assets", "'theme.custom_dir'"),
    "docs_dir": ("docs_dir: docs", "docs_dir: .", "'docs_dir'"),
    "markdown extension": ("  - attr_list\n", "  - attr_list\n  - pymdownx.snippets\n", "'markdown_extensions'"),
    "plugin": ("plugins:\n", "plugins:\n  - macros\n", "'plugins'"),
    "python name": ("emoji_generator: !!python/name:material.extensions.emoji.to_svg",
                    "emoji_generator: !!python/name:os.system", "names Python code"),
    "inherit": ("site_name: Resilient Cities\n", "INHERIT: other.yml\nsite_name: Resilient Cities\n", "'INHERIT'"),
}


@pytest.mark.parametrize("name", list(SETTINGS))
def test_settings_that_carry_code_need_a_maintainer(name: str, project: Path) -> None:
    old, new, words = SETTINGS[name]
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")
    problems = list(fixed_settings(load_site(project)))
    assert problems and all(problem.path == "mkdocs.yml" and problem.line for problem in problems)
    assert any(words in problem.message and "a maintainer must make this change" in problem.hint
               for problem in problems), problems


def test_the_committed_settings_pass(project: Path) -> None:
    assert list(fixed_settings(load_site(project))) == []
    assert list(published_files(load_site(project))) == []


# name -> (text added to docs/fr/about.md, words): what Python-Markdown would take minutes on, or crash on.
HEAVY = {
    "unclosed links": ("[x](" * 20_000, "more than 100 '['"),
    "brackets": ("[" * 5_000 + "]" * 5_000, "more than 100 '['"),
    "autolinks": ("<http://a" * 5_000, "more than 400 '<'"),
    "nested blocks of HTML": ("<div markdown>\n" * 3_000 + "x\n" + "</div>\n" * 3_000, "nested more than"),
    "nested quotes": (">" * 3_000 + " x", "nested more than"),
    "nested lists": ("".join("  " * level + "- x\n" for level in range(200)), "nested more than"),
    "huge page": ("Du texte en français. " * 20_000, "more than 200 KB"),
}


@pytest.mark.parametrize("name", list(HEAVY))
def test_pages_markdown_would_take_minutes_on_are_refused_first(name: str, project: Path) -> None:
    text, words = HEAVY[name]
    with (project / "docs/fr/about.md").open("a", encoding="utf-8") as stream:
        stream.write("\n" + text + "\n")
    problems = load_site(project).problems
    assert [problem.path for problem in problems] == ["docs/fr/about.md"]
    assert words in problems[0].message


def test_code_and_settings_are_under_maintainer_review() -> None:
    """.github/CODEOWNERS names an owner for every folder and file that runs code."""
    lines = (Path(__file__).resolve().parents[2] / ".github/CODEOWNERS").read_text("utf-8").splitlines()
    owned = {line.split()[0]: line.split()[1:] for line in lines if line.strip() and not line.startswith("#")}
    for path in ("/mkdocs.yml", "/overrides/", "/scripts/", "/setup/", "/.github/"):
        assert owned.get(path) == ["@place-network/maintainers"], path
