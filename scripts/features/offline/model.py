"""What offline reading is made of: the pages kept for every reader, where the worker and the offline
pages are published, and the reader-facing texts (mkdocs.yml: ``extra.messages.offline``)."""
from __future__ import annotations

from ...source.fields import TEXT, Schema
from ...source.model import Site
from ...source.texts import Texts, block

# Kept on the device as soon as a reader opens any page of their language.
MAIN_PAGES = ("index.md", "faq.md", "eligibility.md", "take-part.md")
WORKER = "sw.js"                                     # at the site root: its scope is the whole site
WORKER_SOURCE = "assets/javascripts/service-worker.js"  # in docs/; published as WORKER only
PAGE_SCRIPT = "assets/javascripts/reader-tools.js"
OFFLINE_PAGE = "offline.html"                        # in each language's folder
BLOCK = "offline"
TEXTS: Texts = {BLOCK: Schema(dict.fromkeys(("note", "title", "text", "saved", "search"), TEXT))}


def offline_texts(site: Site, lang: str) -> dict[str, str]:
    """The texts of ``lang`` (the source checks report the missing ones)."""
    return block(site, lang, TEXTS, BLOCK)


def language_folder(site: Site, lang: str) -> str:
    """The folder of a language under the site root: "" for the default language, "en/" for English."""
    return site.page_url(lang, "index.md").lstrip("/")


def offline_page_path(site: Site, lang: str) -> str:
    """Where the offline page of ``lang`` is published, from the site root."""
    return language_folder(site, lang) + OFFLINE_PAGE
