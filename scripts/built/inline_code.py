"""The inline scripts and styles of the built pages, and the ones our templates and Material are expected
to write. The Content-Security-Policy allows the expected ones only (by hash); any other fails the build.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..features.i18n_status.pages import PAGE_STYLE

# Script types the browser runs; others (e.g. Material's "application/json" config) are data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# What each template writes inline: (where it comes from, the whole text it may have).
EXPECTED: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "script": [
        ("Material's base.html: the storage scope of the page",
         re.compile(r'__md_scope=new URL\("\.(?:\.(?:/\.\.)*)?",location\),'
                    r'__md_hash=e=>\[\.\.\.e\]\.reduce\(.*\)}catch\(e\)\{\}\}')),
        ("Material's content tabs: open the tab named in the address",
         re.compile(re.escape('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
                              '(target.checked=target.name.startsWith("__tabbed_"))'))),
    ],
    "style": [
        ("the translation status page (features/i18n_status/pages.py)", re.compile(re.escape(PAGE_STYLE))),
    ],
}


@dataclass(frozen=True)
class InlineCode:
    kind: str    # "script" or "style"
    text: str
    path: Path   # the first built page that holds it

    @property
    def expected(self) -> bool:
        """Written by one of the templates listed in EXPECTED."""
        return any(pattern.fullmatch(self.text) for _, pattern in EXPECTED[self.kind])


class _Collector(HTMLParser):
    """Collects the text of inline <script> (of a runnable type) and <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if (tag == "script" and "src" not in values and values.get("type", "").lower() in SCRIPT_TYPES) \
                or tag == "style":
            self.found.append((tag, ""))
            self._open = tag

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            tag, text = self.found[-1]
            self.found[-1] = (tag, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None


def inline_code(out: Path) -> list[InlineCode]:
    """Every distinct inline script and style of the HTML pages under ``out``."""
    seen: dict[tuple[str, str], InlineCode] = {}
    for path in sorted(out.rglob("*.html")):
        collector = _Collector()
        collector.feed(path.read_text("utf-8", "replace"))
        collector.close()
        for kind, text in collector.found:
            seen.setdefault((kind, text), InlineCode(kind, text, path))
    return list(seen.values())
