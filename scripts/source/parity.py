"""Translation parity checks: pure functions over the site model, each returning problems."""
from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from ..problems import Problem
from .config import language_options
from .links import broken_links
from .model import Check, Page, Site, link_counts
from .pending import MARK, pending_ids, pending_lines


def pairs(site: Site) -> Iterator[tuple[Page, Page]]:
    """Each page of the default language with its counterpart in every other language."""
    for rel in site.rels():
        first = site.page(site.default_language, rel)
        for lang in site.languages:
            other = site.page(lang, rel)
            if first and other and other is not first and first.readable and other.readable:
                yield first, other


def missing_pages(site: Site) -> Iterator[Problem]:
    """Every page exists in every language, unless it is marked ``translation: pending``."""
    for rel in site.rels():
        present = [site.page(lang, rel) for lang in site.languages]
        for lang, page in zip(site.languages, present):
            if page is not None:
                continue
            source = next(p for p in present if p is not None)
            if not source.pending:
                yield Problem(source.display, 1, f"this page has no {lang.upper()} version "
                              f"({site.show(site.docs / lang / rel)} is missing)",
                              "add that file, or put 'translation: pending' in this page's front matter")
            elif source.lang != site.default_language:
                yield Problem(source.display, source.meta_lines.get("translation", 1),
                              f"a page can wait for its translation only if it is written in "
                              f"{site.default_language.upper()}, the site's main language",
                              f"write {site.show(site.docs / site.default_language / rel)} first")


def heading_ids(site: Site) -> Iterator[Problem]:
    """Headings below the title carry explicit ids, the same ones in the same order in every language."""
    for page in site.pages.values():
        for heading in page.headings:
            if heading.level > 1 and not heading.id:
                yield Problem(page.display, heading.line, f"the heading '{heading.text}' has no id",
                              "add one at the end, the same in every language, e.g. {#my-section}")
    for first, other in pairs(site):
        yield from _heading_order(first, other)


def _heading_order(first: Page, other: Page) -> Iterator[Problem]:
    """The headings of two languages of a page, compared in order (those awaiting their translation left out):
    an inserted or removed heading is told in the file that has it, at its line."""
    lists = [[h for h in page.headings if h.level > 1 and h.id and h.id not in pending_ids(page, far)]
             for page, far in ((first, other), (other, first))]
    ids = [[h.id for h in headings] for headings in lists]
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, ids[0], ids[1], autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and a2 - a1 == b2 - b1:
            for a, b in zip(lists[0][a1:a2], lists[1][b1:b2]):
                yield Problem(other.display, b.line, f"heading id #{b.id} differs from #{a.id} at the same place "
                              f"in {first.display}", "use the same ids, in the same order, in both languages")
            continue
        for page, far, extra in ((first, other, lists[0][a1:a2]), (other, first, lists[1][b1:b2])):
            for heading in extra:
                yield Problem(page.display, heading.line, f"the heading #{heading.id} has no counterpart in "
                              f"{far.display}", f"add the same heading there, at the same place; or, to publish "
                              f"it before its translation, put {MARK} on the line under this heading")


def links(site: Site) -> Iterator[Problem]:
    """The same internal links, images and downloads in every language. Links in a section awaiting its
    translation are left out; and a broken link is told once, by the link check, not again here as a link
    without counterpart (in either language)."""
    for first, other in pairs(site):
        left_out = pending_lines(first, other), pending_lines(other, first)
        counts = link_counts(first, left_out[0]), link_counts(other, left_out[1])
        broken = [bool(broken_links(site, page)) for page in (first, other)]
        for page, mine, theirs, counterpart, skip in ((first, counts[0], counts[1], other, any(broken)),
                                                       (other, counts[1], counts[0], first, any(broken))):
            if skip:
                continue
            for target in sorted(mine - theirs):
                line = _extra_link_line(page, counterpart, target)
                yield Problem(page.display, line, f"the link to '{target}' has no counterpart in {counterpart.display}",
                              "link to the same page, image or file in both languages")


def _extra_link_line(page: Page, counterpart: Page, target: str) -> int:
    """The line of the link to ``target`` that the counterpart lacks: the first one in a section that has fewer
    such links there (a new section, or a link added to one), else the first one."""
    def per_section(of: Page) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for link in of.links:
            if link.target == target and link.is_internal:
                section = [s.id for s in of.sections if s.line <= link.line][-1:] or [""]
                found.setdefault(section[0], []).append(link.line)
        return found

    mine, theirs = per_section(page), per_section(counterpart)
    extra = [lines[len(theirs.get(section, [])):] for section, lines in mine.items()]
    return min((lines[0] for lines in extra if lines), default=min(line for lines in mine.values() for line in lines))


def numbers(site: Site) -> Iterator[Problem]:
    """Each section holds the same numbers in every language (dates, counts, hours, years)."""
    for first, other in pairs(site):
        theirs = {section.id: section for section in other.sections}
        for mine in first.sections:
            counterpart = theirs.get(mine.id)
            if counterpart is None:
                continue
            allowed = mine.allowed | counterpart.allowed
            for page, a, b, far in ((first, mine, counterpart, other), (other, counterpart, mine, first)):
                for value, line in sorted(a.numbers.items(), key=lambda item: item[1]):
                    if value not in b.numbers and value not in allowed:
                        where = f"section #{a.id}" if a.id else "the top of the page"
                        yield Problem(page.display, line, f"the number {value} in {where} is not in "
                                      f"the same section of {far.display}",
                                      f"correct one of the two, or mark a justified difference "
                                      f"in the section with <!-- numbers-differ: {value} -->")


def front_matter_keys(site: Site) -> Iterator[Problem]:
    """The same front-matter fields in every language."""
    for first, other in pairs(site):
        for page, far in ((first, other), (other, first)):
            for key in sorted(set(page.meta) - set(far.meta) - {"translation"}):
                yield Problem(page.display, page.meta_lines.get(key, 1), f"the front-matter field '{key}' "
                              f"is not in {far.display}", "use the same fields in both languages")


def cross_language_links(site: Site) -> Iterator[Problem]:
    """No link from one language's folder into another's (MkDocs rewrites or breaks them)."""
    for page in site.pages.values():
        for link in page.links:
            if link.in_html or not link.is_internal or not (link.target.startswith("..") or link.raw.startswith("/")):
                continue
            other = next((lang for lang in site.languages if link.target.startswith(f"../{lang}/")), None)
            reason = f"it points into the {other.upper()} folder" if other else "it leaves the language folder"
            yield Problem(page.display, link.line, f"the link '{link.raw}' cannot work: {reason}",
                          "link to the page of the same language (the language switcher leads to the other one)")


def navigation(site: Site) -> Iterator[Problem]:
    """Every navigation entry exists and has a title in every language."""
    translations = {lang.get("locale"): lang.get("nav_translations") or {} for lang in language_options(site.config)}
    sections, rels = _nav_items(site.config.get("nav") or [])
    for title in sections:
        for lang in site.languages:
            if lang != site.default_language and title not in translations.get(lang, {}):
                yield Problem("mkdocs.yml", site.config_line(title),
                              f"the menu section '{title}' has no {lang.upper()} title",
                              f"add '{title}: ...' under nav_translations of '{lang}'")
    for rel in rels:
        pending = any(p.pending for p in (site.page(lang, rel) for lang in site.languages) if p)
        for lang in site.languages:
            page = site.page(lang, rel)
            if page is None and not pending:
                yield Problem("mkdocs.yml", site.config_line(rel), f"the menu entry '{rel}' leads to "
                              f"a page that does not exist in {lang.upper()} ({site.show(site.docs / lang / rel)})",
                              "create the page or remove the entry from nav")
            elif page is not None and page.readable and not page.title:
                yield Problem(page.display, page.meta_lines.get("title", 1), "this page has no title for the menu",
                              "add 'title: ...' to the front matter or a '# Title' line")


def _nav_items(items: list[Any]) -> tuple[list[str], list[str]]:
    """The titles of the menu's sections and the pages it lists (links to other sites left out)."""
    sections: list[str] = []
    rels: list[str] = []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    sections.append(title)
                    more = _nav_items(value)
                    sections += more[0]
                    rels += more[1]
                elif isinstance(value, str) and not value.startswith(("http://", "https://")):
                    rels.append(value)
        elif isinstance(item, str):
            rels.append(item)
    return sections, rels


CHECKS: list[Check] = [missing_pages, heading_ids, links, numbers, front_matter_keys,
                       cross_language_links, navigation]

