"""The Markdown sources parsed once into the site model: front matter (with the line of every
value), headings, links and the numbers of each section."""
from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from . import yaml_guard
from .config import i18n_options, language_options, read_config
from .limits import too_heavy
from .model import Heading, Link, Page, Section, Site, Where

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{([^}]*)\})?[ \t]*#*[ \t]*$")
HEADING_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9_-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
MD_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
HTML_LINK = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""")
NUMBER_MARK = re.compile(r"<!--\s*numbers-differ:\s*([^>]*?)\s*-->")
PENDING_MARK = re.compile(r"<!--\s*translation:\s*pending\s*-->")  # a section awaiting its translation
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


def load_site(root: Path, config_file: Path | None = None) -> Site:
    """Parse every Markdown page of every language folder into one model."""
    config_file = config_file or root / "mkdocs.yml"
    config = read_config(config_file)
    docs = root / config.get("docs_dir", "docs")
    options = i18n_options(config)
    languages = [lang["locale"] for lang in options.get("languages", [])]
    default = next((lang["locale"] for lang in options.get("languages", []) if lang.get("default")), languages[0])
    site = Site(root=root, docs=docs, languages=languages, default_language=default, config=config,
                config_lines=config_file.read_text("utf-8").splitlines())
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
    data = page.path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [Problem(page.display, line, "this file is not UTF-8 text",
                        "save it again as UTF-8 in your editor")]
    heavy = too_heavy(page.display, text)
    if heavy:
        return [heavy]  # no line kept: no other check reads the text
    page.lines = text.splitlines()
    body_start, problems = _parse_front_matter(page, page.lines)
    if problems:
        return problems
    page.body_start = body_start
    _parse_body(page, page.lines, body_start)
    return []


def _parse_front_matter(page: Page, lines: list[str]) -> tuple[int, list[Problem]]:
    if not lines or lines[0].strip() != "---":
        return 0, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return 0, [Problem(page.display, 1, "the front matter that starts here is never closed",
                           "add a line with only --- after the last field")]
    block = "\n".join(lines[1:end])
    refusal = yaml_guard.plain_yaml(block)
    if refusal:
        return 0, [Problem(page.display, refusal.line + 1, refusal.message, refusal.hint)]
    try:
        meta = yaml_guard.load(block) or {}
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
    page.field_lines, page.repeated_fields = _field_lines(block)
    if page.repeated_fields:
        where, line = page.repeated_fields[0]
        return 0, [Problem(page.display, line, f"the field '{'.'.join(map(str, where))}' is written twice in the "
                           "front matter: only the last one would count", "keep one of them")]
    return end + 1, []


def _field_lines(block: str, first_line: int = 2) -> tuple[dict[Where, int], list[tuple[Where, int]]]:
    """The file line of every value of a YAML block whose first line is the file's ``first_line`` (a front
    matter starts on line 2), by where it sits; and the keys written twice."""
    found: dict[Where, int] = {}
    repeated: list[tuple[Where, int]] = []

    def walk(node: yaml.Node, where: Where) -> None:
        if where:
            found.setdefault(where, node.start_mark.line + first_line)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                path = (*where, str(key.value))
                if key.value in seen:
                    repeated.append((path, key.start_mark.line + first_line))
                seen.add(key.value)
                found[path] = key.start_mark.line + first_line
                walk(value, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*where, index))

    root = yaml.compose(block, Loader=yaml_guard.LOADER)  # noqa: S506 - a safe loader
    if root is not None:
        walk(root, ())
    return found, repeated


def messages_block(site: Site, lang: str, key: str) -> Page:
    """A language's ``extra.messages.<key>`` in mkdocs.yml as a page-like block (see ``language_block``)."""
    return language_block(site, lang, "extra", "messages", key)


def language_block(site: Site, lang: str, *keys: str) -> Page:
    """A part of a language's block of the i18n plugin in mkdocs.yml (``"extra", "messages"``) as a page-like block
    for ``fields.FieldReader``: the data as ``meta``, and the line in mkdocs.yml of each of its values (of the block
    itself, or of the language, for a value that is missing)."""
    block = Page(lang=lang, rel="mkdocs.yml", path=site.root / "mkdocs.yml", display="mkdocs.yml")
    options = language_options(site.config)
    language = next((i for i, item in enumerate(options) if item.get("locale") == lang), None)
    data: Any = options[language] if language is not None else {}
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    block.meta = data if isinstance(data, dict) else {}
    plugins = site.config.get("plugins") or []
    plugin = next((i for i, item in enumerate(plugins) if isinstance(item, dict) and "i18n" in item), None)
    if plugin is None or language is None:
        return block
    start: Where = ("plugins", plugin, "i18n", "languages", language)
    lines, repeated = site.once("mkdocs.yml lines", lambda: _field_lines("\n".join(site.config_lines), first_line=1))
    prefix: Where = (*start, *keys)
    block.field_lines = {where[len(prefix):]: line for where, line in lines.items() if where[:len(prefix)] == prefix}
    block.meta_lines = {str(where[0]): line for where, line in block.field_lines.items() if len(where) == 1}
    block.meta_lines[""] = next((lines[where] for where in (prefix, *(prefix[:n] for n in range(len(prefix) - 1,
                                 len(start) - 1, -1))) if where in lines), 1)
    block.repeated_fields = [(where[len(prefix):], line) for where, line in repeated if where[:len(prefix)] == prefix]
    return block


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
        if PENDING_MARK.search(line):
            section.pending = number
        for mark in NUMBER_MARK.finditer(line):
            section.allowed.update(numbers(mark.group(1).replace(",", " ")))
        for match in MD_LINK.finditer(line):
            page.links.append(link(page, match.group(2), number, bool(match.group(1))))
        for match in HTML_LINK.finditer(line):
            page.links.append(Link(match.group(2), match.group(2), number, match.group(1) == "src", in_html=True))
        for value in prose_numbers(line if not heading else heading.group(2)):
            section.numbers.setdefault(value, number)


def prose_numbers(text: str) -> list[str]:
    """The numbers of a text's prose (code, link targets, tags, URLs and list markers left out)."""
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return numbers(text)


def numbers(text: str) -> list[str]:
    """Every number of ``text``, thousands separators removed and decimal commas as points."""
    text = THOUSANDS.sub("", text)
    return [value.replace(",", ".") for value in NUMBER.findall(text)]


def link(page: Page, raw: str, line: int, is_image: bool) -> Link:
    """A Markdown link of ``page``, its target resolved against the page's language folder."""
    found = Link(raw=raw, target=raw, line=line, is_image=is_image)
    if found.is_internal:
        path, _, anchor = raw.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path)) if path else page.rel
        found.target = resolved + (f"#{anchor}" if anchor else "")
    return found
