"""A new booklet in one command: its file in every language, made from the booklet schema, every field
written with an empty value marked TO FILL (and what it must be), so that the build lists what to fill in."""
from __future__ import annotations

from pathlib import Path

from ...problems import Problem
from ...source.fields import SLUG_PATTERN, Schema
from ...source.model import Site
from ...source.scaffold import TO_FILL, add_nav_entry, refuse_existing, write_versions
from .checks import SHARED
from .model import FOLDER, SCHEMA

BODY = """
<!-- TO FILL: the booklet's text, in plain words, under headings whose ids are the same in every language,
e.g. "## Summary {#summary}". Its title (the page's first heading) comes from 'title:' above. -->
"""


def front_matter(schema: Schema, indent: str = "") -> list[str]:
    """One line a field of ``schema``, its value left empty and marked with what it must be."""
    lines = []
    for name, kind in schema.fields.items():
        same = " (the same in every language)" if name in SHARED and not indent else ""
        if isinstance(kind, Schema):
            lines += [f"{indent}{name}:{f'  # {same.strip()}' if same else ''}", *front_matter(kind, indent + "  ")]
        else:
            lines.append(f"{indent}{name}:  {TO_FILL} {kind.expected}{same}")
    return lines


def new_booklet(site: Site, slug: str) -> tuple[list[Path], list[Problem]]:
    """Create ``booklets/<slug>.md`` in every language folder, and list it in the menu after the other booklets."""
    rel = f"{FOLDER}/{slug}.md"
    if not SLUG_PATTERN.match(slug):
        return [], [Problem("SLUG", None, f"'{slug}' cannot name a booklet (it names its PDF too)",
                            "use small letters without accents, digits and hyphens, e.g. lyon-2026")]
    problems = refuse_existing(site, rel)
    if problems:
        return [], problems
    text = "\n".join(["---", *front_matter(SCHEMA), "---", BODY])
    written = write_versions(site, rel, {lang: text for lang in site.languages})
    config = site.root / "mkdocs.yml"
    if add_nav_entry(config, rel, after=f"{FOLDER}/"):
        written.append(config)
    return written, []
