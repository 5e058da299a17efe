"""Every feature, in one table: its texts, its model, its checks, its page hooks and its pipeline stage.

The MkDocs hooks (mkdocs_glue/hooks.py) run each event's page hooks in the order of ``FEATURES``, and the pipeline
runs the features' stages in that order too: the order is written here, once. A new feature is its folder, one
entry here and its texts in mkdocs.yml. (This table is not ``features/__init__.py``: importing one feature must not
import every other one.)
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem
from ..source import files, language, links, locales, maintained, parity, pending, safety, writing
from ..source.model import Check, Site
from ..source.parse import load_site
from ..source.scaffold import left_to_fill
from ..source.texts import read, unknown
from .booklets import checks as booklet_checks
from .booklets import index as booklet_index
from .booklets import model as booklets
from .booklets import publish as booklet_pdfs
from .feature import Feature, Stage
from .glossary import checks as glossary_checks
from .glossary import model as glossary
from .glossary import render as glossary_render
from .i18n_status import checks as status_checks
from .i18n_status import model as status
from .i18n_status import pages as status_pages
from .offline import checks as offline_checks
from .offline import model as offline
from .offline import page as offline_page
from .offline import worker as offline_worker
from .page_foot import printing
from .page_foot import render as page_foot
from .page_foot import texts as page_foot_texts
from .page_frame import texts as page_frame
from .pending import render as pending_render
from .poster import publish as poster
from .poster import texts as poster_texts
from .programme import calendar
from .programme import checks as programme_checks
from .programme import model as programme
from .programme import render as programme_render
from .question_list import render as question_list
from .read_aloud import render as read_aloud
from .read_aloud import texts as read_aloud_texts
from .readability import model as readability
from .search_words import checks as search_words
from .shared_texts import checks as shared_checks
from .shared_texts import model as shared
from .shared_texts import render as shared_render
from .typography import spacing
from .zim import publish as zim

FEATURES: list[Feature] = [
    Feature("programme", texts=programme.TEXTS, checks=programme_checks.CHECKS, content=programme_render.on_content,
            post_build=calendar.on_post_build),
    Feature("shared_texts", texts=shared.TEXTS, load=lambda site: [shared.read_texts(site, lang) for lang in
            site.languages], checks=shared_checks.CHECKS, content=shared_render.on_content),
    Feature("printing", content=printing.on_content),
    Feature("i18n_status", texts=status_pages.TEXTS, load=lambda site: status.load_status(site.root, site),
            checks=status_checks.CHECKS, content=status_pages.on_status_page),
    Feature("glossary", texts=glossary.TEXTS, load=lambda site: [glossary.read_glossary(site, lang) for lang in
            site.languages], checks=glossary_checks.CHECKS, content=glossary_render.on_content),
    Feature("question_list", texts=question_list.TEXTS, content=question_list.on_content),
    Feature("pending", texts=pending_render.TEXTS, checks=pending.CHECKS, markdown=pending_render.on_markdown,
            content=pending_render.on_content),
    Feature("outdated_notice", content=status_pages.on_outdated_page),
    Feature("booklets", texts=booklets.TEXTS, load=booklets.load_booklets, checks=booklet_checks.CHECKS,
            markdown=booklet_index.on_markdown, stage=Stage("booklet pdfs", booklet_pdfs.booklet_stage)),
    Feature("offline", texts=offline.TEXTS, checks=offline_checks.CHECKS, content=offline_page.on_content,
            post_build=offline_page.on_post_build),
    Feature("read_aloud", texts=read_aloud_texts.TEXTS, content=read_aloud.on_content),
    Feature("page_foot", texts=page_foot_texts.TEXTS, content=page_foot.on_content),
    Feature("page_frame", texts=page_frame.TEXTS, checks=page_frame.CHECKS),  # the footer's links, the 404 page
    Feature("readability", load=readability.read_settings, checks=readability.CHECKS),
    Feature("search_words", checks=search_words.CHECKS),
    Feature("typography", page=spacing.on_page),
    Feature("poster", texts=poster_texts.TEXTS, stage=Stage("posters", poster.poster_stage)),
    Feature("zim", texts=zim.TEXTS, stage=Stage("zim", zim.zim_stage)),  # after every PDF; its link before the checks
    Feature("offline_worker", stage=Stage("offline worker", offline_worker.worker_stage, when="final")),
]
# The checks of the sources that belong to no feature: before the features' (the settings, the files, the two
# languages side by side, links, safety) and after them (the writing rules).
FIRST_CHECKS: list[Check] = [*maintained.CHECKS, *files.CHECKS, *locales.CHECKS, *parity.CHECKS, *links.CHECKS,
                             *language.CHECKS, *safety.CHECKS]
LAST_CHECKS: list[Check] = [*writing.CHECKS]


def load(root: Path, config_file: Path | None = None) -> Site:
    """The model of the project at ``root``: its pages, then every feature's texts and model (the translation
    status, the booklets, the glossaries…), each read once; their problems are the checks' to tell."""
    site = load_site(root, config_file)
    for lang in site.languages:
        locales.read_language(site, lang)
    for feature in FEATURES:
        for lang in site.languages:
            read(site, lang, feature.texts)
        if feature.load is not None:
            feature.load(site)
    return site


def texts_valid(site: Site) -> Iterator[Problem]:
    """Every text of every feature in every language, as its feature declares it; and no text no feature reads."""
    known = {key for feature in FEATURES for key in feature.texts}
    for lang in site.languages:
        for feature in FEATURES:
            yield from read(site, lang, feature.texts).problems
        yield from unknown(site, lang, known)


def checks() -> list[Check]:
    """Every check of the sources, in the order they run."""
    return [*FIRST_CHECKS, texts_valid, *(check for feature in FEATURES for check in feature.checks), *LAST_CHECKS]


def check_sources(site: Site) -> list[Problem]:
    """All source problems: those met while reading the files, then every check."""
    problems = list(site.problems)
    for check in checks():
        problems.extend(check(site))
    return problems


def source_warnings(site: Site) -> list[Problem]:
    """What the editor should check, which never fails a build: a page left to fill."""
    return left_to_fill(site)
