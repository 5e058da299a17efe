"""Is each published page written in its language? The same test as source/language.py, on the text a reader
sees: whatever Markdown made of the page (headings, quotations, capitalised words, text that only looked like
code or a comment in the Markdown); scripts, names in code and the passages marked with another ``lang`` (or an
unknown one, ``lang=""``) left out."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..problems import Problem
from ..source.language import CACHE, WORD, function_words, language_name, tell
from ..source.model import Page, Site

NOT_PROSE = "script, style, template, svg"  # code blocks count: readers see them (a fence can hide text)
BLOCKS = "p, pre, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, summary, caption"
SPACE = re.compile(r"\s")
BLOCK_WORDS = 4  # function words of the other language that make a paragraph of it (8 for a section)


def check_language(site: Site, out: Path) -> list[Problem]:
    """Each page built from a Markdown file of a language folder, and each of its sections, in that language."""
    known = function_words(tuple(site.languages), site.root / CACHE)
    problems = []
    for (lang, rel), page in site.pages.items():
        if page.pending:
            continue
        url = site.page_url(lang, rel).lstrip("/")
        built = out / url / "index.html" if not url.endswith(".html") else out / url
        if not built.is_file():
            continue
        article = _article(built.read_text("utf-8", "replace"), lang)
        if article is None:
            continue
        found = [(_section_line(page, heading_id), "section" if heading_id else "page", verdict)
                 for heading_id, words in _sections(article)
                 if (verdict := tell(words, lang, known))]
        found += [(_text_line(page, text), "paragraph", verdict)
                  for text, words in _blocks(article) if (verdict := tell(words, lang, known, BLOCK_WORDS))]
        problems += [_problem(page, line, what, lang, *verdict) for line, what, verdict in found[:1]]
    return problems


def _text_line(page: Page, text: str) -> int:
    """The Markdown line of a published text: that of its first line of words found in the file."""
    for part in text.splitlines():
        words = " ".join(WORD.findall(part)[:5])
        found = page.line_of(part.strip()[:40]) if len(words) > 12 else None
        if found:
            return found
    return page.body_start + 1


def _section_line(page: Page, heading_id: str) -> int:
    line = next((s.line for s in page.sections if s.id == heading_id), None) if heading_id else None
    return line or page.body_start + 1


def _problem(page: Page, line: int, what: str, lang: str, other: str, examples: list[str]) -> Problem:
    theirs, ours = language_name(other), language_name(lang)
    return Problem(page.display, line, f"the published text of this {what} seems to be written in {theirs}, "
                   f"not in {ours} (words such as {', '.join(repr(w) for w in examples)})",
                   f"write it in {ours}; a quotation in {theirs} goes in <span lang=\"{other}\">…</span>")


def _article(html: str, lang: str) -> LexborNode | None:
    """The page's article without what is not prose in its language: scripts and styles, names in code (a file,
    a path, an id: one word in an inline <code>), and every element marked with another ``lang``, "" (unknown)
    included (a quotation, a commit's subject, a section awaiting its translation)."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None:
        return None
    left_out = [*article.css(NOT_PROSE),
                *(node for node in article.css("code") if not SPACE.search(node.text())
                  and not any(parent.tag == "pre" for parent in _ancestors(node))),  # code blocks count
                *(node for node in article.css("[lang]")
                  if (node.attributes.get("lang") or "").split("-")[0].lower() != lang)]
    chosen = {node.mem_id for node in left_out}
    for node in left_out:
        if not any(parent.mem_id in chosen for parent in _ancestors(node)):  # an inner one goes with its outer one
            node.decompose()
    return article


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _sections(article: LexborNode) -> Iterator[tuple[str, Counter[str]]]:
    """(heading id, words) of the article: the whole, then each section under an <h2>."""
    whole: Counter[str] = Counter()
    sections: list[tuple[str, Counter[str]]] = [("", Counter())]
    for node in article.iter(include_text=True):
        _walk(node, sections)
    for _, words in sections:
        whole.update(words)
    yield "", whole
    yield from sections[1:]


def _blocks(article: LexborNode) -> Iterator[tuple[str, Counter[str]]]:
    """(text, words) of each paragraph, list item, heading or cell."""
    for node in article.css(BLOCKS):
        text = node.text(deep=True, separator=" ")
        yield text, _counted(text)
    for node in article.iter(include_text=True):  # text outside any element (e.g. after "<!-->")
        if node.tag == "-text":
            yield node.text(), _counted(node.text())


def _counted(text: str) -> Counter[str]:
    return Counter(word.lower().replace("’", "'") for word in WORD.findall(text))


def _walk(node: LexborNode, sections: list[tuple[str, Counter[str]]]) -> None:
    """Add the words of ``node`` to the current section; an <h2> starts a new one."""
    if node.tag == "h2":
        sections.append((node.attributes.get("id") or "", Counter()))
    sections[-1][1].update(_counted(node.text(deep=True, separator=" ")))
