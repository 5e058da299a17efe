"""The HTTP headers of the published site, written to ``_headers`` (Netlify / Cloudflare Pages format).

The Content-Security-Policy allows only the site's own files, plus the inline scripts and styles
the built pages really contain (Material writes a few), each by its SHA-256 hash.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

FILE_NAME = "_headers"
# Script types the browser runs; others (e.g. Material's "application/json" config) are data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# The policy before hashes: the site's own files only; no plugins, frames or foreign forms. Fonts and the
# search index (connect-src) fall back to 'self'.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],   # Material's icons are data: URLs in its CSS
    "worker-src": ["'self'"],         # the search worker and the offline service worker (/sw.js)
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


@dataclass
class Rule:
    """One block of ``_headers``: a path pattern and the headers sent for the paths it matches."""

    pattern: str
    headers: dict[str, str] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", self.pattern))
        return re.fullmatch(regex, path) is not None


class _InlineCode(HTMLParser):
    """Collects the text of inline <script> (of a runnable type) and <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").lower() in SCRIPT_TYPES:
            self.scripts.append("")
            self._current = self.scripts
        elif tag == "style":
            self.styles.append("")
            self._current = self.styles

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._current = None


def source_hash(code: str) -> str:
    """The CSP source expression allowing exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_code(out: Path) -> tuple[set[str], set[str]]:
    """The distinct inline scripts and styles of every HTML page under ``out``."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for path in sorted(out.rglob("*.html")):
        parser = _InlineCode()
        parser.feed(path.read_text("utf-8", "replace"))
        parser.close()
        scripts.update(parser.scripts)
        styles.update(parser.styles)
    return scripts, styles


def content_security_policy(out: Path) -> str:
    """The policy for the site in ``out``: POLICY plus the hash of each inline script and style."""
    scripts, styles = inline_code(out)
    policy = {name: list(sources) for name, sources in POLICY.items()}
    policy["script-src"] += sorted(source_hash(code) for code in scripts)
    policy["style-src"] += sorted(source_hash(code) for code in styles)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def site_rules(out: Path) -> list[Rule]:
    """The headers of every path of the site in ``out``."""
    return [Rule("/*", {"Content-Security-Policy": content_security_policy(out), **OTHER_HEADERS})]


def format_rules(rules: list[Rule]) -> str:
    """Rules in the ``_headers`` format: a path pattern, then its headers indented."""
    lines = ["# Written by the build (scripts/headers.py): do not edit."]
    for rule in rules:
        lines.append(rule.pattern)
        lines.extend(f"  {name}: {value}" for name, value in rule.headers.items())
    return "\n".join(lines) + "\n"


def parse_rules(text: str) -> list[Rule]:
    """The rules of a ``_headers`` file."""
    rules: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append(Rule(line.strip()))
        elif rules and ":" in line:
            name, _, value = line.strip().partition(":")
            rules[-1].headers[name.strip()] = value.strip()
    return rules


def headers_for(rules: list[Rule], path: str) -> dict[str, str]:
    """The headers a host sends for ``path``: those of every matching rule, later ones winning."""
    headers: dict[str, str] = {}
    for rule in rules:
        if rule.matches(path):
            headers.update(rule.headers)
    return headers


def write_headers_file(out: Path) -> Path:
    """Write ``_headers`` at the root of the built site ``out``."""
    target = out / FILE_NAME
    target.write_text(format_rules(site_rules(out)), encoding="utf-8")
    return target
