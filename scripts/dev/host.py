"""The built site served on 127.0.0.1 the way its static host serves it (for the browser tests and the weight).

Like Netlify or Cloudflare Pages: the headers of ``_headers`` on every response, text compressed with
gzip, and ``404.html`` (status 404) for every missing path. The server itself is ``built.local_server``.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from ..built.local_server import QuietHandler, serve
from ..mkdocs_glue import headers

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class HostHandler(QuietHandler):
    """Answers as a static host: ``rules`` from ``_headers``, gzip, the site's 404 page."""

    rules: list[headers.Rule] = []

    def end_headers(self) -> None:
        for name, value in headers.headers_for(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        not_found = Path(self.directory) / "404.html"
        if path.is_file():
            self._send(path, HTTPStatus.OK)
        elif not path.exists() and not_found.is_file():
            self._send(not_found, HTTPStatus.NOT_FOUND)
        else:
            super().do_GET()  # e.g. a folder without its trailing slash: redirected

    def _send(self, path: Path, status: HTTPStatus) -> None:
        body, kind = path.read_bytes(), self.guess_type(str(path))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def host_handler(out: Path) -> type[HostHandler]:
    """A handler class for the site in ``out``, with the rules of its ``_headers`` file (if any)."""
    rules_file = out / headers.FILE_NAME

    class SiteHostHandler(HostHandler):
        rules = headers.parse_rules(rules_file.read_text("utf-8")) if rules_file.is_file() else []

    return SiteHostHandler


@contextmanager
def serve_like_host(out: Path) -> Iterator[str]:
    """Serve the built site ``out`` as its host would; yields the base URL."""
    with serve(out, host_handler(out)) as base:
        yield base
