"""All five judges, one after the other, on a built site: what `make judges` prints."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .grammalecte import grammalecte_faults
from .lychee import broken_links
from .pdf_ua import pdf_ua_failures
from .tools import MissingJudgeError
from .vnu import vnu_errors
from .zizmor import workflow_findings


def judges(root: Path, site: Path) -> list[tuple[str, Callable[[], list[str]]]]:
    """Each judge's name and how to run it."""
    return [("vnu (HTML of every page)", lambda: vnu_errors(site)),
            ("page-validation (PDF/UA-1 of every PDF)", lambda: pdf_ua_failures(site)),
            ("Grammalecte (French typography and spelling)", lambda: grammalecte_faults(site)[0]),
            ("lychee (links and #fragments, offline)", lambda: broken_links(site)[0]),
            ("zizmor (GitHub workflows, medium and high)", lambda: workflow_findings(root / ".github/workflows"))]


def run_judges(root: Path, site: Path, say: Callable[[str], None] = print) -> int:
    """Run every judge and print its findings; the number of findings (a judge that is missing counts one)."""
    total = 0
    for name, judge in judges(root, site):
        try:
            findings = judge()
        except MissingJudgeError as error:
            findings = [str(error)]
        total += len(findings)
        say(f"{name}: {len(findings) or 'nothing'} found" + "".join(f"\n  {finding}" for finding in findings))
    return total
