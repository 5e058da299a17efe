"""What readers of a language see of a page, or of a section, not translated into it yet: the other language's
text, at its place, under a notice in theirs; it keeps its own ``lang``."""
from __future__ import annotations

from html import escape

from ...source.fields import TEXT
from ...source.pending import with_pending_sections
from ...source.texts import Texts
from ..feature import PageView

TEXTS: Texts = {
    "pending": TEXT,           # above a page served from the other language (front matter 'translation: pending')
    "pending_section": TEXT,   # above a section awaiting its translation (<!-- translation: pending -->)
}


def on_markdown(markdown: str, view: PageView) -> str:
    """The other languages' sections that await their translation, added at their place."""
    page = view.source
    for other in (view.site.page(lang, view.rel) for lang in view.site.languages if page and lang != view.lang):
        if page and other:
            markdown = with_pending_sections(markdown, page, other, str(view.texts.get("pending_section", "")))
    return markdown


def on_content(html: str, view: PageView) -> str:
    """A page served from another language says so, and keeps its true ``lang``."""
    if view.lang == view.reader:
        return html
    notice = escape(view.texts.get("pending", ""))
    return (f'<div class="admonition note rc-pending" role="note" data-web-only><p>{notice}</p></div>'
            f'<div lang="{escape(view.lang)}">{html}</div>')
