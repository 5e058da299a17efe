"""The rules of the code's layout, checked on the source (``ast``), so that they stay true:

- imports between the stage folders of ``scripts/`` follow an explicit list of allowed pairs;
- no module of ``scripts/`` is over 300 lines;
- no module imports another module's private name (``_name``), in ``scripts/`` and ``tests/``.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .conftest import ROOT

PACKAGE = "scripts"
MAX_LINES = 300

# Who may import whom, by part of scripts/: a folder (source, features, mkdocs_glue, built, dev) or a top-level
# module (problems, pipeline, cli, __main__). The data flows source → features → mkdocs_glue →
# built → dev (scripts/__init__.py); an import points back along it. A pair not listed here fails the test:
# add it only if the new import really belongs there, and say why beside it.
ALLOWED: dict[str, set[str]] = {
    "problems": set(),
    "source": {"problems"},
    "features": {"source", "problems",
                 "built"},  # insert_after_title, HtmlPage, resolve (review 2026-12 §1: to move to features/)
    "mkdocs_glue": {"source", "features", "problems",
                    "built"},  # languages.py runs MkDocs in processes of its own (built/run_mkdocs.py)
    "built": {"source", "problems"},
    "pipeline": {"source", "features", "built", "problems",
                 "mkdocs_glue"},  # the build's entry point runs MkDocs, one language per process (languages.build)
    "dev": {"pipeline", "built", "mkdocs_glue"},
    "cli": {"source", "features", "pipeline", "dev", "problems",
            "mkdocs_glue"},  # the commands' entry point: make serve (serve, live_check's quiet logs)
    "__main__": {"cli"},
}
# Imports only for the type checker (under ``if TYPE_CHECKING:``), which may point the other way: none today.
TYPE_ONLY: dict[str, set[str]] = {}
# Between feature folders: who may import whom inside features/. Every feature may import features/feature.py (what a
# feature is, and what its hooks are given); features/registry.py imports every feature (the one table of them).
SHARED, REGISTRY = "feature", "registry"
FEATURES_ALLOWED: dict[str, set[str]] = {
    "shared_texts": {"programme"},  # a shared text is Markdown made HTML as the programme's data is (markdown_html)
    "page_foot": {"i18n_status"},   # the page's dates come from the translation status
    "booklets": {"page_foot"},      # a booklet's cover gives its page's date, in the page foot's words
    "review": {"i18n_status"},      # the reviewers' views of the translation status
    "poster": {"booklets"},         # the poster is printed with the booklets' PDF stack (render_pdf, machine_check)
    # the ZIM packs the booklet texts, the posters' descriptions, the search words and the site logo
    "zim": {"booklets", "poster", "search_words", "share_image"},
}


@dataclass(frozen=True)
class Import:
    where: str       # path:line
    source: str      # importing module, dotted
    target: str      # imported module (or package), dotted
    names: tuple[str, ...]
    type_only: bool


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _guarded(tree: ast.Module) -> set[int]:
    """The ids of the nodes under ``if TYPE_CHECKING:``."""
    return {id(node) for branch in ast.walk(tree)
            if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
            for statement in branch.body for node in ast.walk(statement)}


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


def imports_of(path: Path) -> list[Import]:
    """Every import in the file at ``path``, relative ones resolved, with whether it is for the type checker only."""
    tree = _tree(path)
    name, guarded = _module_name(path), _guarded(tree)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        where = f"{_shown(path)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [Import(where, name, alias.name, (), id(node) in guarded) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found.append(Import(where, name, target, tuple(alias.name for alias in node.names), id(node) in guarded))
    return found


def part(module: str) -> str:
    """The stage folder or top-level module of scripts/ that holds ``module``."""
    return module.split(".")[1] if "." in module else module


def feature(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "features" else None


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@cache
def _package_imports() -> list[Import]:
    return [found for path in _sources(PACKAGE) for found in imports_of(path)
            if found.target.split(".")[0] == PACKAGE and found.target != PACKAGE]


def test_the_import_reader_resolves_relative_and_type_only_imports() -> None:
    found = {(i.target, i.names, i.type_only) for i in imports_of(ROOT / PACKAGE / "features" / "registry.py")}
    assert ("scripts.source.model", ("Check", "Site"), False) in found, found  # from ..source.model
    assert "scripts.source.model" in {i.target for i in imports_of(ROOT / PACKAGE / "pipeline.py")}  # from .source.model
    shared = {i.target for i in imports_of(ROOT / PACKAGE / "features" / "poster" / "publish.py")}
    assert "scripts.features.booklets.pdf" in shared, shared  # from ..booklets.pdf
    assert part("scripts.features.booklets.model") == "features" and part("scripts.cli") == "cli"
    assert feature("scripts.features.booklets.model") == "booklets" and feature("scripts.source.model") is None


def test_imports_between_stage_folders_follow_the_allowed_pairs() -> None:
    wrong = []
    for found in _package_imports():
        source, target = part(found.source), part(found.target)
        allowed = ALLOWED.get(source, set()) | (TYPE_ONLY.get(source, set()) if found.type_only else set())
        if source != target and target not in allowed:
            wrong.append(f"{found.where}: {source} imports {target} ({found.target})")
    assert not wrong, "imports against the order of tests/test_architecture.py ALLOWED:\n" + "\n".join(wrong)


def test_imports_between_feature_folders_follow_the_allowed_pairs() -> None:
    wrong = []
    for found in _package_imports():
        source, target = feature(found.source), feature(found.target)
        if source in (None, REGISTRY) or target in (None, SHARED, source):
            continue
        if target not in FEATURES_ALLOWED.get(source, set()):
            wrong.append(f"{found.where}: features/{source} imports features/{target}")
    assert not wrong, "imports against FEATURES_ALLOWED in tests/test_architecture.py:\n" + "\n".join(wrong)


def test_every_part_of_the_package_is_in_the_allowed_pairs() -> None:
    """A new folder or top-level module gets its own line in ALLOWED (what it may import), decided on purpose."""
    parts = {part(_module_name(path)) for path in _sources(PACKAGE)} - {PACKAGE}
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))


def test_no_module_is_over_300_lines() -> None:
    long = {_shown(path): lines for path in _sources(PACKAGE)
            if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules by concern (at most {MAX_LINES} lines): {long}"


def _private_uses(path: Path) -> list[str]:
    """``from x import _y``, and ``x._y`` where ``x`` is a module this file imported."""
    tree = _tree(path)
    where = _shown(path)
    modules: set[str] = set()
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            uses += [f"{where}:{node.lineno}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
            if (node.module or "").startswith(PACKAGE) or node.level:  # from a package import its modules
                modules |= {alias.asname or alias.name for alias in node.names}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            uses.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
    return uses


def test_no_private_name_is_imported_across_modules(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from scripts.cli import _x\nfrom scripts import pipeline\nimport os\n"
                      "pipeline._swap()\nos.__name__\n", "utf-8")
    found = _private_uses(sample)
    assert [use.split(": ")[1] for use in found] == ["_x", "pipeline._swap"], found  # the reader finds both kinds

    uses = [use for folder in (PACKAGE, "tests") for path in _sources(folder) for use in _private_uses(path)]
    assert not uses, "private names used from another module (make them public or move the code):\n" + "\n".join(uses)
