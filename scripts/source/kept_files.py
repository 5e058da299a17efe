"""Files a build keeps for the next one (under .cache): written whole or not at all, and checked when read back."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` through a temporary file beside it: a reader never sees half of it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def write_checked(path: Path, data: bytes) -> None:
    """Keep ``data`` with its SHA-256 beside it (``<name>.sha256``), for ``read_checked``."""
    write_atomic(path, data)
    write_atomic(path.with_name(path.name + ".sha256"), hashlib.sha256(data).hexdigest().encode())


def read_checked(path: Path) -> bytes | None:
    """The bytes kept by ``write_checked``, or None when missing or damaged (cut short, changed): the caller
    makes the file again."""
    try:
        data, expected = path.read_bytes(), path.with_name(path.name + ".sha256").read_text("ascii").strip()
    except (OSError, ValueError):
        return None
    return data if hashlib.sha256(data).hexdigest() == expected else None
