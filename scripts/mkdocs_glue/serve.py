"""``make serve``: the engine's live-reload server over a temporary folder, where a save rebuilds only the languages
it changes (a page of ``docs/en/`` rebuilds the English pages; anything else, every language).

A language also uses the other language's page where its own is missing or marked ``translation: pending``: such a
page is rebuilt with its source. The source checks run on every rebuild (hooks.py), over every language.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..built import engine
from ..source.model import Page
from ..source.parse import parse_page
from . import languages

POLLING = 0.05  # seconds between two looks at the files (the engine's default, 0.5 s, is most of a rebuild's wait)


def languages_to_build(docs: Path, langs: list[str], saved: set[Path]) -> list[str]:
    """Of the languages ``langs`` (folders of ``docs``), those a save of the files ``saved`` changes, in their
    order; every one if unsure."""
    wanted: set[str] = set()
    for path in saved:
        lang = next((lang for lang in langs if path.is_relative_to(docs / lang)), None)
        if lang is None or path.suffix != ".md":
            return list(langs)  # the configuration, a template, an asset: every language
        rel = path.relative_to(docs / lang).as_posix()
        wanted |= {lang} | {other for other in langs if _borrows(docs / other / rel)}
    return [lang for lang in langs if lang in wanted]


def _borrows(path: Path) -> bool:
    """Whether the page of a language at ``path`` is shown from another language (missing, or pending)."""
    if not path.is_file():
        return True
    page = Page(lang=path.parent.name, rel=path.name, path=path, display=str(path))
    return not parse_page(page) and page.pending


def serve(root: Path, dev_addr: str) -> None:
    """Serve the project at ``root`` on ``dev_addr`` (IP:PORT) until interrupted, rebuilding on every save."""
    _show_log(engine.load(engine.chosen()))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer
    from watchdog.events import FileSystemEvent, FileSystemEventHandler

    site_dir = tempfile.mkdtemp(prefix="rc-serve-")
    host, _, port = dev_addr.rpartition(":")
    serve_url = f"http://{host}:{port}/"
    saved: set[Path] = set()
    lock = threading.Lock()

    def configured() -> Any:
        config = load_config(str(root / "mkdocs.yml"), site_dir=site_dir, dev_addr=dev_addr, strict=False)
        config.site_url = serve_url
        return config

    def builder(config: Any = None) -> None:
        with lock:
            changed = set(saved)
            saved.clear()
        config = config or configured()
        i18n = config.plugins["i18n"]
        every, default = list(i18n.build_languages), str(i18n.default_language)
        langs = languages_to_build(Path(config.docs_dir), every, changed) if changed else every
        if langs == every:
            run(config, None)
            return
        for lang in langs:
            with languages.in_place(Path(site_dir), lang, default):
                run(config or configured(), lang)
            config = None

    def run(config: Any, lang: str | None) -> None:
        finish = languages.prepare(lang)(config)
        build(config, serve_url=serve_url)
        if finish is not None:
            finish()

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if not event.is_directory:
                with lock:
                    saved.update(Path(str(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p)

    config = configured()
    config.plugins.on_startup(command="serve", dirty=False)
    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=site_dir, polling_interval=POLLING)
    not_found = Path(site_dir) / "404.html"
    server.error_handler = lambda code: not_found.read_bytes() if code == 404 and not_found.is_file() else None
    try:
        builder(config)
        for path in (config.docs_dir, config.config_file_path, *config.watch):
            server.watch(path)
        server.observer.schedule(Saved(), config.docs_dir, recursive=True)
        try:
            start: Callable[[], None] = getattr(server, "serve")  # noqa: B009 - untyped in the engine
            start()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _show_log(name: str) -> None:
    """The engine's messages in the terminal, as its own command line shows them ("Serving on …", warnings)."""
    logger = logging.getLogger(name)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    # mkdocs-static-i18n logs each language's whole configuration on every rebuild: keep its warnings only.
    logging.getLogger(f"{name}.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)
