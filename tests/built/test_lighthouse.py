"""Lighthouse (pinned in tools/lighthouse/, Debian's Node and Chromium) on the built site served like its host:
100 in accessibility, best practices and SEO, and no layout shift, on the French home page and the English
eligibility page (both kinds of page, both languages; axe-core checks every page at two widths in test_browser.py).
The performance score moves with the machine's load: it is not audited here (`make lighthouse`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scripts.dev import lighthouse

PAGES = ["/", "/en/eligibility/"]


@pytest.mark.browser  # Lighthouse drives Chromium
def test_home_and_eligibility_pages_score_100_where_the_load_does_not_matter(built_site: Path) -> None:
    reports = lighthouse.audit_site(built_site, PAGES, runs=1, categories=lighthouse.STEADY)
    print(lighthouse.format_table(reports))
    assert [report.url for report in reports] == PAGES
    assert all(set(report.scores) == set(lighthouse.STEADY) for report in reports)
    assert not [(report.url, report.scores, report.layout_shift, report.below_100, report.shifted)
                for report in reports if not report.perfect]


def _result(accessibility: float, shift: float) -> dict[str, Any]:
    """A Lighthouse result reduced to what page_report reads."""
    audits = {"cumulative-layout-shift": {"score": 1, "scoreDisplayMode": "numeric", "numericValue": shift,
                                          "title": "Cumulative Layout Shift"},
              "layout-shifts": {"details": {"items": [{"node": {"selector": "p.rc-lead",
                                                                "nodeLabel": "Resilient Cities est un programme…"}}]
                                            if shift else []}},
              "aria-dialog-name": {"score": 0 if accessibility < 1 else 1, "scoreDisplayMode": "binary",
                                   "title": "Dialogs have names"},
              "cache-insight": {"score": 0, "scoreDisplayMode": "metricSavings", "title": "Use efficient cache"}}
    categories = {name: {"score": 1, "auditRefs": []} for name in lighthouse.CATEGORIES}
    categories["accessibility"] = {"score": accessibility, "auditRefs": [{"id": "aria-dialog-name", "weight": 7}]}
    categories["performance"]["auditRefs"] = [{"id": "cumulative-layout-shift", "weight": 25},
                                              {"id": "cache-insight", "weight": 0}]
    return {"categories": categories, "audits": audits}


def test_a_page_is_perfect_only_with_100_everywhere_and_no_shift() -> None:
    good = lighthouse.page_report("/", _result(1, 0))
    assert good.perfect and good.scores["accessibility"] == 100 and good.below_100 == () == good.shifted
    bad = lighthouse.page_report("/", _result(0.96, 0))
    assert not bad.perfect and bad.scores["accessibility"] == 96
    assert bad.below_100 == ("aria-dialog-name (0): Dialogs have names",)  # audits without weight left out
    moved = lighthouse.page_report("/", _result(1, 0.001))
    assert not moved.perfect and moved.shifted == ("p.rc-lead: Resilient Cities est un programme…",)
    table = lighthouse.format_table([good, bad, moved])
    assert "aria-dialog-name" in table and "/: moved: p.rc-lead" in table and "Every page" not in table
    assert "Every page" in lighthouse.format_table([good])


def test_a_missing_install_is_named_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(lighthouse.LighthouseMissingError, match="make setup"):
        lighthouse.audit_site(tmp_path, ["/"], tool_dir=tmp_path)
