"""A booklet's front matter as a typed model, and the words readers see around booklets.

A booklet is ``docs/<lang>/booklets/<slug>.md`` (``index.md`` excluded). Its reader-facing words
(labels, button text, month names) live in mkdocs.yml under each language's ``extra.messages.booklet``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from ...problems import Problem
from ...source.fields import (
    COUNT,
    INVALID,
    SLUG_PATTERN,
    TEXT,
    WEB_ADDRESSES,
    YEAR_MONTH,
    YES_NO,
    FieldReader,
    Kind,
    Schema,
    one_of,
)
from ...source.fields import TEXTS as TEXT_LIST
from ...source.model import Page, Site
from ...source.texts import Texts, exactly, read, with_names

FOLDER = "booklets"
INDEX = f"{FOLDER}/index.md"
MARKER = "<!-- booklets:list -->"
PDF_PREFIX = "resilient-cities"
EXAMPLE = "see docs/fr/booklets/est-ensemble.md for an example"
# What a page is: a real booklet of co-created recommendations, or a summary of public facts about a project.
KINDS = ("booklet", "summary")
KIND_TEXTS = ("label", "kicker", "web_address")
SCHEMA = Schema({
    "kind": one_of(KINDS), "programme": YES_NO, "title": TEXT, "description": TEXT, "territory": TEXT,
    "partners": TEXT_LIST, "themes": TEXT_LIST, "summary": TEXT, "sources": WEB_ADDRESSES, "pdf": YES_NO,
    "period": Schema({"start": YEAR_MONTH, "end": YEAR_MONTH},
                     expected="two fields: start: 2022-09 and end: 2023-03 on two indented lines"),
    "participants": Schema({"newcomers": COUNT, "local_actors": COUNT},
                           expected="two fields: newcomers: 14 and local_actors: 20 on two indented lines"),
}, closed=False)


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
class Count:
    """How many people took part; ``approximate`` when the source says "about"."""

    value: int
    approximate: bool = False


@dataclass(frozen=True)
class Participants:
    newcomers: Count
    local_actors: Count


@dataclass(frozen=True)
class Booklet:
    """One booklet in one language, as its front matter describes it."""

    lang: str
    slug: str
    display: str            # the Markdown file, as shown to editors
    kind: str               # booklet or summary: the words around it follow (texts.kinds)
    programme: bool         # part of Resilient Cities (false: an earlier PLACE Network project, not branded so)
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
class KindTexts:
    """The words that depend on what a page is (``kind:``), in one language."""

    label: str           # above the page's title and in the index, e.g. "Fiche projet"
    kicker: str          # above the title on the PDF's cover
    web_address: str     # before the page's address on the cover, e.g. "Cette fiche en ligne :"


@dataclass(frozen=True)
class BookletTexts:
    """The words readers see around booklets, in one language (mkdocs.yml, ``extra.messages.booklet``)."""

    download: str        # button; placeholders {size} and {pages}
    pdf_link: str        # link to the PDF in the index
    kinds: dict[str, KindTexts]  # by kind: booklet, summary
    territory: str
    period: str
    themes: str
    language: str
    language_name: str
    contents: str
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


def is_booklet(rel: str) -> bool:
    """``booklets/<slug>.md``, the index excluded."""
    folder, _, name = rel.rpartition("/")
    return folder == FOLDER and name.endswith(".md") and name != "index.md"


def booklet_pages(site: Site) -> Iterator[Page]:
    for (_, rel), page in sorted(site.pages.items()):
        if is_booklet(rel):
            yield page


def parse(page: Page) -> tuple[Booklet | None, list[Problem]]:
    """The booklet described by a page's front matter, or the problems that stop it being read.
    Read once, then kept."""
    return page.once("booklet", lambda: _parse(page))


def _parse(page: Page) -> tuple[Booklet | None, list[Problem]]:
    reader = FieldReader(page, "", EXAMPLE)
    slug = page.rel[len(FOLDER) + 1: -len(".md")]
    if not SLUG_PATTERN.match(slug):
        reader.problems.append(Problem(page.display, None, f"the file name '{slug}.md' cannot name a booklet's PDF",
                                       "use only small letters without accents, digits and hyphens, "
                                       "e.g. lyon-2026.md"))
    values = reader.read((), page.meta, SCHEMA, "the booklet")
    if values is None or reader.problems:
        return None, reader.problems
    values.pop("description")  # for search engines and link previews (seo.py), not part of the booklet
    dates = values.pop("period")
    period = Period(YearMonth(*dates["start"]), YearMonth(*dates["end"]))
    if period.end < period.start:
        return None, [Problem(page.display, page.field_line(("period", "end")),
                              "the field 'period.end' is before 'period.start'",
                              "write the first month (or year) in start and the last one in end")]
    counts = {name: Count(*count) for name, count in values.pop("participants").items()}
    booklet = Booklet(lang=page.lang, slug=slug, display=page.display, period=period,
                      participants=Participants(**counts), **values)
    return booklet, []


def load_booklets(site: Site) -> list[Booklet]:
    """Every booklet whose front matter is valid, in every language (read once, then kept)."""
    return site.once("booklets", lambda: [booklet for page in booklet_pages(site) if (booklet := parse(page)[0])
                                          is not None])


MONTHS = Kind("a list of the 12 months' names, e.g. [janvier, février, …]",
              lambda value: tuple(value) if isinstance(value, list) and len(value) == 12
              and all(isinstance(month, str) and month.strip() for month in value) else INVALID)
TEXTS: Texts = {"booklet": Schema({
    **{item.name: TEXT for item in fields(BookletTexts)},
    "download": with_names("size", "pages"), "kilobytes": with_names("value"), "megabytes": with_names("value"),
    "colon": Kind("a text, e.g. ':' or ' :' (in quotes)", lambda value: value if isinstance(value, str) and value.strip()
                  else INVALID),
    "months": MONTHS,
    "kinds": exactly(KINDS, exactly(KIND_TEXTS)),
})}


def read_texts(site: Site, lang: str) -> tuple[BookletTexts | None, list[Problem]]:
    """The reader-facing words of ``lang`` from mkdocs.yml, or the problems that stop them being read."""
    found = read(site, lang, TEXTS)
    if found.problems:
        return None, list(found.problems)
    values = dict(found.values["booklet"])
    values["kinds"] = {kind: KindTexts(**texts) for kind, texts in values["kinds"].items()}
    return BookletTexts(**values), []
