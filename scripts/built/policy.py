"""The HTTP headers of the published site, written to ``_headers`` (Netlify / Cloudflare Pages format).

The Content-Security-Policy allows only the site's own files, plus the inline scripts and styles our
templates and Material are expected to write (built/inline_code.py), each by its SHA-256 hash. The same
policy goes into a <meta> element of every page, for hosts that ignore ``_headers``.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..problems import Problem
from .inline_code import InlineCode, inline_code

FILE_NAME = "_headers"
NOT_IN_META = {"frame-ancestors"}  # ignored by browsers in a <meta> policy
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
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
EVERY_FILE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
PERMISSIONS = {"Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()"}
# What a policy governs: the pages (folders, and .html files such as 404.html) and the scripts that run as
# workers. Stylesheets, images and the other scripts do not need it: leaving it out of their answers saves
# half a kilobyte each on a first visit.
DOCUMENTS = ["/", "/*/", "/*.html", "/sw.js", "/assets/javascripts/workers/*"]


@dataclass
class Rule:
    """One block of ``_headers``: a path pattern and the headers sent for the paths it matches."""

    pattern: str
    headers: dict[str, str] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", self.pattern))
        return re.fullmatch(regex, path) is not None


def source_hash(code: str) -> str:
    """The CSP source expression allowing exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(found: list[InlineCode], *, in_meta: bool = False) -> str:
    """The policy for a site whose inline code is ``found``: POLICY plus the hash of each expected inline
    script and style (built/inline_code.py). ``in_meta``: without the directives a <meta> cannot carry."""
    policy = {name: list(sources) for name, sources in POLICY.items() if not (in_meta and name in NOT_IN_META)}
    for code in found:
        if code.expected:
            policy[f"{code.kind}-src"].append(source_hash(code.text))
    return "; ".join(f"{name} {' '.join(sorted(set(sources), key=sources.index))}" for name, sources in policy.items())


def site_rules(found: list[InlineCode]) -> list[Rule]:
    """The headers of every path of a site: a few for every file, the policy for documents."""
    policy = {"Content-Security-Policy": content_security_policy(found), **PERMISSIONS}
    return [Rule("/*", dict(EVERY_FILE)), *(Rule(pattern, dict(policy)) for pattern in DOCUMENTS)]


def format_rules(rules: list[Rule]) -> str:
    """Rules in the ``_headers`` format: a path pattern, then its headers indented."""
    lines = ["# Written by the build (scripts/built/policy.py): do not edit."]
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


def publish_policy(out: Path, *, meta: bool = True) -> list[Problem]:
    """Write ``_headers`` at the root of the built site ``out`` and, with ``meta``, put the same policy in a
    <meta http-equiv> at the top of every page's <head>, for hosts that ignore ``_headers`` (GitHub Pages).
    Each page is read once, for its inline code and its <meta>. No problem of its own: code that is not expected is
    left out of the policy, and the safety check (verify/) names it."""
    pages = {path: path.read_text("utf-8", "replace") for path in sorted(out.rglob("*.html"))}
    found = inline_code(pages)
    (out / FILE_NAME).write_text(format_rules(site_rules(found)), encoding="utf-8")
    if not meta:
        return []
    policy = escape(content_security_policy(found, in_meta=True), quote=False).replace('"', "&quot;")
    element = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for path, page in pages.items():
        updated, replaced = META.subn(element, page, count=1)
        if not replaced:
            updated = CHARSET.sub(lambda match: match.group(0) + element, page, count=1)
        if updated != page:
            path.write_text(updated, "utf-8")
    return []
