"""The texts of the 404 page, from each language's block of mkdocs.yml (``extra.messages.not_found``), with the
language's name (its ``name:``) and home: a language added to mkdocs.yml shows there with no other change."""
from __future__ import annotations

from typing import Any

from ...problems import Check
from ...source.config import language_options, message_block, texts_check

BLOCK = "not_found"
NAMES: dict[str, set[str]] = {
    "languages": set(),  # the name of the menu of languages
    "title": set(),      # "Page not found"
    "text": set(),       # what happened
    "link": set(),       # the link to the language's home page
}


def not_found_texts(config: dict[str, Any]) -> list[dict[str, str]]:
    """What the 404 page shows of each language, in the order of mkdocs.yml: its ``lang``, ``language`` (its
    name), ``home`` (from the site root: "" for the default language, "en/") and its texts."""
    languages = language_options(config)
    default = next((item.get("locale") for item in languages if item.get("default")),
                   languages[0].get("locale") if languages else None)
    return [{"lang": str(lang), "language": str(item.get("name") or lang), "home": "" if lang == default else f"{lang}/",
             **message_block(config, str(lang), BLOCK, NAMES)[0]} for item in languages if (lang := item.get("locale"))]


CHECKS: list[Check] = [texts_check(BLOCK, NAMES)]
