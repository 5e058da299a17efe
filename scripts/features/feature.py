"""What a feature is: its texts, its model, its checks, its page hooks and its pipeline stage (registry.py lists
them), and what those hooks are given: a page being built (``PageView``), a language built (``BuildView``), the
site built into a folder (``StageRun``). Nothing here depends on MkDocs: the glue fills the views.
"""
from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import jinja2

from ..built.html_model import HtmlPage, read_built_site
from ..problems import Problem
from ..source.locales import LanguageRules, rules_of
from ..source.model import Check, Page, Site, relative_url
from ..source.texts import Texts


@dataclass
class PageView:
    """A page as the hooks see it: the language it is built in (``reader``) and the one its Markdown is written in
    (``lang``: another one for a page that awaits its translation)."""

    site: Site
    reader: str
    lang: str
    rel: str                      # the Markdown file in its language folder, e.g. "faq.md"
    url: str                      # its address from the site root, e.g. "/en/faq/"
    meta: MutableMapping[str, Any]  # its front matter, as MkDocs read it (hooks may add to it)
    canonical: str                # its full address
    link: Callable[[str], str]    # a link written in data (relative to the Markdown file), as a link of the page
    texts: dict[str, Any]         # the reader's texts (extra.messages in mkdocs.yml)

    @property
    def source(self) -> Page | None:
        return self.site.page(self.lang, self.rel)

    @property
    def rules(self) -> LanguageRules:
        """What the build knows of the reader's language (source/locales.py)."""
        return rules_of(self.site, self.reader)

    @property
    def for_readers(self) -> bool:
        """Not one of the editors' pages (robots: noindex), which are not read aloud or shared."""
        return "noindex" not in str(self.meta.get("robots", ""))

    def href(self, path: str) -> str:
        """A link from this page to ``path`` (from the site root)."""
        return relative_url("/" + path, self.url)


@dataclass
class BuildView:
    """A language built into ``out`` (by itself, or with the others before it)."""

    site: Site
    lang: str
    out: Path
    site_url: str
    site_name: str
    env: jinja2.Environment       # the theme's templates
    theme: dict[str, Any]
    stylesheets: list[str]
    logo: Path


@dataclass
class StageRun:
    """The site built into ``out``, between the pipeline's stages: the HTML of its pages is read once, when a stage
    first asks for it (after the last stage that writes HTML)."""

    site: Site
    out: Path
    zim: bool = False
    notes: list[str] = field(default_factory=list)       # about the machine; they do not fail the build
    reports: dict[str, Any] = field(default_factory=dict)  # what a stage made, by feature (booklets: its PDFs)
    html: dict[str, HtmlPage] | None = None

    def pages(self) -> dict[str, HtmlPage]:
        if self.html is None:
            self.html = read_built_site(self.out)
        return self.html


Hook = Callable[[str, PageView], str]


@dataclass(frozen=True)
class Stage:
    """A pipeline stage: ``pages`` runs once the pages are built and checked, before the security policy; ``final``
    once every file is written and the HTML checked."""

    name: str
    run: Callable[[StageRun], list[Problem]]
    when: Literal["pages", "final"] = "pages"


@dataclass(frozen=True)
class Feature:
    """One feature; every part is optional. Its page hooks run in the registry's order, per MkDocs event."""

    name: str
    texts: Texts = field(default_factory=dict)    # its texts under each language's extra.messages
    load: Callable[[Site], object] | None = None  # reads its model into the site, once (its checks tell its problems)
    checks: Sequence[Check] = ()
    markdown: Hook | None = None                   # on the page's Markdown
    content: Hook | None = None                    # on the page's HTML (its content, without the theme)
    page: Hook | None = None                       # on the whole page the theme wrote
    post_build: Callable[[BuildView], list[Problem]] | None = None
    stage: Stage | None = None
