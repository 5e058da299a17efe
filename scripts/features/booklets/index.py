"""The booklets in the reader's words: the list on the booklets index, periods, links to the PDFs."""
from __future__ import annotations

import re

from ...source.model import Site, relative_url
from ..feature import PageView
from .model import INDEX, MARKER, Booklet, BookletTexts, Period, YearMonth, is_booklet, load_booklets, parse, read_texts


def format_period(period: Period, texts: BookletTexts) -> str:
    """``2025``, ``septembre 2022 – mars 2023``: the period in the reader's words."""
    def show(when: YearMonth) -> str:
        return f"{texts.months[when.month - 1]} {when.year}" if when.month else str(when.year)
    start, end = show(period.start), show(period.end)
    return start if start == end else f"{start} – {end}"


def pdf_url(site: Site, booklet: Booklet) -> str:
    """Where a booklet's PDF is published: beside the booklets index of its language."""
    return site.page_url(booklet.lang, INDEX) + booklet.pdf_name


def pdf_href(site: Site, booklet: Booklet, from_rel: str) -> str:
    """The relative link to a booklet's PDF from the page ``from_rel`` of the same language."""
    return relative_url(pdf_url(site, booklet), site.page_url(booklet.lang, from_rel))


def index_markdown(site: Site, lang: str) -> str:
    """The list of every booklet of ``lang``: title, territory, period, themes, page and PDF."""
    texts, _ = read_texts(site, lang)
    if texts is None:
        return ""
    items = []
    newest_first = sorted((b for b in load_booklets(site) if b.lang == lang),
                          key=lambda b: (-b.period.start.year, -b.period.start.month, b.title))
    for booklet in newest_first:
        lines = [f'- <span class="rc-kind">{_escape(texts.kinds[booklet.kind].label)}</span>  \n'
                 f"  **[{_escape(booklet.title)}]({booklet.slug}.md)**",
                 f"{texts.label('territory')} {_escape(booklet.territory)}",
                 f"{texts.label('period')} {format_period(booklet.period, texts)}",
                 f"{texts.label('themes')} {_escape(', '.join(booklet.themes))}"]
        if booklet.pdf:
            lines.append(f'<a href="{pdf_href(site, booklet, INDEX)}" download type="application/pdf" '
                         f'hreflang="{lang}">{_escape(texts.pdf_link)}'
                         f'<span class="rc-visually-hidden"> – {_escape(booklet.title)}</span></a>')  # one name a link
        items.append("  \n  ".join(lines))
    return '<div class="rc-booklets" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


def fill_index(markdown: str, site: Site, lang: str, src_uri: str) -> str:
    """The booklets index page with its list of booklets in place of the marker (other pages unchanged)."""
    if src_uri != f"{lang}/{INDEX}" or MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, index_markdown(site, lang))


def with_kind_label(markdown: str, site: Site, src_uri: str) -> str:
    """A booklet page with what it is ("Fiche projet", "Booklet of recommendations") above its title."""
    page_lang, _, rel = src_uri.partition("/")  # the page's own language (a pending page is in the other one)
    page = site.page(page_lang, rel)
    booklet = parse(page)[0] if page is not None and is_booklet(rel) else None
    texts = read_texts(site, page_lang)[0]
    if booklet is None or texts is None:
        return markdown
    label = f'<p class="rc-kind" data-web-only>{_escape(texts.kinds[booklet.kind].label)}</p>\n\n'
    title = re.search(r"^# ", markdown, flags=re.M)
    return markdown[: title.start()] + label + markdown[title.start():] if title else markdown


def _escape(text: str) -> str:
    """Text that Markdown and HTML show as written."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def on_markdown(markdown: str, view: PageView) -> str:
    """A booklet page says what it is above its title; the index gets its list of booklets in place of its marker."""
    src_uri = f"{view.lang}/{view.rel}"
    return fill_index(with_kind_label(markdown, view.site, src_uri), view.site, view.reader, src_uri)
