"""The built site served on 127.0.0.1 the way its static host serves it (for the browser tests and the weight).

Like Netlify or Cloudflare Pages: the headers of ``_headers`` on every response, text compressed with
gzip, ``404.html`` (status 404) for every missing path, and every file revalidated on each use
(``Cache-Control: max-age=0, must-revalidate``) by its ETag or Last-Modified date: an unchanged file
is answered "304 Not Modified", without its body (Chromium revalidates pages by date, files by ETag).
The server itself is ``built.local_server``.
"""
from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from ..built import policy as headers
from ..built.local_server import QuietHandler, serve

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class HostHandler(QuietHandler):
    """Answers as a static host: ``rules`` from ``_headers``, gzip, the site's 404 page. When ``traffic``
    is a list, each file sent adds (its path, the bytes sent: headers and body) to it (dev/weight.py)."""

    rules: list[headers.Rule] = []
    traffic: list[tuple[str, int]] | None = None

    def end_headers(self) -> None:
        for name, value in headers.headers_for(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        self.header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2  # + blank line
        super().end_headers()

    def _sent(self, body: bytes) -> None:
        self.wfile.write(body)
        if self.traffic is not None:
            self.traffic.append((self.path, self.header_bytes + len(body)))

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
        etag, modified = f'"{hashlib.sha256(body).hexdigest()[:20]}"', int(path.stat().st_mtime)
        validators = {"ETag": etag, "Last-Modified": formatdate(modified, usegmt=True),
                      "Cache-Control": "public, max-age=0, must-revalidate"}
        if status == HTTPStatus.OK and self._unchanged(etag, modified):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            self._sent(b"")
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for name, value in validators.items():
            self.send_header(name, value)
        if kind.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._sent(body)


    def _unchanged(self, etag: str, modified: int) -> bool:
        """The request names the file as the browser has it (by ETag, else by date)."""
        if "If-None-Match" in self.headers:
            return etag in self.headers["If-None-Match"]
        try:
            return parsedate_to_datetime(self.headers["If-Modified-Since"]).timestamp() >= modified
        except (TypeError, ValueError):  # absent or not a date
            return False


def host_handler(out: Path, traffic: list[tuple[str, int]] | None = None) -> type[HostHandler]:
    """A handler class for the site in ``out``, with the rules of its ``_headers`` file (if any)."""
    rules_file = out / headers.FILE_NAME

    class SiteHostHandler(HostHandler):
        rules = headers.parse_rules(rules_file.read_text("utf-8")) if rules_file.is_file() else []

    SiteHostHandler.traffic = traffic
    return SiteHostHandler


@contextmanager
def serve_like_host(out: Path, traffic: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve the built site ``out`` as its host would; yields the base URL. ``traffic``: a list that
    receives (path, bytes sent) for each file sent."""
    with serve(out, host_handler(out, traffic)) as base:
        yield base
