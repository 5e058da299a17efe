"""The thin MkDocs glue: the only module that knows MkDocs' events. Behaviour lives in the other modules."""
from __future__ import annotations

from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """A page served from the other language (``translation: pending``) keeps its true ``lang`` and says so."""
    reader = config.theme["language"]
    source = getattr(page.file, "locale", reader)  # set by mkdocs-static-i18n
    if source == reader:
        return html
    notice = config.extra.get("messages", {}).get("pending", "")
    return (f'<div class="admonition note rc-pending" role="note"><p>{escape(notice)}</p></div>'
            f'<div lang="{escape(source)}">{html}</div>')
