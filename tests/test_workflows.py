"""The pull-request workflows are safe for forks: the one that runs the pull request's code can write nothing,
and the one that can write (one permission) runs no code of the pull request; both agree on the comment's marker."""
from __future__ import annotations

from typing import Any

import yaml

from scripts.features.review.markdown import MARKER

from .conftest import ROOT


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def steps(data: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_the_pull_request_build_is_read_only_and_uploads_the_comment() -> None:
    data = workflow("pr.yml")
    assert data[True] == {"pull_request": None}  # YAML reads the key 'on' as True
    assert data["permissions"] == {} and data["jobs"]["check"]["permissions"] == {"contents": "read"}
    text = (ROOT / ".github/workflows/pr.yml").read_text("utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    runs = " ".join(step.get("run", "") for step in steps(data))
    assert "make build BUILD_ARGS=\"--format github" in runs and "make test" in runs and "pr-comment --base" in runs
    upload = next(step for step in steps(data) if str(step.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "pr-comment" and upload["if"] == "always()"


def test_the_comment_is_posted_with_one_permission_and_no_code_of_the_pull_request() -> None:
    data = workflow("pr-comment.yml")
    assert data[True] == {"workflow_run": {"workflows": [workflow("pr.yml")["name"]], "types": ["completed"]}}
    assert data["permissions"] == {} and data["jobs"]["comment"]["permissions"] == {"pull-requests": "write"}
    uses = [str(step["uses"]).split("@")[0] for step in steps(data) if "uses" in step]
    assert uses == ["actions/download-artifact"]  # no checkout
    runs = " ".join(step.get("run", "") for step in steps(data))
    assert not any(word in runs for word in ("python", "make ", "pip install", "git ", "npm", "bash ", "source "))
    assert next(step for step in steps(data) if "run" in step)["env"]["MARKER"] == MARKER


def test_the_deploy_publishes_the_zim_file_with_the_site() -> None:
    data = workflow("deploy.yml")
    build = next(step for step in steps(data) if "SITE_URL" in (step.get("env") or {}))
    assert build["run"] == "make zim"  # the build, with site/resilient-cities.zim (scripts/features/zim)
    upload = next(step for step in steps(data) if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site/"
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "\nzim: setup\n\t$(BIN)/python -m scripts build --zim" in makefile
