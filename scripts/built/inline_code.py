"""The inline scripts and styles of the built pages, and the ones our templates and Material are expected
to write. The Content-Security-Policy allows the expected ones only (by hash); any other fails the build.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CRITICAL_CSS = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "critical.css"
RAW = re.compile(r"\{% raw %\}(.*)\{% endraw %\}", re.S)


def critical_css() -> str:
    """What overrides/main.html writes in its <style>: the raw part of overrides/partials/critical.css."""
    found = RAW.search(CRITICAL_CSS.read_text("utf-8")) if CRITICAL_CSS.is_file() else None
    return found.group(1) if found else ""


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
        ("overrides/main.html: the rules the pages show first (overrides/partials/critical.css, make critical-css)",
         re.compile(re.escape(critical_css()))),
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


# Inline code, found with regular expressions (several times faster than html.parser over every page).
ELEMENT = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def inline_blocks(page: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of each inline script (of a runnable type) and style of an HTML page."""
    for match in ELEMENT.finditer(COMMENT.sub("", page)):
        kind, attributes, text = match.group(1).lower(), match.group(2), match.group(3)
        found = TYPE.search(attributes)
        if kind == "style" or (not SRC.search(attributes) and (found.group(1) if found else "").lower() in SCRIPT_TYPES):
            yield kind, text


def inline_code(out: Path) -> list[InlineCode]:
    """Every distinct inline script and style of the HTML pages under ``out``."""
    seen: dict[tuple[str, str], InlineCode] = {}
    for path in sorted(out.rglob("*.html")):
        for kind, text in inline_blocks(path.read_text("utf-8", "replace")):
            seen.setdefault((kind, text), InlineCode(kind, text, path))
    return list(seen.values())
