"""The document a booklet's PDF is printed from: the built page's article, the print template and stylesheet."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import jinja2
from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from ...problems import Problem
from ...source.model import Site
from .index import format_period
from .model import Booklet, BookletTexts

TEMPLATE = "booklet-print.html"        # in the theme's custom_dir (overrides/)
STYLESHEET = "assets/stylesheets/booklet-print.css"  # in docs/
# What a built page shows only on the web: what our features mark with ``data-web-only`` (the kind above the title,
# the download button, notices, the glossary's links back to the text, the offline note, the read-aloud control,
# the page foot, the site's name printed above the page), and the theme's title (the PDF has a cover), heading
# links and source-file dates.
WEB_ONLY = "[data-web-only], h1, a.headerlink, .md-source-file"


@dataclass(frozen=True)
class TocEntry:
    id: str
    text: str


@dataclass(frozen=True)
class Content:
    """The body of a built booklet page, ready for print: its HTML (title removed) and its h2 headings."""

    html: str
    toc: tuple[TocEntry, ...]


@dataclass(frozen=True)
class Design:
    """The print template and stylesheet, as text."""

    template: str
    css: str



def _unwrap_list_groups(article: Tag) -> None:
    """``<dl><div><dt>…<dd>…</div></dl>`` without the divs (their id goes to the term): WeasyPrint tags such a
    div as a Div between the list (L) and its items (LI), which PDF/UA-1 forbids."""
    for group in article.select("dl > div"):
        term = group.find("dt")
        if group.get("id") and isinstance(term, Tag) and not term.get("id"):
            term["id"] = group["id"]
        group.unwrap()


def extract_content(page_html: str, page_address: str | None) -> Content:
    """The article of a built page without its title; links made absolute so they work in a sent PDF
    (left as they are when the page has no public address)."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article") or soup.new_tag("article")
    for node in article.select(WEB_ONLY):
        node.decompose()
    _unwrap_list_groups(article)
    for link in article.find_all("a", href=True):
        href = str(link["href"])
        if page_address and not href.startswith("#"):
            link["href"] = urljoin(page_address, href)
    toc = tuple(TocEntry(str(h["id"]), h.get_text(" ", strip=True)) for h in article.find_all("h2", id=True))
    return Content(article.decode_contents().strip(), toc)


def load_design(site: Site) -> tuple[Design | None, list[Problem]]:
    """The print template (overrides/) and stylesheet (docs/assets/)."""
    theme = site.config.get("theme") or {}
    template = site.root / str(theme.get("custom_dir") or "overrides") / TEMPLATE
    css = site.docs / STYLESHEET
    missing = [path for path in (template, css) if not path.is_file()]
    if missing:
        return None, [Problem(site.show(path), None, "this file for the booklets' PDFs is missing",
                              "restore it from the repository") for path in missing]
    return Design(template.read_text("utf-8"), css.read_text("utf-8")), []


def print_html(design: Design, booklet: Booklet, content: Content, texts: BookletTexts, *,
               address: str, logo: str, site_name: str, author: str, updated: str) -> str:
    """The whole document to print: cover, contents, then the booklet's text (a project summary, short: its
    cover at the top of the first page, no contents). The cover's words follow the booklet's kind; it carries
    the programme's brand only if the project was part of the programme, and ``updated``, the page's date."""
    facts = [(texts.territory, booklet.territory), (texts.period, format_period(booklet.period, texts)),
             (texts.themes, ", ".join(booklet.themes)), (texts.language, texts.language_name)]
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(design.template).render(
        lang=booklet.lang, title=booklet.title, summary=booklet.summary, themes=booklet.themes, facts=facts,
        texts=texts, kind=texts.kinds[booklet.kind], kind_id=booklet.kind, programme=booklet.programme,
        address=address, logo=logo,
        site_name=site_name, author=author,
        toc=content.toc, content=Markup(content.html), updated=updated)
