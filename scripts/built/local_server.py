"""A folder served on 127.0.0.1 on a free port, quietly, for as long as a block runs."""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that logs nothing."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class _QuietServer(ThreadingHTTPServer):
    """Clients that close a connection early (linkchecker does) are not an error worth printing."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextmanager
def serve(folder: Path, handler_class: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL.

    ``handler_class`` answers the requests (``dev.host.host_handler`` behaves like a static host)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


