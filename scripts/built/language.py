"""Is each published page written in its language? The same test as source/language.py, on the text a reader
sees: whatever Markdown made of the page (headings, quotations, capitalised words, text that only looked like
code or a comment in the Markdown), code and passages marked with another ``lang`` left out."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..problems import Problem
from ..source.language import CACHE, WORD, _name, _tell, function_words
from ..source.model import Site

NOT_PROSE = "pre, code, script, style, template, svg"


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
        for heading_id, words in _sections(built.read_text("utf-8", "replace"), lang):
            verdict = _tell(words, lang, known)
            if verdict:
                other, examples = verdict
                line = next((s.line for s in page.sections if s.id == heading_id), None) if heading_id else None
                problems.append(Problem(page.display, line or page.body_start + 1,
                                        f"the published text of this {'section' if heading_id else 'page'} seems "
                                        f"to be written in {_name(other)}, not in {_name(lang)} (words such as "
                                        f"{', '.join(repr(w) for w in examples)})",
                                        f"write it in {_name(lang)}; a quotation in {_name(other)} goes in "
                                        f'<span lang="{other}">…</span>'))
    return problems


def _sections(html: str, lang: str) -> Iterator[tuple[str, Counter[str]]]:
    """(heading id, words) of the article: the whole, then each section under an <h2>."""
    tree = LexborHTMLParser(html)
    article = tree.css_first("article")
    if article is None:
        return
    for node in article.css(NOT_PROSE):
        node.decompose()
    for node in article.css("[lang]"):
        if (node.attributes.get("lang") or "").split("-")[0] != lang:
            node.decompose()
    whole: Counter[str] = Counter()
    sections: list[tuple[str, Counter[str]]] = [("", Counter())]
    for node in article.iter(include_text=False):
        _walk(node, sections)
    for _, words in sections:
        whole.update(words)
    yield "", whole
    yield from sections[1:]


def _walk(node: LexborNode, sections: list[tuple[str, Counter[str]]]) -> None:
    """Add the words of ``node`` to the current section; an <h2> starts a new one."""
    if node.tag == "h2":
        sections.append((node.attributes.get("id") or "", Counter()))
    text = node.text(deep=True, separator=" ")
    sections[-1][1].update(word.lower().replace("’", "'") for word in WORD.findall(text))
