"""The service worker's build data: a build stage after the booklet PDFs (every file is final then).

It publishes docs' ``service-worker.js`` at the site root as ``sw.js``, after a first line
``const BUILD = {...}``: the version (a hash of the files below and of the worker), each language's
folder and offline page, what to keep per language (its main pages and what they load, its search
index, and every language's offline page: small, and right for any address), and a revision of each
page and file a reader may keep (every page, what the pages load, their PDF and calendar downloads,
the search indexes and workers).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ...built.html_model import HtmlPage, resolve
from ...problems import Problem
from ...source.locales import search_files
from ...source.model import Site
from ..feature import StageRun
from .model import MAIN_PAGES, WORKER, WORKER_SOURCE, language_folder, offline_page_path

DOWNLOADS = (".pdf", ".ics")          # files the pages link to that a reader may download, then open offline
SEARCH_INDEX = "search/search_index.json"  # in each language's folder (scripts/mkdocs_glue/search_index.py)
WORKERS = "assets/javascripts/workers"     # the search's scripts


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def _file(out: Path, path: str) -> Path:
    """The built file behind a path from the site root ("faq/" is faq/index.html)."""
    return out / path / "index.html" if path == "" or path.endswith("/") else out / path


def _loads(page: HtmlPage) -> set[str]:
    """What a page loads and the files it offers to download, as paths from the site root."""
    links = [href for href in page.anchors if href.split("?")[0].split("#")[0].endswith(DOWNLOADS)]
    return {resolve(page.url, href).lstrip("/") for href in [*page.resources, *links] if "://" not in href}


def _search_engine(out: Path, lang: str) -> set[str]:
    """What searching in ``lang`` loads besides the index: the search workers and lunr's files for that
    language (source/locales.py), kept with the main pages so that search works offline."""
    return {p.relative_to(out).as_posix() for p in (out / WORKERS).glob("*.js")} | search_files(lang, out)


def worker_data(site: Site, out: Path, pages: dict[str, HtmlPage], worker: str) -> dict[str, Any]:
    """The BUILD object of the worker for the site built in ``out`` (``pages``: its HTML, read once)."""
    sources = set(site.source_map())
    offline = {lang: offline_page_path(site, lang) for lang in site.languages}
    kept = {url for url in pages if url in sources or url.lstrip("/") in offline.values()}
    wanted = {url.lstrip("/") for url in kept} | {path for url in kept for path in _loads(pages[url])}
    wanted |= {language_folder(site, lang) + SEARCH_INDEX for lang in site.languages}
    wanted |= {p.relative_to(out).as_posix() for p in (out / WORKERS).glob("*.js")}
    wanted |= {path for lang in site.languages for path in _search_engine(out, lang)}
    files = {path: _revision(_file(out, path)) for path in sorted(wanted) if _file(out, path).is_file()}
    precache = {}
    for lang in site.languages:
        main = [site.page_url(lang, rel) for rel in MAIN_PAGES] + ["/" + path for path in offline.values()]
        paths = {url.lstrip("/") for url in main} | {p for url in main if url in pages for p in _loads(pages[url])}
        paths |= {language_folder(site, lang) + SEARCH_INDEX, *_search_engine(out, lang)}
        precache[lang] = sorted(path for path in paths if path in files)
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode() + worker.encode()).hexdigest()[:12]
    return {"version": digest, "languages": {lang: language_folder(site, lang) for lang in site.languages},
            "offline": offline, "precache": precache, "files": files}


def write_worker(site: Site, out: Path, pages: dict[str, HtmlPage]) -> list[Problem]:
    """Publish the worker at the site root with its build data (the copy MkDocs made is removed)."""
    source = out / WORKER_SOURCE
    if not source.is_file():
        return [Problem(site.show(site.docs / WORKER_SOURCE), None, "the service worker was not published",
                        "restore docs/" + WORKER_SOURCE + " from the repository")]
    worker = source.read_text("utf-8")
    data = worker_data(site, out, pages, worker)
    (out / WORKER).write_text(f"const BUILD = {json.dumps(data, separators=(',', ':'))};\n{worker}", "utf-8")
    source.unlink()
    return []


def worker_stage(run: StageRun) -> list[Problem]:
    """The pipeline stage: the worker, once every file is final."""
    return write_worker(run.site, run.out, run.pages())
