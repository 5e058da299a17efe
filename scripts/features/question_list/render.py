"""A page of many questions (the FAQ) starts with the list of its questions, under its title: on a phone the
menu's table of contents is behind a button, and the page is many screens long. A closed ``<details>`` (one
line until the reader opens it); each question a link to its place, grouped under its section."""
from __future__ import annotations

import re
from html import escape

from ...source.texts import Texts, read, with_names
from ..feature import PageView

MINIMUM = 6  # questions (``<h3>`` with an id) from which a page gets its list
HEADING = re.compile(r'<h([23]) id="([^"]+)"([^>]*)>(.*?)</h\1>', re.S)
LANG = re.compile(r'\slang="[^"]*"')  # a heading in another language (a section awaiting translation) keeps it
TAG = re.compile(r"<[^>]+>")
TITLE_END = "</h1>"


def question_list(html: str, title: str) -> str:
    """The list of the questions of the page ``html`` (its ``<h3>``, under their ``<h2>``), or "" if it has few.
    ``title``: the list's name, with ``{count}`` for the number of questions."""
    sections: list[tuple[str, list[str]]] = []  # (link to the <h2>, its questions)
    count = 0
    for level, ident, attributes, text in HEADING.findall(html):
        lang = found.group(0) if (found := LANG.search(attributes)) else ""
        link = f'<a href="#{escape(ident)}"{lang}>{TAG.sub("", text).strip()}</a>'
        if level == "2":
            sections.append((link, []))
        else:
            if not sections:
                sections.append(("", []))
            sections[-1][1].append(f"<li>{link}</li>")
            count += 1
    if count < MINIMUM:
        return ""
    groups = "".join(
        (f'<li>{link}<ul>{"".join(items)}</ul></li>' if link else "".join(items)) for link, items in sections if items)
    return (f'<details class="rc-questions" data-search-exclude><summary>{escape(title).replace("{count}", str(count))}'
            f'</summary><ul>{groups}</ul></details>')


def with_question_list(html: str, title: str) -> str:
    """The page with the list of its questions right after its title (unchanged if it has few)."""
    listing = question_list(html, title)
    at = html.find(TITLE_END)
    return html if not listing or at < 0 else html[: at + len(TITLE_END)] + listing + html[at + len(TITLE_END):]


TEXTS: Texts = {"question_list": with_names("count")}  # the title of the list: "The {count} questions of this page"


def on_content(html: str, view: PageView) -> str:
    """A long page's list of questions under its title (after the glossary: no term is marked in it)."""
    return with_question_list(html, str(read(view.site, view.reader, TEXTS).values["question_list"] or ""))
