"""Every path that the project's own text names (``scripts/…py``, ``docs/…``, ``tests/…``, ``features/…`` under
scripts/) exists: in tracked text files, in messages shown to editors, and in the tests' docstrings and comments."""
from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "scripts"
# Files that the text shows a command creating (EDITORS.md: `make new-page NAME=local-services`, `make new-booklet
# SLUG=lyon-2026`): examples, not references.
EXAMPLES = {"docs/fr/local-services.md", "docs/en/local-services.md",
            "docs/fr/booklets/lyon-2026.md", "docs/en/booklets/lyon-2026.md",
            "docs/de"}  # a third language's folder (EDITORS.md, "Add a language"; tests/test_third_language.py)


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]


def _roots(files: list[str]) -> tuple[set[str], set[str]]:
    """The project's top-level folders, and the folders of scripts/ that texts name from inside it."""
    return ({name.split("/")[0] for name in files if "/" in name},
            {path.name for path in PACKAGE.iterdir() if path.is_dir() and not path.name.startswith("__")})


def _test_code_text(text: str) -> list[tuple[int, str]]:
    """The docstrings and comments of a test module: its string literals are test data (files it creates)."""
    lines = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = node.body[0] if node.body else None
            if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str):
                lines += [(doc.lineno + n, line) for n, line in enumerate(text.splitlines()[doc.lineno - 1:doc.end_lineno])]
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return lines + [(token.start[0], token.string) for token in tokens if token.type == tokenize.COMMENT]


def _lines(name: str, text: str) -> list[tuple[int, str]]:
    if name.startswith("tests/") and name.endswith(".py"):
        return _test_code_text(text)
    return list(enumerate(text.splitlines(), 1))


def _exists(reference: str, tops: set[str]) -> bool:
    """``reference`` is a file or folder (from the root, or from scripts/ for its own folders), or a name in a
    Python module (``source/config.messages``)."""
    base = ROOT if reference.split("/")[0] in tops else PACKAGE
    module, _, name = reference.rpartition(".")
    source = base / f"{module}.py"
    return (base / reference).exists() or bool(module) and source.is_file() and name in _names(source)


def _names(module: Path) -> set[str]:
    """The names a Python module defines at its top level."""
    tree = ast.parse(module.read_text("utf-8"))
    defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    return defined | {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                      for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                      if isinstance(target, ast.Name)}


def stale_references(files: list[str]) -> tuple[list[str], int]:
    """``path:line: reference`` for each reference to a missing file, and how many references were read."""
    tops, inner = _roots(files)
    folders = "|".join(map(re.escape, sorted(tops | inner)))
    pattern = re.compile(rf"(?<![\w./~-])((?:{folders})/[\w./-]*[\w/])")
    stale, seen = [], 0
    for name in files:
        try:
            text = (ROOT / name).read_text("utf-8")
        except UnicodeDecodeError:
            continue  # pictures and fonts
        for number, line in _lines(name, text):
            for match in pattern.finditer(line):
                reference = match.group(1).rstrip("./")
                seen += 1
                if reference not in EXAMPLES and not _exists(reference, tops):
                    stale.append(f"{name}:{number}: {reference}")
    return stale, seen


def test_every_file_the_project_names_exists() -> None:
    files = tracked_files()
    assert {"README.md", "EDITORS.md", "mkdocs.yml", "scripts/mkdocs_glue/material_fixes.py"} <= set(files)
    stale, seen = stale_references(files)
    assert seen > 100, f"only {seen} references read: the pattern no longer matches the project's paths"
    assert not stale, "references to files that do not exist (name the new place, or remove them):\n" + "\n".join(stale)


def test_the_finder_reads_what_it_should(tmp_path: Path) -> None:
    """The finder sees a stale path in a message, a test's docstring and comment; not in a test's data."""
    code = ('"""About scripts/gone.py."""\nX = "docs/fr/made-by-the-test.md"  # see tests/gone.py\n'
            'def f() -> None:\n    """And features/gone/."""\n')
    found = [line for _, line in _test_code_text(code)]
    assert any("scripts/gone.py" in line for line in found) and any("features/gone/" in line for line in found)
    assert any("tests/gone.py" in line for line in found)
    assert not any("made-by-the-test" in line for line in found)
    tops, _ = _roots(tracked_files())
    assert not _exists("scripts/material_fixes.py", tops) and _exists("mkdocs_glue/material_fixes.py", tops)
    assert _exists("source/config.messages", tops) and not _exists("source/config.gone", tops)
