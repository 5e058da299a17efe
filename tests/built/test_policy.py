"""The _headers file the build writes (built/policy.py), and the local host that applies it (dev/host.py)."""
from __future__ import annotations

import gzip
import html
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from scripts.built import policy as headers
from scripts.built.inline_code import inline_code
from scripts.built.local_server import serve
from scripts.dev import host as hosting


def _site_rules(built_site: Path) -> dict[str, str]:
    rules = headers.parse_rules((built_site / headers.FILE_NAME).read_text("utf-8"))
    return headers.headers_for(rules, "/faq/")


def test_every_path_gets_the_security_headers(built_site: Path) -> None:
    sent = _site_rules(built_site)
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Referrer-Policy"] == "same-origin"
    assert "camera=()" in sent["Permissions-Policy"]
    assert sent["Content-Security-Policy"].startswith("default-src 'self';")


def test_the_policy_allows_the_sites_own_files_and_its_inline_code_only(built_site: Path) -> None:
    policy = _site_rules(built_site)["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    sources = {source for values in directives.values() for source in values}
    assert sources <= {"'self'", "'none'", "data:"} | {s for s in sources if re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", s)}
    assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"]
    found = inline_code(built_site)
    assert any(code.kind == "script" for code in found), "Material writes inline scripts: the collector must see them"
    assert all(code.expected for code in found)
    for kind in ("script", "style"):
        hashes = {headers.source_hash(code.text) for code in found if code.kind == kind}
        assert hashes == set(directives[f"{kind}-src"]) - {"'self'"}


def test_every_page_carries_the_policy_in_a_meta_element_without_frame_ancestors(built_site: Path) -> None:
    header = _site_rules(built_site)["Content-Security-Policy"]
    expected = "; ".join(part for part in header.split("; ") if not part.startswith("frame-ancestors"))
    for path in built_site.rglob("*.html"):
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', path.read_text("utf-8"))
        assert [html.unescape(meta) for meta in metas] == [expected], path
        head = path.read_text("utf-8").split("</head>")[0]
        assert "<script" not in head[: head.index("Content-Security-Policy")], f"{path}: the policy must come first"


def test_an_inline_script_the_templates_do_not_write_is_not_allowed(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html><head><meta charset="utf-8"></head><body>'
                    '<script>alert(1)</script><style>p{}</style></body></html>', "utf-8")
    found = inline_code(tmp_path)
    assert [(code.kind, code.expected) for code in found] == [("script", False), ("style", False)]
    assert headers.source_hash("alert(1)") not in headers.content_security_policy(found)


def test_hash_and_rules_format() -> None:
    assert headers.source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    rules = [headers.Rule("/*", {"A": "1"}), headers.Rule("/en/*", {"A": "2", "B": "3"})]
    assert headers.parse_rules(headers.format_rules(rules)) == rules
    assert headers.headers_for(rules, "/en/faq/") == {"A": "2", "B": "3"}
    assert headers.headers_for(rules, "/faq/") == {"A": "1"}
    assert headers.parse_rules("# comment\n/x\n  Name: a: b\n") == [headers.Rule("/x", {"Name": "a: b"})]


def test_the_local_host_applies_the_rules_compresses_and_serves_the_404_page(built_site: Path) -> None:
    with hosting.serve_like_host(built_site) as base:
        request = urllib.request.Request(base + "faq/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Security-Policy"] == _site_rules(built_site)["Content-Security-Policy"]
            assert '<html lang="fr"' in gzip.decompress(response.read()).decode("utf-8")
        try:
            urllib.request.urlopen(base + "en/no-such-page/")
            raise AssertionError("a missing page must answer 404")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert error.read() == (built_site / "404.html").read_bytes()


def test_the_meta_policy_protects_pages_on_a_host_that_sends_no_headers(
        browser: Browser, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "faq" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<script>document.title = 'injected'</script></body>"),
                    "utf-8")
    with serve(site) as base, browser.new_context() as context:  # a plain static server: no CSP header
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        response = tab.goto(base + "faq/")
        assert response is not None and "content-security-policy" not in response.headers
        assert tab.title() != "injected", "an inline script the templates do not write ran"
        assert any("Content Security Policy" in error for error in errors), errors
        assert tab.evaluate("typeof __md_scope") == "object", "Material's own inline script was blocked"
        errors.clear()
        tab.goto(base + "en/")
        assert tab.evaluate("typeof __md_scope") == "object" and errors == []


def test_the_policy_goes_with_documents_and_workers_not_with_every_file(built_site: Path) -> None:
    rules = headers.parse_rules((built_site / headers.FILE_NAME).read_text("utf-8"))
    for path in ("/", "/faq/", "/en/faq/", "/404.html", "/sw.js", "/assets/javascripts/workers/site-search.js"):
        assert "Content-Security-Policy" in headers.headers_for(rules, path), path
    for path in ("/assets/stylesheets/site.css", "/assets/javascripts/navigation.js", "/search/search_index.json"):
        sent = headers.headers_for(rules, path)
        assert "Content-Security-Policy" not in sent and sent["X-Content-Type-Options"] == "nosniff", path
