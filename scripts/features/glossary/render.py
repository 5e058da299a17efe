"""The glossary on a built page: the first time each term appears in the text, the word links to its
definition in a list of the words explained, at the end of the page. ``glossary.js`` then makes each of
those words a button that shows its definition in place (tap, click, Enter or Space; Escape closes).

Without JavaScript the link still leads to the definition, and the definition back to the text.
Not marked: headings, links, buttons, form labels, code, the booklet kind label, the self-check form and the
home page's task cards (each card is one link: a word in it could not be tapped).
"""
from __future__ import annotations

import re
from html import escape

from ...built.html_model import VOID
from ..feature import PageView
from .model import ID_PREFIX, SCRIPT, Glossary, Term, read_glossary

# Comments, whole elements whose text is not HTML (script, style, template, textarea), and tags.
TOKEN = re.compile(r"(<!--.*?-->|<(script|style|template|textarea)\b[^>]*>.*?</\2\s*>|<[^>]+>)", re.S | re.I)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>", re.S)
CLASSES = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
# Where a term is not marked: headings, links and controls, code, and what only looks like text.
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "legend", "select", "option", "summary",
             "code", "pre", "kbd", "samp", "svg", "math", "dt", "nav"}
SKIP_CLASSES = {"rc-tasks", "rc-selfcheck", "admonition-title", "rc-download", "rc-kind", "rc-glossary",
                "rc-stage__kind"}
APOSTROPHES = "'’"


def _pattern(word: str) -> str:
    """A glossary word as a regular expression: any apostrophe, any run of spaces (no-break ones too)."""
    parts = (r"\s+" if part.isspace() else f"[{APOSTROPHES}]" if part in APOSTROPHES else re.escape(part)
             for part in re.split(r"(\s+|['’])", word) if part)
    return "".join(parts)


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def mark_terms(html: str, glossary: Glossary, script_href: str) -> str:
    """The page's HTML with the first occurrence of each term marked, the list of the terms found at the
    end, and the script that shows each definition in place; unchanged if no term appears."""
    by_word = {_key(word): term for term in glossary.terms for word in term.words}
    if not by_word:
        return html
    words = sorted(by_word, key=len, reverse=True)  # the longest first: "acteurs locaux" before "acteurs"
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_pattern(w) for w in words) + r")(?![\w-])", re.I)
    found: dict[str, tuple[Term, str]] = {}  # term id -> (term, the word as the page writes it)

    def mark(match: re.Match[str]) -> str:
        term = by_word[_key(match.group(0))]
        if term.id in found:
            return match.group(0)
        found[term.id] = (term, match.group(0))
        return (f'<a class="rc-term" href="#{ID_PREFIX}{term.id}" id="term-{term.id}" data-term="{term.id}">'
                f"{match.group(0)}</a>")

    parts, skipping = [], _Skipping()
    for index, part in enumerate(TOKEN.split(html)):
        if index % 3 == 2 or not part:   # the captured element name of a whole element: not a part of its own
            continue
        if index % 3 == 1:
            skipping.see(part)
            parts.append(part)
        else:
            parts.append(part if skipping.now else pattern.sub(mark, part))
    if not found:
        return html
    return "".join(parts) + glossary_section(glossary, list(found.values()), script_href)


class _Skipping:
    """Follows the open elements while the HTML is read, to know whether the text is in one not to mark."""

    def __init__(self) -> None:
        self.open: list[tuple[str, bool]] = []   # (element name, skipped)

    @property
    def now(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def see(self, token: str) -> None:
        tag = TAG.match(token)
        if tag is None or token.startswith("<!--"):
            return
        closing, name, attributes, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
        whole = tag.end() < len(token)  # a script, style or template with its content: already closed
        if closing:
            while self.open and self.open.pop()[0] != name:
                pass
        elif name not in VOID and not self_closing and not whole:
            classes = set(value.group(1).split()) if (value := CLASSES.search(attributes)) else set()
            self.open.append((name, self.now or name in SKIP_TAGS or bool(classes & SKIP_CLASSES)))


def glossary_section(glossary: Glossary, found: list[tuple[Term, str]], script_href: str) -> str:
    """The words explained on the page, in the order they appear, each with a link back to the text (left
    out of the search index: the same definitions on many pages would crowd the results)."""
    entries = "".join(
        f'<div class="rc-glossary__entry" id="{ID_PREFIX}{term.id}"><dt>{word}</dt>'
        f'<dd><p class="rc-glossary__definition">{escape(term.definition)}</p>'
        f'<p><a class="rc-glossary__back" data-web-only href="#term-{term.id}">{escape(glossary.back)}</a></p></dd></div>'
        for term, word in found)
    return (f'<section class="rc-glossary" aria-labelledby="glossary" data-hint="{escape(glossary.hint)}" '
            'data-search-exclude>'
            f'<h2 id="glossary">{escape(glossary.heading)}</h2><dl>{entries}</dl></section>'
            f'<script src="{escape(script_href)}" defer></script>')


def on_content(html: str, view: PageView) -> str:
    """The first use of each hard word explained, in the language the page is written in."""
    glossary = read_glossary(view.site, view.lang)[0]
    return mark_terms(html, glossary, view.href(SCRIPT)) if glossary is not None else html
