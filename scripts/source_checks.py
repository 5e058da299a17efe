"""Every check of the Markdown sources, in the order they run. A new check goes in its module's CHECKS,
and a new module's CHECKS here."""
from __future__ import annotations

from .features.booklets.checks import CHECKS as BOOKLET_CHECKS
from .features.glossary.checks import CHECKS as GLOSSARY_CHECKS
from .features.i18n_status.checks import CHECKS as I18N_CHECKS
from .features.not_found.texts import CHECKS as NOT_FOUND_CHECKS
from .features.offline.checks import CHECKS as OFFLINE_CHECKS
from .features.page_foot.checks import CHECKS as PAGE_FOOT_CHECKS
from .features.poster.texts import CHECKS as POSTER_CHECKS
from .features.programme.checks import CHECKS as PROGRAMME_CHECKS
from .features.read_aloud.texts import CHECKS as READ_ALOUD_CHECKS
from .features.readability.model import CHECKS as READABILITY_CHECKS
from .features.search_words.checks import CHECKS as SEARCH_WORD_CHECKS
from .features.shared_texts.checks import CHECKS as SHARED_TEXT_CHECKS
from .features.zim.publish import CHECKS as ZIM_CHECKS
from .problems import Check, Problem
from .source.files import CHECKS as FILE_CHECKS
from .source.language import CHECKS as LANGUAGE_CHECKS
from .source.links import CHECKS as LINK_CHECKS
from .source.locales import CHECKS as LOCALE_CHECKS
from .source.maintained import CHECKS as MAINTAINED_CHECKS
from .source.model import Site
from .source.parity import CHECKS as PARITY_CHECKS
from .source.pending import CHECKS as PENDING_CHECKS
from .source.safety import CHECKS as SAFETY_CHECKS
from .source.scaffold import left_to_fill
from .source.writing import CHECKS as WRITING_CHECKS

SOURCE_CHECKS: list[Check] = [*MAINTAINED_CHECKS, *FILE_CHECKS, *PARITY_CHECKS, *PENDING_CHECKS, *LINK_CHECKS,
                              *LANGUAGE_CHECKS, *LOCALE_CHECKS, *SAFETY_CHECKS, *I18N_CHECKS,
                              *BOOKLET_CHECKS, *PROGRAMME_CHECKS, *READABILITY_CHECKS, *GLOSSARY_CHECKS,
                              *SEARCH_WORD_CHECKS, *OFFLINE_CHECKS, *PAGE_FOOT_CHECKS, *SHARED_TEXT_CHECKS,
                              *WRITING_CHECKS, *READ_ALOUD_CHECKS, *POSTER_CHECKS, *ZIM_CHECKS, *NOT_FOUND_CHECKS]


def source_warnings(site: Site) -> list[Problem]:
    """What the editor should check, which never fails a build: a page left to fill."""
    return left_to_fill(site)


def check_sources(site: Site) -> list[Problem]:
    """All source problems: those met while reading the files, then every check above."""
    problems = list(site.problems)
    for check in SOURCE_CHECKS:
        problems.extend(check(site))
    return problems
