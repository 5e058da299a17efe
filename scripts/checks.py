"""Every check of the Markdown sources, in the order they run. Add a module's checks here."""
from __future__ import annotations

from . import booklets, i18n_status, parity, programme
from .problems import Problem
from .sources import Site

SOURCE_CHECKS: list[parity.Check] = [*parity.CHECKS, *i18n_status.CHECKS, *booklets.CHECKS,
                                     *programme.CHECKS]


def check_sources(site: Site) -> list[Problem]:
    """All source problems: those met while reading the files, then every check above."""
    problems = list(site.problems)
    for check in SOURCE_CHECKS:
        problems.extend(check(site))
    return problems
