"""The texts readers see that are written in mkdocs.yml, in each language's block: one reader for all of them.

Each feature declares its texts as ``fields`` kinds and schemas (``Texts``: the keys it owns under
``extra.messages``); ``read`` checks a language's texts against them with ``fields.FieldReader``, so every problem
has its line in mkdocs.yml, and keeps the result in the model (read once per build).
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from ..problems import Problem
from .fields import INVALID, TEXT, FieldReader, Kind, Schema
from .model import Site
from .parse import language_block

Texts = dict[str, Kind | Schema]
"""The texts a feature owns: their keys under a language's ``extra.messages``, and what each must be."""
MESSAGES = ("extra", "messages")


def names(text: str) -> set[str] | None:
    """The names in braces of a text (``{date}``); None if the braces are unbalanced."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def with_names(*wanted: str) -> Kind:
    """A text holding exactly the names in braces ``wanted``, which the build fills (e.g. ``{date}``)."""
    shown = " and ".join("{" + name + "}" for name in wanted)

    def read(value: Any) -> Any:
        text = TEXT.read(value)
        return text if text is not INVALID and names(text) == set(wanted) else INVALID
    return Kind(f"a text with {shown}, kept as they are (in braces, not translated)", read)


def exactly(keys: tuple[str, ...], kind: Kind | Schema = TEXT, expected: str = "") -> Schema:
    """A block giving ``kind`` for each of ``keys``, and nothing else (e.g. a label for each kind of stage)."""
    return Schema(dict.fromkeys(keys, kind), expected=expected or f"a block of lines {', '.join(keys)}, indented")


def entries(expected: str) -> Kind:
    """A block of ``name: value`` lines that its feature reads entry by entry, each problem on its own line
    (shared texts, glossary terms, the names of the other versions)."""
    return Kind(expected, lambda value: value if isinstance(value, dict) and value else INVALID)


@dataclass(frozen=True)
class Read:
    """A language's texts for some keys: typed when every one is right, else as written (for ``mkdocs serve``,
    which shows pages with the problems); and the problems, on their lines of mkdocs.yml."""

    values: dict[str, Any]
    problems: tuple[Problem, ...]


def read(site: Site, lang: str, texts: Texts) -> Read:
    """The texts ``texts`` of ``lang`` under its ``extra.messages``, read once."""
    return site.once(("texts", lang, tuple(texts)), lambda: _read(site, lang, texts))


def block(site: Site, lang: str, texts: Texts, key: str) -> dict[str, str]:
    """The block ``key`` of ``texts`` (a feature's words, e.g. "page_foot"), as ``read`` gives it ({} when missing)."""
    return dict(read(site, lang, texts).values[key] or {})


def _read(site: Site, lang: str, texts: Texts) -> Read:
    written = language_block(site, lang, *MESSAGES)
    reader = FieldReader(written, "", f"see the same texts of another language in mkdocs.yml, under "
                                      f"languages → {lang} → {' → '.join(MESSAGES)}")
    values = reader.read((), written.meta, Schema(texts, closed=False), f"the language '{lang}'")
    raw = {key: written.meta.get(key, "") for key in texts}
    return Read(values if values is not None else raw, tuple(reader.problems))


def unknown(site: Site, lang: str, known: set[str]) -> list[Problem]:
    """A problem for each key of ``lang``'s ``extra.messages`` that no feature reads (a typo, or a text left over)."""
    block = language_block(site, lang, *MESSAGES)
    return [Problem("mkdocs.yml", block.field_line((key,)), f"the text '{key}' of '{lang}' is used nowhere",
                    f"check its name (the texts: {', '.join(sorted(known))}), or remove it")
            for key in block.meta if key not in known]
