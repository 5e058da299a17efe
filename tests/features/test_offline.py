"""Offline reading as built: the worker at the site root with its build data (what it keeps, the
revisions, a version that follows the content), the offline pages out of the menus, sitemap and search,
the CSP allowing the worker from 'self' only, the texts checked, questions wrapped for printing."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from scripts.built.html_model import read_built_site
from scripts.built.policy import headers_for, parse_rules
from scripts.features.offline.model import MAIN_PAGES
from scripts.features.offline.worker import worker_data
from scripts.features.page_foot.printing import keep_questions_together
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.parse import load_site

from ..conftest import ROOT

SOURCE = ROOT / "docs" / "assets" / "javascripts" / "service-worker.js"


def build_data(site_dir: Path) -> dict[str, object]:
    first = (site_dir / "sw.js").read_text("utf-8").split("\n", 1)[0]
    assert first.startswith("const BUILD = ") and first.endswith(";")
    data: dict[str, object] = json.loads(first[len("const BUILD = "):-1])
    return data


def test_the_worker_is_published_at_the_root_with_its_build_data(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text("utf-8")
    assert worker.split("\n", 1)[1] == SOURCE.read_text("utf-8")
    assert not (built_site / "assets" / "javascripts" / "service-worker.js").exists()
    data = build_data(built_site)
    assert re.fullmatch(r"[0-9a-f]{12}", str(data["version"]))
    assert data["languages"] == {"fr": "", "en": "en/"}
    assert data["offline"] == {"fr": "offline.html", "en": "en/offline.html"}
    files, precache, languages = data["files"], data["precache"], data["languages"]
    assert isinstance(files, dict) and isinstance(precache, dict) and isinstance(languages, dict)
    for path, revision in files.items():  # each revision is the hash of the built file
        built = built_site / path / "index.html" if path == "" or path.endswith("/") else built_site / path
        assert hashlib.sha256(built.read_bytes()).hexdigest()[:10] == revision, path
    assert {"faq/", "en/about/", "booklets/resilient-cities-est-ensemble-fr.pdf",
            "en/search/search_index.json", "assets/javascripts/workers/site-search.js"} <= set(files)
    main = {"fr": ["", "faq/", "eligibility/", "take-part/"], "en": ["en/", "en/faq/", "en/eligibility/", "en/take-part/"]}
    for lang, paths in precache.items():
        assert set(paths) <= set(files) and set(main[lang]) <= set(paths), lang
        assert {"offline.html", "en/offline.html", f"{languages[lang]}search/search_index.json",
                "assets/stylesheets/site.css", "assets/javascripts/reader-tools.js",
                "assets/javascripts/self-check.js"} <= set(paths), lang
        assert not {path for path in paths if path.startswith(("about/", "en/about/"))}  # kept once read
    assert len(MAIN_PAGES) == 4


def test_the_version_follows_the_content(built_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    site, worker = load_site(ROOT), SOURCE.read_text("utf-8")
    before = worker_data(site, copy, read_built_site(copy), worker)
    assert worker_data(site, copy, read_built_site(copy), worker) == before  # the same site: the same version
    page = copy / "about" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</article>", "<p>New</p></article>"), "utf-8")
    after = worker_data(site, copy, read_built_site(copy), worker)
    assert after["version"] != before["version"]
    changed = {path for path in before["files"] if before["files"][path] != after["files"][path]}
    assert changed == {"about/"}
    assert worker_data(site, copy, read_built_site(copy), worker + "\n")["version"] != after["version"]


def test_offline_pages_are_in_no_menu_sitemap_or_search(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    for lang, path in (("fr", "offline.html"), ("en", "en/offline.html")):
        html = (built_site / path).read_text("utf-8")
        assert f'<html lang="{lang}">' in html and '<meta name="robots" content="noindex">' in html
        assert "offline" not in sitemap
        index = (built_site / path.replace("offline.html", "search/search_index.json")).read_text("utf-8")
        assert "offline" not in json.dumps([doc["location"] for doc in json.loads(index)["docs"]])
        links = re.findall(r'<li hidden(?: lang="(\w+)")?><a href="([^"]+)" hreflang="(\w+)">', html)
        assert links[0] == ("", "/" if lang == "fr" else "/en/", lang)  # the home first, in the page's language
        assert {other for own, _, other in links if own} == {"en", "fr"} - {lang}  # then the other language's
    for page in read_built_site(built_site).values():
        assert "offline.html" not in " ".join(page.anchors), page.url


def test_the_policy_allows_the_worker_from_the_site_only(built_site: Path) -> None:
    policy = headers_for(parse_rules((built_site / "_headers").read_text("utf-8")), "/")["Content-Security-Policy"]
    assert "worker-src 'self';" in policy


def test_missing_texts_are_named_with_their_place(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = re.sub(r"\n +note: \"You are offline[^\n]*", "", text)
    text = text.replace('updated: "Page mise à jour le {date}"', 'updated: "Page mise à jour"')
    config.write_text(text, "utf-8")
    problems = format_text(check_sources(load_site(project)))
    lines = text.splitlines()
    english = next(n for n, line in enumerate(lines, 1) if "- locale: en" in line)
    note = next(n for n, line in enumerate(lines, 1) if n > english and line.strip() == "offline:")  # the block
    updated = next(n for n, line in enumerate(lines, 1) if '"Page mise à jour"' in line)
    assert f"mkdocs.yml:{note}: the language 'en' has no 'offline.note' field" in problems, problems
    assert f"mkdocs.yml:{updated}: the field 'page_foot.updated' must be a text with {{date}}" in problems
    assert "languages → fr → extra → messages" in problems


def test_questions_are_wrapped_whole_at_the_top_level_only() -> None:
    html = ('<h1>T</h1>\n<p>a</p>\n<h2 id="s">S</h2>\n<h3 id="q1">Q1</h3>\n<p>A<br>b</p>\n<div><h3>inside</h3></div>\n'
            '<h3 id="q2">Q2</h3>\n<svg><path d=""/></svg><ul><li>x</li></ul>\n<h2 id="t">T</h2>\n<p>z</p>')
    assert keep_questions_together(html) == (
        '<h1>T</h1>\n<p>a</p>\n<h2 id="s">S</h2>\n<div class="rc-question"><h3 id="q1">Q1</h3>\n<p>A<br>b</p>\n'
        '<div><h3>inside</h3></div>\n</div><div class="rc-question"><h3 id="q2">Q2</h3>\n<svg><path d=""/></svg>'
        '<ul><li>x</li></ul>\n</div><h2 id="t">T</h2>\n<p>z</p>')
    assert keep_questions_together("<p>no question</p>") == "<p>no question</p>"
