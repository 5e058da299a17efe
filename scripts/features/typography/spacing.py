"""French spacing in the built HTML of French pages, whatever the editor typed and whatever Python-Markdown's
table of contents did to it (it turns no-break spaces into plain ones).

Only text between tags changes (the title, headings, menus, table of contents, body), never code,
scripts, styles, attribute values, or elements in another language (``lang="en"``). A no-break space
(U+00A0) goes before ? ! ; : and inside « ».
"""
from __future__ import annotations

import re

FRENCH = "fr"  # the language whose pages get this spacing
NBSP = "\u00a0"
TAG = re.compile(r"(<[^>]*>)")
RAW = re.compile(r"<(/?)(script|style|pre|code|textarea)\b", re.I)
OTHER_LANGUAGE = re.compile(r"""<([a-zA-Z][\w-]*)\b[^>]*\blang=["']?(?!fr\b)[a-zA-Z]""")
START_OR_END = re.compile(r"<(/?)([a-zA-Z][\w-]*)")
# A plain space before the mark, or none at all before ? ! ; (ending a word) and ».
SPACE_BEFORE = re.compile(r"(?<=\S)[ \t]+(?=[?!;:»])|(?<=[^\W_])(?=[?!;](?:\s|$|[)»]))|(?<=[^\s«])(?=»)")
SPACE_AFTER = re.compile(r"(?<=«)[ \t]*")


def french_spacing(html: str) -> str:
    """The page with French spacing in its text."""
    parts = TAG.split(html)
    raw = 0  # depth inside elements whose text is left as it is
    foreign: list[str] = []  # the element in another language we are in, once per nested element of its name
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            found = RAW.match(part)
            if found:
                raw = max(0, raw + (-1 if found.group(1) else 1))
            tag = START_OR_END.match(part)
            other = OTHER_LANGUAGE.match(part)
            if other or (foreign and tag and tag.group(2).lower() == foreign[-1] and not part.endswith("/>")):
                if tag and tag.group(1):
                    foreign.pop()
                elif tag:
                    foreign.append(tag.group(2).lower())
        elif raw == 0 and not foreign and part.strip():
            parts[index] = SPACE_AFTER.sub(NBSP, SPACE_BEFORE.sub(NBSP, part))
    return "".join(parts)
