"""page-validation (PyPI, Rust) with its PDF/UA-1 profile on every PDF of the built site."""
from __future__ import annotations

from pathlib import Path

import page


def pdf_ua_failures(site: Path) -> list[str]:
    """Every PDF/UA-1 rule that a PDF of ``site`` breaks: ``file: RULE-ID message``."""
    found = []
    for path in sorted(site.rglob("*.pdf")):
        result = page.validate_pdf(str(path), profile="ua1")
        found += [f"{path.relative_to(site)}: {failure.rule_id} {failure.message}" for failure in result.failures]
        if not result.failures and not result.is_compliant:
            found.append(f"{path.relative_to(site)}: not PDF/UA-1 compliant")
    return found


def pdf_count(site: Path) -> int:
    """How many PDFs the site has (the check must not pass on none)."""
    return sum(1 for _ in site.rglob("*.pdf"))
