"""Outside judges (somebody else's validators, scripts/dev/judges/) on the suite's one build: none finds anything;
and each does report faults, on a small page, PDF and workflow made to have them.

Each judge runs once over every file it checks, so pages and PDFs added later are judged without a change here.
"""
from __future__ import annotations

from pathlib import Path

from scripts.dev.judges.grammalecte import grammalecte_faults
from scripts.dev.judges.lychee import broken_links
from scripts.dev.judges.pdf_ua import pdf_count, pdf_ua_failures
from scripts.dev.judges.vnu import vnu_errors
from scripts.dev.judges.zizmor import workflow_findings

from ..conftest import ROOT


def report(findings: list[str]) -> str:
    return f"{len(findings)} finding(s):\n" + "\n".join(findings[:60])


def test_the_nu_html_checker_finds_no_error_on_any_page(built_site: Path) -> None:
    assert (findings := vnu_errors(built_site)) == [], report(findings)


def test_every_pdf_conforms_to_pdf_ua_1(built_site: Path) -> None:
    assert pdf_count(built_site) >= 4  # the booklets in both languages
    assert (findings := pdf_ua_failures(built_site)) == [], report(findings)


def test_grammalecte_finds_no_typography_fault_nor_unknown_word_on_the_french_pages(built_site: Path) -> None:
    findings, blocks = grammalecte_faults(built_site)
    assert blocks > 300  # every French page was read
    assert findings == [], report(findings)


def test_lychee_finds_no_broken_link_nor_fragment(built_site: Path) -> None:
    findings, checked = broken_links(built_site)
    assert checked > 1000
    assert findings == [], report(findings)


def test_zizmor_finds_nothing_of_medium_or_high_severity_in_the_workflows() -> None:
    assert (findings := workflow_findings(ROOT / ".github/workflows")) == [], report(findings)

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title></head><body><article>
<p>Une formation de 12 heures. Un projet «\u00a0\u00a0Embrace\u00a0» .</p>
<p><a href="missing/">x</a> <a href="#nowhere">y</a></p>
<label for="x" tabindex="">z</label></article></body></html>
"""
WORKFLOW = """name: w
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""


def test_the_judges_report_what_is_wrong(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE, "utf-8")
    assert any("tabindex" in finding for finding in vnu_errors(site))
    faults = " ".join(grammalecte_faults(site)[0])
    assert "unit_nbsp_avant_unités1" in faults and "esp_insécables_multiples" in faults
    assert len(broken_links(site)[0]) == 2
    workflows = tmp_path / ".github/workflows"
    workflows.mkdir(parents=True)
    (workflows / "w.yml").write_text(WORKFLOW, "utf-8")
    assert any("unpinned-uses" in finding for finding in workflow_findings(workflows))


def test_pdf_ua_sees_a_list_whose_items_are_wrapped(tmp_path: Path) -> None:
    from weasyprint import HTML  # noqa: PLC0415 - loads Pango: only for this test

    HTML(string='<html lang="en"><title>t</title><dl><div><dt>a</dt><dd>b</dd></div></dl>').write_pdf(
        tmp_path / "list.pdf", pdf_variant="pdf/ua-1")
    assert any("PDFUA1-L-KIDS-001" in finding for finding in pdf_ua_failures(tmp_path))
