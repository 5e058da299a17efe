"""The languages built at the same time, one MkDocs run each, then joined into the site that one run would write.

One MkDocs run builds the default language, then mkdocs-static-i18n builds each other language from its
``on_post_build`` into the same folder: a later language overwrites the files they share (theme assets,
``404.html``) and writes the sitemap with the pages of every language built so far. Here:

- the default language's run leaves out the other languages' builds, then runs static-i18n's last step (the
  default language's search index at the root);
- each other language's run starts where static-i18n's loop would, into a folder of its own;
- ``join`` moves each other language's files over the first's, in order (the later wins, as in one run), but for
  the root search index (static-i18n's last step), and puts the sitemaps' entries together;
- the security policy is a later stage of the pipeline, once every stage that writes HTML has run.
"""
from __future__ import annotations

import gzip
import importlib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..built import run_mkdocs
from ..problems import Problem
from ..source.config import language_options
from ..source.model import Site
from . import state, templates

SITEMAP = "sitemap.xml"
LAST = "search/search_index.json"  # rewritten by static-i18n's last step, after every language: the first run's
END = "\n</urlset>"
_one_language = False  # True in a run that builds one language only (read by the hooks)


def one_language() -> bool:
    """Whether this process's MkDocs run builds one language only (make serve then checks the sources once)."""
    return _one_language


def build(site: Site, out: Path, meanwhile: Callable[[], None] = lambda: None) -> list[Problem]:
    """Build the site into ``out`` with every language built at the same time (this process does ``meanwhile``);
    MkDocs' problems."""
    built = [item.get("locale") for item in language_options(site.config) if item.get("build", True)]
    others = [lang for lang in site.languages if lang != site.default_language and lang in built]
    folders = [out.with_name(f"{out.name}-{lang}") for lang in others]  # same prefix: a killed build's are removed
    runs: list[tuple[Path, run_mkdocs.Prepare | None]] = [(out, prepare(site.default_language))]
    runs += [(folder, prepare(lang)) for lang, folder in zip(others, folders)]
    try:
        with state.prepared(site):  # the runs take this model: they read no source again
            problems = run_mkdocs.build_in_processes(site, runs, meanwhile)
        if not problems:
            join(out, folders)
        return problems
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def prepare(lang: str | None) -> run_mkdocs.Prepare:
    """Prepare a run of ``lang`` alone (``None``: every language, one after the other, as MkDocs does)."""

    def prepared(config: Any) -> Callable[[], None] | None:
        global _one_language
        _one_language = lang is not None
        templates.theme_compiled_once(config)
        i18n = config.plugins["i18n"]
        if lang is None:
            return None
        i18n.building = True  # static-i18n's mark of a run inside its loop: it builds no other language
        if lang != i18n.default_language:
            i18n.current_language = lang  # where its loop would start this language
            return None
        return lambda: i18n.reconfigure_search_index(config)  # its last step: the root search index
    return prepared


@contextmanager
def in_place(site_dir: Path, lang: str, default: str) -> Iterator[None]:
    """For a run of ``lang`` alone into a folder that holds the whole site (make serve): the other languages'
    files are not removed, and the root search index stays the default language's."""
    utils = importlib.import_module("mkdocs.utils")
    clean, index = getattr(utils, "clean_directory"), site_dir / LAST  # noqa: B009 - patched, as static-i18n does
    kept = index.read_bytes() if lang != default and index.is_file() else None
    setattr(utils, "clean_directory", lambda path: None)  # noqa: B010
    try:
        yield
    finally:
        setattr(utils, "clean_directory", clean)  # noqa: B010
        if kept is not None:
            index.write_bytes(kept)


def join(out: Path, later: list[Path]) -> None:
    """Move the files of each folder of ``later`` into ``out``, over those already there; the sitemaps add up."""
    for folder in later:
        sitemap = _joined_sitemap(out / SITEMAP, folder / SITEMAP)
        (folder / LAST).unlink(missing_ok=True)
        _move_over(folder, out)
        if sitemap is not None:
            _write_sitemap(out / SITEMAP, sitemap)


def _joined_sitemap(first: Path, then: Path) -> str | None:
    """The entries of ``first`` then those of ``then``, in ``then``'s frame, as one run renders them."""
    if not first.is_file() or not then.is_file():
        return None
    head = first.read_text("utf-8")
    tail = then.read_text("utf-8")
    start = tail.index(">", tail.index("<urlset")) + 1
    return head[:head.rindex(END)] + tail[start:]


def _write_sitemap(path: Path, text: str) -> None:
    """The sitemap and its gzip copy, stamped with the time MkDocs gave the copy it replaces."""
    gz = path.with_name(path.name + ".gz")
    mtime = int.from_bytes(gz.read_bytes()[4:8], "little") if gz.is_file() else None
    path.write_text(text, "utf-8")
    with gz.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))


def _move_over(source: Path, dest: Path) -> None:
    """Move every file of ``source`` to the same place in ``dest``, replacing what is there."""
    for folder, dirs, files in os.walk(source):
        here = Path(folder)
        there = dest / here.relative_to(source)
        for name in list(dirs):
            if not (there / name).exists():
                os.rename(here / name, there / name)  # a whole folder only this language has
                dirs.remove(name)
        for name in files:
            os.replace(here / name, there / name)
