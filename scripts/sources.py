"""The Markdown sources parsed once into a site model: pages, front matter, headings, links, numbers.

Every check works on this model; nothing here depends on MkDocs.
"""
from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{([^}]*)\})?[ \t]*#*[ \t]*$")
HEADING_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9_-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
MD_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
HTML_LINK = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""")
NUMBER_MARK = re.compile(r"<!--\s*numbers-differ:\s*([^>]*?)\s*-->")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
# What is not prose for the number check: code, link targets, attribute lists, tags, URLs, list markers.
NOT_PROSE = [
    re.compile(r"`[^`]*`"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[^}]*\}"),
    re.compile(r"<[^>]*>"),
    re.compile(r"https?://\S+"),
    re.compile(r"^\s*\d+[.)]\s"),
]
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
THOUSANDS = re.compile(r"(?<=\d)[\u00a0\u202f ,](?=\d{3}\b)")
YAML_DATE = re.compile(r":\s*(\d{4})-(\d{2})-(\d{2})\s*(?:#.*)?$")


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Link:
    """A link, image or download in a page; ``target`` is resolved against the language folder."""

    raw: str
    target: str
    line: int
    is_image: bool
    in_html: bool = False  # written as raw HTML: relative to the built page's URL, not to the file

    @property
    def is_internal(self) -> bool:
        return not SCHEME.match(self.raw)


@dataclass
class Section:
    """The text between two headings; ``id`` is the heading's id ("" before the first heading)."""

    id: str
    line: int
    numbers: dict[str, int] = field(default_factory=dict)  # number -> first line
    allowed: set[str] = field(default_factory=set)         # marked as a justified difference


@dataclass
class Page:
    lang: str
    rel: str              # path inside the language folder, e.g. "faq.md"
    path: Path            # path on disk
    display: str          # path as shown to editors, e.g. "docs/fr/faq.md"
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    readable: bool = True  # False when the file or its front matter could not be read

    @property
    def pending(self) -> bool:
        return self.meta.get("translation") == "pending"

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title
        h1 = next((h for h in self.headings if h.level == 1), None)
        return h1.text if h1 else None

    def line_of(self, text: str) -> int | None:
        """First line of the page's file that contains ``text`` (for engine messages)."""
        for number, line in enumerate(self.path.read_text("utf-8", "replace").splitlines(), 1):
            if text in line:
                return number
        return None


@dataclass
class Site:
    root: Path
    docs: Path
    languages: list[str]
    default_language: str
    config: dict[str, Any]
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def page(self, lang: str, rel: str) -> Page | None:
        return self.pages.get((lang, rel))

    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def show(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!ENV [NAME, default]`` gives the default, other tags None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV NAME`` and ``!ENV [NAME, ..., default]``."""
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None  # type: ignore[arg-type]
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data."""
    with config_file.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    return data if isinstance(data, dict) else {}


def i18n_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the mkdocs-static-i18n plugin in mkdocs.yml."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def load_site(root: Path, config_file: Path | None = None) -> Site:
    """Parse every Markdown page of every language folder into one model."""
    config = read_config(config_file or root / "mkdocs.yml")
    docs = root / config.get("docs_dir", "docs")
    options = i18n_options(config)
    languages = [lang["locale"] for lang in options.get("languages", [])]
    default = next((lang["locale"] for lang in options.get("languages", []) if lang.get("default")), languages[0])
    site = Site(root=root, docs=docs, languages=languages, default_language=default, config=config)
    for lang in languages:
        folder = docs / lang
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            page = Page(lang=lang, rel=rel, path=path, display=site.show(path))
            site.pages[(lang, rel)] = page
            problems = parse_page(page)
            page.readable = not problems
            site.problems.extend(problems)
    return site


def parse_page(page: Page) -> list[Problem]:
    """Fill ``page`` from its file; return the problems that stop it being read."""
    try:
        text = page.path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = page.path.read_bytes()[: error.start].count(b"\n") + 1
        return [Problem(page.display, line, "this file is not UTF-8 text",
                        "save it again as UTF-8 in your editor")]
    lines = text.splitlines()
    body_start, problems = _parse_front_matter(page, lines)
    if problems:
        return problems
    _parse_body(page, lines, body_start)
    return []


def _parse_front_matter(page: Page, lines: list[str]) -> tuple[int, list[Problem]]:
    if not lines or lines[0].strip() != "---":
        return 0, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return 0, [Problem(page.display, 1, "the front matter that starts here is never closed",
                           "add a line with only --- after the last field")]
    block = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or "invalid YAML"
        return 0, [Problem(page.display, line, f"the front matter is not valid YAML: {reason}",
                           "check the indentation and put text with ':' or '#' in quotes")]
    except ValueError as error:  # YAML reads 2025-02-30 as a date, which does not exist
        line = next((n for n in range(2, end + 1) if _impossible_date(lines[n - 1])), 1)
        return 0, [Problem(page.display, line, f"the front matter holds a date that does not exist ({error})",
                           "write the date as YYYY-MM-DD, with a month from 01 to 12 and a day of that month")]
    if not isinstance(meta, dict):
        return 0, [Problem(page.display, 2, "the front matter must be a list of 'name: value' fields",
                           "write one 'name: value' a line between the two --- lines")]
    page.meta = meta
    for number in range(1, end):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[number])
        if key:
            page.meta_lines.setdefault(key.group(1), number + 1)
    return end + 1, []


def _impossible_date(line: str) -> bool:
    """A line whose unquoted YAML date (YYYY-MM-DD) is not a day of the calendar."""
    found = YAML_DATE.search(line)
    if not found:
        return False
    try:
        date(*(int(part) for part in found.groups()))
    except ValueError:
        return True
    return False


def _parse_body(page: Page, lines: list[str], start: int) -> None:
    section = Section(id="", line=start + 1)
    page.sections.append(section)
    in_fence = False
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            attrs = heading.group(3) or ""
            found = HEADING_ID.search(attrs)
            head = Heading(len(heading.group(1)), heading.group(2).strip(), found.group(1) if found else None, number)
            page.headings.append(head)
            if head.level > 1:
                section = Section(id=head.id or f"line-{number}", line=number)
                page.sections.append(section)
        for mark in NUMBER_MARK.finditer(line):
            section.allowed.update(_numbers(mark.group(1).replace(",", " ")))
        for match in MD_LINK.finditer(line):
            page.links.append(_link(page, match.group(2), number, bool(match.group(1))))
        for match in HTML_LINK.finditer(line):
            page.links.append(Link(match.group(2), match.group(2), number, match.group(1) == "src", in_html=True))
        prose = line if not heading else heading.group(2)
        for pattern in NOT_PROSE:
            prose = pattern.sub(" ", prose)
        for value in _numbers(prose):
            section.numbers.setdefault(value, number)


def _numbers(text: str) -> list[str]:
    text = THOUSANDS.sub("", text)
    return [value.replace(",", ".") for value in NUMBER.findall(text)]


def _link(page: Page, raw: str, line: int, is_image: bool) -> Link:
    link = Link(raw=raw, target=raw, line=line, is_image=is_image)
    if link.is_internal:
        path, _, anchor = raw.partition("#")
        if path:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        else:
            resolved = page.rel
        link.target = resolved + (f"#{anchor}" if anchor else "")
    return link


def link_counts(page: Page) -> Counter[str]:
    """Internal link targets of a page, counted (for comparing languages)."""
    return Counter(link.target for link in page.links if link.is_internal)
