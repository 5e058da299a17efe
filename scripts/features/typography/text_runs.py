"""The text of an HTML page as runs of readable characters, edited in place without touching the markup.

The page is read by Python's HTML parser (``html.parser``) into tokens whose exact source is kept: tags,
comments, character references (``&#x27;``, ``&nbsp;``) and plain text. A run is the text of one block, across
inline elements (``<a>``, ``<strong>``...), seen decoded; edits to a run only ever change plain-text tokens:
tags, references, and the text of code, scripts, styles and elements in another language stay byte for byte.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from ...built.html_model import VOID, line_starts

# Elements whose text is not prose, left exactly as written.
RAW = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math", "template"})
# Elements that do not end a run of text (a sentence can run across them).
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small",
                    "span", "strong", "sub", "sup", "time", "u", "wbr"})
INLINE_RAW = frozenset({"code", "kbd", "samp"})  # inline elements whose text is left as it is
OBJECT = "\ufffc"  # what an element left out is in a run of text


@dataclass
class Char:
    """One character of a run: where it comes from, and whether it may be changed (plain text only)."""

    value: str
    token: int
    offset: int  # in the token's source
    plain: bool  # False for a character reference


@dataclass
class Run:
    """The readable text of one block, decoded, and the source of each of its characters."""

    chars: list[Char] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The run's characters (an element left out is one U+FFFC)."""
        return "".join(char.value for char in self.chars)


class _Tokens(HTMLParser):
    """Start offset and kind of every token of the page (``getpos`` is the start of the token being handled)."""

    def __init__(self, html: str, lang: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lang = lang  # the page's language: an element in any other is left as it is
        self.lines = line_starts(html)
        self.starts: list[tuple[int, str, str, bool]] = []  # (offset, kind, tag name, in another language)
        self.feed(html)
        self.close()

    def _mark(self, kind: str, tag: str = "", foreign: bool = False) -> None:
        line, column = self.getpos()
        offset = self.lines[line - 1] + column
        if not self.starts or self.starts[-1][0] != offset:
            self.starts.append((offset, kind, tag, foreign))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        langs = [value or "" for name, value in attrs if name in ("lang", "xml:lang")]
        self._mark("start", tag, bool(langs) and langs[-1].lower().split("-")[0] != self.lang)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark("void", tag)

    def handle_endtag(self, tag: str) -> None:
        self._mark("end", tag)

    def handle_data(self, data: str) -> None:
        self._mark("text")

    def handle_entityref(self, name: str) -> None:
        self._mark("ref")

    def handle_charref(self, name: str) -> None:
        self._mark("ref")

    def handle_comment(self, data: str) -> None:
        self._mark("other")

    def handle_decl(self, decl: str) -> None:
        self._mark("other")

    def handle_pi(self, data: str) -> None:
        self._mark("other")

    def unknown_decl(self, data: str) -> None:
        self._mark("other")


class Page:
    """A page cut into tokens; its runs of text; ``html()`` puts it back together with the edits."""

    def __init__(self, html: str, lang: str) -> None:
        starts = _Tokens(html, lang).starts
        if not starts or starts[0][0] != 0:
            starts.insert(0, (0, "text", "", False))
        ends = [start for start, *_ in starts[1:]] + [len(html)]
        self.tokens = [html[start:end] for (start, *_), end in zip(starts, ends)]
        self.kinds = [(kind, tag, foreign) for _, kind, tag, foreign in starts]

    def runs(self) -> Iterator[Run]:
        """The runs of prose. Code and inline elements in another language stand in a run as one object
        character (U+FFFC, so that « <code>x</code> » is spaced); a block, a line break, a script ends a run."""
        stack: list[tuple[str, bool]] = []  # open elements: (name, text left out)
        run = Run()
        for index, (kind, tag, foreign) in enumerate(self.kinds):
            skipped = bool(stack) and stack[-1][1]
            if kind in ("start", "end", "void") and tag not in INLINE and tag not in INLINE_RAW:
                if run.chars:
                    yield run
                run = Run()
            if kind == "start" and tag not in VOID:
                left_out = foreign or tag in RAW
                if left_out and not skipped and (tag in INLINE or tag in INLINE_RAW):
                    run.chars.append(Char(OBJECT, index, 0, False))
                stack.append((tag, skipped or left_out))
            elif kind == "end" and any(name == tag for name, _ in stack):
                while stack and stack.pop()[0] != tag:
                    pass
            elif kind in ("text", "ref") and not skipped:
                source = self.tokens[index]
                if kind == "ref":
                    run.chars.extend(Char(value, index, 0, False) for value in unescape(source))
                else:
                    run.chars.extend(Char(value, index, offset, True) for offset, value in enumerate(source))
        if run.chars:
            yield run

    def html(self, edits: list[tuple[Char, str, str]]) -> str:
        """The page with each edit applied: (character, new text, where: "before" or "after" the character, or
        "instead" of it). Only plain characters are ever replaced; text is put next to a reference, never in it."""
        by_token: dict[int, list[tuple[int, int, str]]] = {}
        for char, text, where in edits:
            end = char.offset + 1 if char.plain else len(self.tokens[char.token])
            if where == "instead" and char.plain:
                by_token.setdefault(char.token, []).append((char.offset, end, text))
            elif where != "instead":
                offset = char.offset if char.plain and where == "before" else end if where == "after" else 0
                by_token.setdefault(char.token, []).append((offset, offset, text))
        tokens = list(self.tokens)
        for index, changes in by_token.items():
            source = tokens[index]
            for start, end, text in sorted(changes, reverse=True):
                source = source[:start] + text + source[end:]
            tokens[index] = source
        return "".join(tokens)
