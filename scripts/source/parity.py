"""Translation parity checks: pure functions over the site model, each returning problems."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..problems import Check, Problem
from .config import language_options
from .model import Page, Site, link_counts


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
        ids = [[h.id for h in page.headings if h.level > 1 and h.id] for page in (first, other)]
        if ids[0] == ids[1]:
            continue
        for a, b in zip(*ids):
            if a != b:
                line = next(h.line for h in other.headings if h.id == b)
                yield Problem(other.display, line, f"heading id #{b} differs from #{a} at the same place "
                              f"in {first.display}", "use the same ids, in the same order, in both languages")
                break
        else:
            longer, shorter = (first, other) if len(ids[0]) > len(ids[1]) else (other, first)
            extra = [h for h in longer.headings if h.level > 1 and h.id][len(ids[1 if longer is first else 0]):]
            for heading in extra:
                yield Problem(longer.display, heading.line, f"the heading #{heading.id} has no counterpart "
                              f"in {shorter.display}", "add the same heading there, or remove this one")


def links(site: Site) -> Iterator[Problem]:
    """The same internal links, images and downloads in every language."""
    for first, other in pairs(site):
        counts = link_counts(first), link_counts(other)
        for page, mine, theirs, counterpart in ((first, counts[0], counts[1], other),
                                                 (other, counts[1], counts[0], first)):
            for target in sorted(mine - theirs):
                line = next(link.line for link in page.links if link.target == target)
                yield Problem(page.display, line, f"the link to '{target}' has no counterpart in {counterpart.display}",
                              "link to the same page, image or file in both languages")


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

