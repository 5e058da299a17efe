"""Front matter read safely: plain YAML only (no anchors, aliases or tags), no key written twice, a size
limit, and the text checked before anything is built from it.

PyYAML expands aliases: nine lines of nested aliases ("billion laughs") take minutes and gigabytes in any
code that walks the result. The event stream is read first (linear in the text, nothing built): an anchor,
alias or tag stops the reading there, with its line. Editors need none of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml when PyYAML has it (several times faster), the same rules as yaml.safe_load.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 32_000      # the longest front matter today is about 2 KB
MAX_DEPTH = 12          # mappings and lists inside each other
MAX_NODES = 5_000       # values in all
# Characters that change the direction of the text around them: they can make a title or a link read
# differently from what it is (e.g. "gpj.exe" shown as "exe.jpg").
MARKUP = re.compile(r"[<>\"]|&[#A-Za-z]")  # tags, attribute quotes, entities
# The one comment front matter may hold: a shared text's marker (features/shared_texts), replaced by the build.
SHARED_TEXT = re.compile(r"<!-- ?text:[a-z0-9-]+ ?-->")
BIDI_CONTROLS = {chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]}


@dataclass(frozen=True)
class Refusal:
    """Why a block of YAML is refused, and its line in the block (from 1)."""

    line: int
    message: str
    hint: str


def plain_yaml(block: str) -> Refusal | None:
    """None if ``block`` is plain YAML an editor may write; else the first thing that is not."""
    if len(block.encode("utf-8")) > MAX_BYTES:
        return Refusal(1, f"the front matter is longer than {MAX_BYTES // 1000} KB",
                       "keep only the fields the page needs; long texts go in the page itself")
    depth = nodes = 0
    try:
        for event in yaml.parse(block, Loader=LOADER):
            line = (event.start_mark.line if event.start_mark else 0) + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Refusal(line, "the front matter uses a YAML anchor (&name) or alias (*name)",
                               "write each value in full: the site does not accept & or * at the start of a value "
                               "(put the text in quotes if it starts with one of them)")
            if getattr(event, "tag", None):
                return Refusal(line, f"the front matter uses a YAML tag ({getattr(event, 'tag', '')})",
                               "remove it: write the value as plain text (in quotes if it starts with !)")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Refusal(line, f"the front matter nests more than {MAX_DEPTH} levels",
                                   "write the fields one a line, as in the other pages")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    return Refusal(line, f"the front matter holds more than {MAX_NODES} values",
                                   "keep only the fields the page needs")
                refusal = _text_refusal(event.value, line)
                if refusal:
                    return refusal
    except yaml.YAMLError:
        return None  # not valid YAML: the loader says where, in the usual words
    return None


def _text_refusal(value: str, line: int) -> Refusal | None:
    """Front-matter text reaches the <head>, the menu and the search index of every page, through templates
    that do not escape it: markup and entities are refused, like invisible direction changes."""
    for char in sorted(set(value) & BIDI_CONTROLS):
        return Refusal(line, f"the front matter holds the invisible character U+{ord(char):04X}, which changes "
                       "the direction of the text", "delete it: retype the value")
    found = MARKUP.search(SHARED_TEXT.sub(" ", value))
    if found:
        return Refusal(line, f"the front matter holds {found.group(0)!r}, which would be read as HTML",
                       "write quotations with « » or “ ”, and the words 'less than' or 'more than' instead of < >; "
                       "write & only followed by a space")
    return None


def load(block: str) -> Any:
    """The data of a block that ``plain_yaml`` accepted."""
    return yaml.load(block, Loader=LOADER)  # noqa: S506 - a safe loader
