"""The feature registry (features/registry.py) and the one load of the model: every feature in the table, every text
checked with its line, and a build that reads each source once (MkDocs aside) and the git history once."""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from scripts import pipeline
from scripts.features.registry import FEATURES, check_sources, load, texts_valid
from scripts.problems import format_text
from scripts.source.config import language_options
from scripts.source.fields import Schema

from ..conftest import ROOT
from .test_i18n_status import start_repo

# Feature folders that are not part of a build's table, and why.
NOT_IN_TABLE = {
    "review": "the views for reviewers (pull-request comment, step summary), not part of a build",
    "share_image": "drawn from each page's <head> data (mkdocs_glue/hooks.py on_page_context, with seo)",
}


def test_every_feature_folder_is_in_the_table() -> None:
    folders = {path.name for path in (ROOT / "scripts" / "features").iterdir() if (path / "__init__.py").is_file()}
    table = (ROOT / "scripts" / "features" / "registry.py").read_text("utf-8")
    missing = {folder for folder in folders - set(NOT_IN_TABLE) if f"from .{folder} import" not in table}
    assert not missing, f"add each feature to FEATURES in scripts/features/registry.py (or to NOT_IN_TABLE): {missing}"
    assert len({feature.name for feature in FEATURES}) == len(FEATURES)


def _keys(texts: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every declared text, as its path under extra.messages."""
    found = []
    for key, kind in texts.items():
        found += _keys(kind.fields, (*prefix, key)) if isinstance(kind, Schema) else [(*prefix, key)]
    return found


def _messages(site: Any, lang: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in language_options(site.config) if item["locale"] == lang)["extra"]
    return found["messages"]  # type: ignore[no-any-return]


def test_every_text_of_every_feature_is_checked_with_its_line() -> None:
    declared = [(feature.name, key) for feature in FEATURES for key in _keys(feature.texts)]
    assert len(declared) > 100, declared  # the reader texts of mkdocs.yml, declared by their features
    site = load(ROOT)
    for name, key in declared:
        for lang in ("fr", "en"):
            block = _messages(site, lang)
            for part in key[:-1]:
                block = block[part]
            kept = block.pop(key[-1])
            site.loaded.clear()  # read the texts again, without this one
            problems = list(texts_valid(site))
            block[key[-1]] = kept
            assert len(problems) == 1, (name, key, lang, format_text(problems))
            assert problems[0].path == "mkdocs.yml" and problems[0].line, problems[0]
            assert f"'{'.'.join(key)}'" in problems[0].message and f"'{lang}'" in problems[0].message, problems[0]


def test_a_text_no_feature_reads_is_a_problem_on_its_line(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("              question_list:", "              question_lists: x\n"
                                                                             "              question_list:", 1)
    config.write_text(text, "utf-8")
    problems = [p for p in check_sources(load(project)) if "question_lists" in p.message]
    assert len(problems) == 1 and "used nowhere" in problems[0].message
    assert text.splitlines()[problems[0].line - 1].strip() == "question_lists: x"  # type: ignore[operator]


_LOG: list[int] = []  # the file the audit hook writes to while a build is counted (every process of it)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _LOG:
        return
    if event == "open" and isinstance(args[0], (str, os.PathLike)) and os.fspath(args[0]).endswith(".md"):
        os.write(_LOG[0], f"open {os.fspath(args[0])}\n".encode())
    elif event == "subprocess.Popen" and args[1] and os.path.basename(str(args[1][0])) == "git" and "log" in args[1]:
        os.write(_LOG[0], b"git log\n")


@pytest.mark.build
def test_a_build_reads_each_source_once_and_the_history_once(project: Path, tmp_path: Path) -> None:
    """The pipeline loads the model once; MkDocs' hooks, in the language processes, take it (mkdocs_glue/state.py)."""
    start_repo(project)  # a history to read
    sys.addaudithook(_audit)
    log = tmp_path / "reads.log"
    _LOG.append(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND))
    try:
        result = pipeline.build(project, project / "site", check_links=False)
    finally:
        os.close(_LOG.pop())
    assert result.ok, format_text(result.problems)
    lines = log.read_text("utf-8").splitlines()
    opens = Counter(line for line in lines if line.startswith("open ") and "/docs/" in line)
    sources = {str(path) for path in (project / "docs").rglob("*.md")}
    assert {line.removeprefix("open ") for line in opens} == sources
    assert set(opens.values()) == {2}, opens  # once by the load, once by MkDocs
    assert lines.count("git log") == 1


def test_the_legal_links_are_checked_on_their_lines(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("link: privacy/", "link: javascript:alert(1)", 1)
    text = text.replace("- title: Données personnelles", "- titel: Données personnelles", 1)
    config.write_text(text, "utf-8")
    lines = text.splitlines()
    problems = [p for p in check_sources(load(project)) if "legal link" in p.message]
    assert [(lines[(p.line or 0) - 1].strip(), p.message.split(", not")[0]) for p in problems] == [
        ("- titel: Données personnelles", "legal link 2 has no 'title' field"),
        ("link: javascript:alert(1)", "the field 'link' of legal link 2 must be a page's address from the site root, "
                                      "ending in / (e.g. privacy/ or en/privacy/), or an address starting with https://"),
        ("- titel: Données personnelles", "legal link 2 has an unknown field 'titel'")], format_text(problems)
