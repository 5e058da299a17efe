"""Search in the reader's language: one search index per language, and each page pointed at its own.

Material's search plugin writes an index per language build, and mkdocs-static-i18n merges them at
the site root. Each non-default language's index is moved to its own root (``en/search/…``, locations
relative to ``/en/``) and left out of the merge (see ``hooks.on_post_build``), so the root index holds
the default language only. Each page's ``__config`` then names its language's root as the search
base, and our worker (``assets/javascripts/workers/site-search.js``), which wraps Material's worker
to compare words without accents and by stem.

A page's search words (``keywords:`` in its front matter, see ``features/search_words``) go into its own
entry of its language's index, in the field ``keywords``, which mkdocs.yml weighs like the title.
"""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from scripts.source.locales import search_language

INDEX = "search/search_index.json"
WORKER = "site-search.js"
KEYWORDS = "keywords"  # the index field of the search words (its weight: plugins.search.fields in mkdocs.yml)
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# What Jinja's ``tojson`` escapes, so the JSON cannot end the <script> element.
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def add_search_words(entries: list[dict[str, Any]], location: str, words: tuple[str, ...],
                     sections: dict[str, tuple[str, ...]] | None = None) -> None:
    """Give the page at ``location`` its search words (its own entry), and each of its sections (by heading id)
    the words of ``sections``."""
    wanted = {f"{location}#{section}": found for section, found in (sections or {}).items()}
    if words:
        wanted[location] = words
    for entry in entries:
        found = wanted.get(entry.get("location", ""))
        if found:
            entry[KEYWORDS] = " ".join(found)


def language_root(lang: str, default: str) -> str:
    """The folder of a language's pages, relative to the site root ("" for the default language)."""
    return "" if lang == default else f"{lang}/"


def language_index(data: dict[str, Any], lang: str, default: str, search: str | None = None) -> dict[str, Any]:
    """An index of ``lang``'s pages only, its locations made relative to that language's root; ``search``: lunr's
    language for it (``lang`` unless given: source/locales.py)."""
    root = language_root(lang, default)
    docs = [{**doc, "location": doc["location"][len(root):]} for doc in data.get("docs", [])
            if doc.get("location", "").startswith(root)]
    return {**data, "config": {**data.get("config", {}), "lang": [search or lang]}, "docs": docs}


def move_language_index(site_dir: Path, lang: str, default: str) -> Path | None:
    """Copy the index just written for ``lang`` (at the site root) to that language's root."""
    written = site_dir / INDEX
    if lang == default or not written.is_file():
        return None
    target = site_dir / language_root(lang, default) / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    index = language_index(json.loads(written.read_text("utf-8")), lang, default, search_language(lang, site_dir))
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def point_page_at_language(html: str, lang: str, default: str) -> str:
    """Make the page search its own language's index, with our worker."""
    def rewrite(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config["base"] = posixpath.join(config["base"], language_root(lang, default)) if lang != default \
            else config["base"]
        folder, material = posixpath.split(config["search"])
        config["search"] = f"{folder}/{WORKER}?material={material}"
        text = json.dumps(config, ensure_ascii=False, sort_keys=True)
        for char, escaped in HTML_SAFE.items():
            text = text.replace(char, escaped)
        return match.group(1) + text + match.group(3)

    return CONFIG_SCRIPT.sub(rewrite, html, count=1)
