"""Check of the configuration: every language has the texts of the outdated-page notice."""
from __future__ import annotations

from collections.abc import Iterator

from ...problems import Check, Problem
from ...source.config import language_options, messages
from ...source.model import Site

# The texts of the reader's notice, under languages[*].extra.messages in mkdocs.yml.
NOTICE_MESSAGES = {"outdated": ("{version}", "{date}"), "outdated_link": ("{version}",)}


def notice_messages(site: Site) -> Iterator[Problem]:
    """Every language has the texts of the outdated-page notice, naming every other language's version."""
    for options in language_options(site.config):
        lang = options.get("locale")
        texts = messages(site.config, str(lang))
        where = f"languages → {lang} → extra → messages"
        for key, fields in NOTICE_MESSAGES.items():
            text = texts.get(key)
            if not isinstance(text, str) or not all(f in text for f in fields):
                yield Problem("mkdocs.yml", None, f"the notice text '{key}' for {str(lang).upper()} is missing "
                              f"or lacks {' and '.join(fields)}", f"add it under {where} in the i18n plugin")
        versions = texts.get("versions") or {}
        for other in site.languages:
            if other != lang and not (isinstance(versions, dict) and versions.get(other)):
                yield Problem("mkdocs.yml", None, f"the {str(lang).upper()} notice has no name for the "
                              f"{other.upper()} version", f"add '{other}: ...' under {where} → versions")


CHECKS: list[Check] = [notice_messages]
