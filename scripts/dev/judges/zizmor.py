"""zizmor (PyPI), offline, on the GitHub workflows: findings of medium or high severity."""
from __future__ import annotations

import json
from pathlib import Path

from .tools import program, run


def workflow_findings(workflows: Path) -> list[str]:
    """Each finding of medium or high severity: ``file:line: audit: what``."""
    result = run([program("zizmor"), "--offline", "--no-progress", "--format", "json", "--min-severity", "medium",
                  str(workflows)])
    try:
        findings = json.loads(result.stdout)
    except ValueError as error:
        raise RuntimeError(f"zizmor did not answer in JSON ({error}): {result.stderr[:500]}") from error
    found = []
    for finding in findings:
        location = finding["locations"][0]["symbolic"] if finding.get("locations") else {}
        where = location.get("key", {}).get("Local", {}).get("verbatim_path", "?")
        found.append(f"{where}: {finding.get('ident')}: {finding.get('desc')}")
    return found
