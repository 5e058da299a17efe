"""Booklets of co-created solutions: their front matter as a typed model, its checks, and the index list.

A booklet is ``docs/<lang>/booklets/<slug>.md`` (``index.md`` excluded). Its reader-facing words
(labels, button text, month names) live in mkdocs.yml under each language's ``extra.messages.booklet``.
Nothing here depends on MkDocs or WeasyPrint: the PDFs are made by ``booklet_pdf``.
"""
from __future__ import annotations

import posixpath
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from . import html
from .problems import Problem
from .sources import Page, Site, i18n_options

FOLDER = "booklets"
INDEX = f"{FOLDER}/index.md"
MARKER = "<!-- booklets:list -->"
PDF_PREFIX = "resilient-cities"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
EXAMPLE = "see docs/fr/booklets/est-ensemble.md for an example"


@dataclass(frozen=True, order=True)
class YearMonth:
    """A year, or a year and a month (``2025``, ``2022-09``)."""

    year: int
    month: int = 0  # 0: the whole year


@dataclass(frozen=True)
class Period:
    start: YearMonth
    end: YearMonth


@dataclass(frozen=True)
class Participants:
    newcomers: int
    local_actors: int


@dataclass(frozen=True)
class Booklet:
    """One booklet in one language, as its front matter describes it."""

    lang: str
    slug: str
    display: str            # the Markdown file, as shown to editors
    title: str
    territory: str
    period: Period
    partners: tuple[str, ...]
    participants: Participants
    themes: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    pdf: bool

    @property
    def rel(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def pdf_name(self) -> str:
        """The PDF's file name: the booklet and the language."""
        return f"{PDF_PREFIX}-{self.slug}-{self.lang}.pdf"


@dataclass(frozen=True)
class BookletTexts:
    """The words readers see around booklets, in one language (mkdocs.yml, ``extra.messages.booklet``)."""

    download: str        # button; placeholders {size} and {pages}
    pdf_link: str        # link to the PDF in the index
    kicker: str          # above the title on the PDF's cover
    territory: str
    period: str
    themes: str
    language: str
    language_name: str
    contents: str
    web_address: str
    colon: str           # how a label is followed by its value: ":" or "\u00a0:"
    kilobytes: str       # placeholder {value}
    megabytes: str
    decimal_mark: str
    months: tuple[str, ...]

    def label(self, name: str) -> str:
        """A label followed by the language's colon, e.g. ``Territoire\u00a0:``."""
        return f"{getattr(self, name)}{self.colon}"

    def size(self, size: int) -> str:
        """A file size in the reader's units, e.g. ``38 Ko`` or ``1,2 MB``."""
        if size < 1_000_000:
            return self.kilobytes.format(value=max(1, round(size / 1000)))
        return self.megabytes.format(value=f"{size / 1_000_000:.1f}".replace(".", self.decimal_mark))


# --- Reading the front matter -------------------------------------------------------------------

Reader = Callable[[Any], tuple[Any, str | None]]  # value -> (typed value, None) or (None, what it must be)


def _text(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, "a text in quotes"


def _texts(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value):
        return tuple(item.strip() for item in value), None
    return None, 'a list of texts, e.g. ["first", "second"]'


def _web_addresses(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, list) and value and all(isinstance(i, str) and WEB_ADDRESS.match(i) for i in value):
        return tuple(value), None
    return None, "a list of web addresses starting with https://"


def _yes_no(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "true or false")


def _count(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, None
    return None, "a whole number written in digits, e.g. 14"


def _year_month(value: Any) -> tuple[Any, str | None]:
    match = YEAR_MONTH.match(str(value)) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    if match and 1 <= int(match.group(2) or 1) <= 12:
        return YearMonth(int(match.group(1)), int(match.group(2) or 0)), None
    return None, "a year (2025) or a year and a month (2022-09)"


FIELDS: dict[str, Reader] = {"title": _text, "territory": _text, "partners": _texts, "themes": _texts,
                             "summary": _text, "sources": _web_addresses, "pdf": _yes_no}
GROUPS: dict[str, tuple[dict[str, Reader], str]] = {
    "period": ({"start": _year_month, "end": _year_month}, "start: 2022-09 and end: 2023-03 on two indented lines"),
    "participants": ({"newcomers": _count, "local_actors": _count},
                     "newcomers: 14 and local_actors: 20 on two indented lines"),
}


def is_booklet(rel: str) -> bool:
    """``booklets/<slug>.md``, the index excluded."""
    folder, _, name = rel.rpartition("/")
    return folder == FOLDER and name.endswith(".md") and name != "index.md"


def booklet_pages(site: Site) -> Iterator[Page]:
    for (_, rel), page in sorted(site.pages.items()):
        if is_booklet(rel):
            yield page


def parse(page: Page) -> tuple[Booklet | None, list[Problem]]:
    """The booklet described by a page's front matter, or the problems that stop it being read."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    slug = page.rel[len(FOLDER) + 1: -len(".md")]
    if not SLUG.match(slug):
        problems.append(Problem(page.display, None, f"the file name '{slug}.md' cannot name a booklet's PDF",
                                "use only small letters without accents, digits and hyphens, e.g. lyon-2026.md"))
    for name, read in FIELDS.items():
        values[name] = _read(page, problems, name, page.meta.get(name), read, page.meta_lines.get(name))
    for group, (members, example) in GROUPS.items():
        data = page.meta.get(group)
        if not isinstance(data, dict):
            _missing_or_wrong(page, problems, group, data, f"two fields: {example}")
            continue
        values[group] = {name: _read(page, problems, f"{group}.{name}", data.get(name), read,
                                     _nested_line(page, group, name) or page.meta_lines.get(group))
                         for name, read in members.items()}
    if problems:
        return None, problems
    period = Period(**values.pop("period"))
    if period.end < period.start:
        line = _nested_line(page, "period", "end") or page.meta_lines.get("period")
        return None, [Problem(page.display, line, "the field 'period.end' is before 'period.start'",
                              "write the first month (or year) in start and the last one in end")]
    booklet = Booklet(lang=page.lang, slug=slug, display=page.display, period=period,
                      participants=Participants(**values.pop("participants")), **values)
    return booklet, []


def _read(page: Page, problems: list[Problem], name: str, value: Any, read: Reader, line: int | None) -> Any:
    if value is None:
        _missing_or_wrong(page, problems, name, None, "")
        return None
    typed, expected = read(value)
    if expected is not None:
        problems.append(Problem(page.display, line, f"the field '{name}' must be {expected}, not {_shown(value)}",
                                f"correct '{name.rpartition('.')[2]}:' on that line ({EXAMPLE})"))
    return typed


def _missing_or_wrong(page: Page, problems: list[Problem], name: str, value: Any, expected: str) -> None:
    top = name.partition(".")[0]
    if value is None and (top == name or top not in page.meta):
        problems.append(Problem(page.display, 1, f"the booklet has no '{name}' field in its front matter",
                                f"add '{name}: ...' between the two --- lines ({EXAMPLE})"))
    elif value is None:
        problems.append(Problem(page.display, page.meta_lines.get(top), f"the field '{name}' is missing",
                                f"add '{name.rpartition('.')[2]}: ...' indented under '{top}:' ({EXAMPLE})"))
    else:
        problems.append(Problem(page.display, page.meta_lines.get(name), f"the field '{name}' must be "
                                f"{expected}, not {_shown(value)}", f"correct it ({EXAMPLE})"))


def _shown(value: Any) -> str:
    """A front-matter value as an editor wrote it."""
    return f"'{value}'" if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


def _nested_line(page: Page, group: str, name: str) -> int | None:
    """The line of ``name:`` indented under ``group:`` in the front matter."""
    start = page.meta_lines.get(group)
    if start is None:
        return None
    lines = page.path.read_text("utf-8", "replace").splitlines()
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and not line[0].isspace():
            return None
        if re.match(rf"^\s+{re.escape(name)}\s*:", line):
            return number
    return None


def load_booklets(site: Site) -> list[Booklet]:
    """Every booklet whose front matter is valid, in every language."""
    return [booklet for page in booklet_pages(site) if (booklet := parse(page)[0]) is not None]


PLACEHOLDERS = {"download": {"size", "pages"}, "kilobytes": {"value"}, "megabytes": {"value"}}


def _placeholders(text: str) -> set[str]:
    """The names in braces of a text, e.g. {"size", "pages"}; a text that cannot be filled gives {"?"}."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"?"}


def read_texts(site: Site, lang: str) -> tuple[BookletTexts | None, list[Problem]]:
    """The reader-facing words of ``lang`` from mkdocs.yml, or the problems that stop them being read."""
    languages: list[dict[str, Any]] = i18n_options(site.config).get("languages", [])
    language = next((item for item in languages if item.get("locale") == lang), {})
    data = ((language.get("extra") or {}).get("messages") or {}).get("booklet")
    where = f"extra.messages.booklet of the language '{lang}'"
    if not isinstance(data, dict):
        return None, [Problem("mkdocs.yml", None, f"the booklet texts are missing ({where})",
                              "copy the 'booklet:' block of another language and translate it")]
    problems = []
    values: dict[str, Any] = {}
    for item in fields(BookletTexts):
        value = data.get(item.name)
        if item.name == "months":
            ok = isinstance(value, list) and len(value) == 12 and all(isinstance(m, str) for m in value)
            values[item.name] = tuple(value) if isinstance(value, list) else ()
        else:
            ok = isinstance(value, str) and _placeholders(value) <= PLACEHOLDERS.get(item.name, set())
            values[item.name] = value
        if not ok:
            problems.append(Problem("mkdocs.yml", None, f"the booklet text '{item.name}' is missing or wrong ({where})",
                                    "copy it from the other language and translate it; "
                                    "keep the names in braces, e.g. {size}"))
    return (None, problems) if problems else (BookletTexts(**values), [])


# --- Checks ------------------------------------------------------------------------------------

def front_matter(site: Site) -> Iterator[Problem]:
    """Every booklet's front matter has every field, each of the right kind."""
    for page in booklet_pages(site):
        yield from parse(page)[1]


SHARED = ("territory", "period", "participants")  # fields that must be the same in every language


def same_facts(site: Site) -> Iterator[Problem]:
    """Territory, period and participant counts are the same in every language."""
    by_slug: dict[str, list[Booklet]] = {}
    for booklet in load_booklets(site):
        by_slug.setdefault(booklet.slug, []).append(booklet)
    for versions in by_slug.values():
        first = next((b for b in versions if b.lang == site.default_language), versions[0])
        for other in versions:
            for name in SHARED:
                if other is not first and getattr(other, name) != getattr(first, name):
                    page = site.page(other.lang, other.rel)
                    yield Problem(other.display, page.meta_lines.get(name) if page else None,
                                  f"the field '{name}' differs from {first.display}",
                                  "territory, period and participant counts must be the same in every language")


def texts_present(site: Site) -> Iterator[Problem]:
    """Every language has every booklet text in mkdocs.yml."""
    for lang in site.languages:
        yield from read_texts(site, lang)[1]


def index_lists_booklets(site: Site) -> Iterator[Problem]:
    """Each language's booklets index holds the marker where the list of booklets goes."""
    for lang in site.languages:
        page = site.page(lang, INDEX)
        if page and not page.line_of(MARKER):
            yield Problem(page.display, None, "the booklets index has no place for the list of booklets",
                          f"add a line with only {MARKER} where the list must appear")


CHECKS = [front_matter, same_facts, texts_present, index_lists_booklets]


# --- Views -------------------------------------------------------------------------------------

def format_period(period: Period, texts: BookletTexts) -> str:
    """``2025``, ``septembre 2022 – mars 2023``: the period in the reader's words."""
    def show(when: YearMonth) -> str:
        return f"{texts.months[when.month - 1]} {when.year}" if when.month else str(when.year)
    start, end = show(period.start), show(period.end)
    return start if start == end else f"{start} – {end}"


def pdf_url(site: Site, booklet: Booklet) -> str:
    """Where a booklet's PDF is published: beside the booklets index of its language."""
    return html.page_url(site, booklet.lang, INDEX) + booklet.pdf_name


def pdf_href(site: Site, booklet: Booklet, from_rel: str) -> str:
    """The relative link to a booklet's PDF from the page ``from_rel`` of the same language."""
    return posixpath.relpath(pdf_url(site, booklet), html.page_url(site, booklet.lang, from_rel))


def index_markdown(site: Site, lang: str) -> str:
    """The list of every booklet of ``lang``: title, territory, period, themes, page and PDF."""
    texts, _ = read_texts(site, lang)
    if texts is None:
        return ""
    items = []
    newest_first = sorted((b for b in load_booklets(site) if b.lang == lang),
                          key=lambda b: (-b.period.start.year, -b.period.start.month, b.title))
    for booklet in newest_first:
        lines = [f"- **[{_escape(booklet.title)}]({booklet.slug}.md)**",
                 f"{texts.label('territory')} {_escape(booklet.territory)}",
                 f"{texts.label('period')} {format_period(booklet.period, texts)}",
                 f"{texts.label('themes')} {_escape(', '.join(booklet.themes))}"]
        if booklet.pdf:
            lines.append(f'<a href="{pdf_href(site, booklet, INDEX)}" download type="application/pdf" '
                         f'hreflang="{lang}">{_escape(texts.pdf_link)}</a>')
        items.append("  \n  ".join(lines))
    return '<div class="rc-booklets" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


def fill_index(markdown: str, site: Site, lang: str, src_uri: str) -> str:
    """The booklets index page with its list of booklets in place of the marker (other pages unchanged)."""
    if src_uri != f"{lang}/{INDEX}" or MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, index_markdown(site, lang))


def _escape(text: str) -> str:
    """Text that Markdown and HTML show as written."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)
