"""The inline scripts and styles of the built pages, and the ones our templates and Material are expected
to write (exactly: verify/allowed.py). The Content-Security-Policy allows the expected ones only (by hash);
any other fails the build.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .verify.allowed import INLINE_FILES, INLINE_TEXTS, MAX_DEPTH

# Script types the browser runs; others (e.g. Material's "application/json" config) are data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
PROJECT = Path(__file__).resolve().parents[2]  # the folder of mkdocs.yml and scripts/
RAW = re.compile(r"\{% raw %\}(.*)\{% endraw %\}", re.S)


@cache
def expected_texts(kind: str) -> frozenset[str]:
    """The exact texts of the inline scripts (or styles) our templates and Material write: those of
    verify/allowed.py, "@BASE@" replaced by each way up to the site root. No pattern: a text shaped like one of
    them but not equal is not expected."""
    bases = [".", *("/".join([".."] * depth) for depth in range(1, MAX_DEPTH + 1))]
    texts = {text.replace("@BASE@", base) for text in INLINE_TEXTS[kind] for base in bases}
    texts.update(file_text(PROJECT / name) for name in INLINE_FILES[kind])
    return frozenset(texts)


def file_text(path: Path) -> str:
    """What a template writes from the file at ``path``: its raw part if it has one (``{% raw %}…{% endraw %}``,
    as overrides/partials/critical.css), else its whole text."""
    text = path.read_text("utf-8")
    found = RAW.search(text)
    return found.group(1) if found else text


@dataclass(frozen=True)
class InlineCode:
    kind: str    # "script" or "style"
    text: str
    path: Path   # the first built page that holds it

    @property
    def expected(self) -> bool:
        """Exactly the text one of our templates or Material's writes (verify/allowed.py)."""
        return self.text in expected_texts(self.kind)


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


def inline_code(pages: Path | dict[Path, str]) -> list[InlineCode]:
    """Every distinct inline script and style of the HTML pages under a folder, or of the pages given (path: text)."""
    if isinstance(pages, Path):
        pages = {path: path.read_text("utf-8", "replace") for path in sorted(pages.rglob("*.html"))}
    seen: dict[tuple[str, str], InlineCode] = {}
    for path, page in pages.items():
        for kind, text in inline_blocks(page):
            seen.setdefault((kind, text), InlineCode(kind, text, path))
    return list(seen.values())
