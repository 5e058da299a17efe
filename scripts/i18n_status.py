"""Translation status from git history: is each language version of each page up to date, outdated, missing?

Git history is read once (one ``git log`` over the docs folder) into one status model per page, like
Lunaria. The command-line table, the JSON, the notice shown to readers and the editors' status page are
views of that model; nothing here imports MkDocs (hooks.py calls the functions below).

How "outdated" is decided, commit by commit from the oldest (commits whose message contains
``[i18n skip]`` do not count, e.g. typo fixes, nor those listed in ``.i18n-skip-revs``):

- a change to a version that was up to date is new content: the other versions of the page are behind
  it from that commit on (they are *outdated*);
- a change to a version that was behind is a translation catching up: it is up to date again (and the
  version it caught up with does not become outdated);
- a commit that changes every version of a page leaves them all up to date;
- adding the translation of an existing page is catching up too.

Only commits count (not changes waiting in the working folder). Without the full history (a shallow
clone, no git) an existing page's state is *unknown*, never guessed.
"""
from __future__ import annotations

import json
import posixpath
import re
import subprocess
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Any

from babel.dates import format_date  # installed with mkdocs-material (requirements.lock)

from .html import page_url
from .problems import Problem
from .sources import Site, i18n_options, load_site

SKIP_MARK = "[i18n skip]"
# Commits made before anyone thought of [i18n skip]: one hash a line, '#' starts a comment.
SKIP_FILE = ".i18n-skip-revs"
UNSHALLOW_HINT = "fetch the full history: git fetch --unshallow"
STATUS_PAGE = "i18n-status/index.html"
# One record a commit: hash, parents, committer date, subject, whole message; then the changed files.
LOG_FORMAT = "%x1e%H%x1f%P%x1f%cI%x1f%s%x1f%B%x1f"
# The texts of the reader's notice, under languages[*].extra.messages in mkdocs.yml.
NOTICE_MESSAGES = {"outdated": ("{version}", "{date}"), "outdated_link": ("{version}",)}


class State(StrEnum):
    UP_TO_DATE = "up-to-date"
    OUTDATED = "outdated"
    MISSING = "missing"
    PENDING = "pending"
    UNKNOWN = "unknown"


# --- git history -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Commit:
    hash: str
    parent: str   # first parent ("" for the first commit)
    date: str     # committer date, ISO 8601
    subject: str

    @property
    def short(self) -> str:
        return self.hash[:10]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class FileChange:
    status: str                 # A, M, D, T or R (renamed, from old_path)
    path: str                   # relative to the project folder
    old_path: str | None = None
    similarity: int = 0         # for a rename: 100 when the content did not change


@dataclass(frozen=True)
class LoggedCommit:
    commit: Commit
    counted: bool               # False for [i18n skip] commits and those in .i18n-skip-revs
    changes: tuple[FileChange, ...]


@dataclass
class History:
    """The commits that changed the docs folder, oldest first; or why they cannot be known."""

    known: bool
    commits: list[LoggedCommit] = field(default_factory=list)
    reason: str = ""
    hint: str = ""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["git", "-C", str(root), "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")


def read_history(root: Path, folder: str) -> History:
    """Every commit that changed ``folder`` (relative to ``root``), read with a single ``git log``."""
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        return History(False, reason="git is not installed", hint="install git, then clone the repository")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return History(False, reason="this folder is not a git repository",
                       hint="work in a clone of the repository (git clone), with its full history")
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return History(False, reason="this is a shallow clone (only the last commits)", hint=UNSHALLOW_HINT)
    log = _git(root, "log", "--date-order", "--no-color", "--name-status", "-M", "--relative",
               f"--format={LOG_FORMAT}", "--", folder)
    if log.returncode != 0:
        if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            return History(True)  # a repository without any commit yet
        return History(False, reason=f"git log failed: {log.stderr.strip()[:200]}", hint="run it by hand to see why")
    return History(True, commits=list(reversed(list(_parse_log(log.stdout, skipped_revisions(root))))))


def skipped_revisions(root: Path) -> list[str]:
    """The commit hashes (or their first characters) listed in ``.i18n-skip-revs``."""
    path = root / SKIP_FILE
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    return [word.lower() for line in lines if (word := line.split("#", 1)[0].strip())]


def _parse_log(output: str, skipped: list[str]) -> Iterator[LoggedCommit]:
    for record in output.split("\x1e")[1:]:
        sha, parents, when, subject, message, files = record.split("\x1f", 5)
        changes = []
        for line in files.splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0].startswith("R"):
                changes.append(FileChange("R", parts[2], parts[1], int(parts[0][1:] or 0)))
            elif len(parts) == 2 and parts[0]:
                changes.append(FileChange(parts[0][0], parts[1]))
        commit = Commit(sha, (parents.split() or [""])[0], when, subject)
        counted = SKIP_MARK not in message.lower() and not any(sha.startswith(rev) for rev in skipped)
        yield LoggedCommit(commit, counted, tuple(changes))


# --- replaying the history, page by page ------------------------------------------------------


@dataclass
class _Lag:
    since: Commit
    latest: Commit
    changes: int = 1


@dataclass
class _Track:
    """One language version of a page while the history is replayed."""

    last: Commit | None = None
    behind: dict[str, _Lag] = field(default_factory=dict)   # other language -> its changes not reflected


Tracks = dict[str, dict[str, _Track]]   # rel -> language -> track


def _replay(history: History, folder: str, languages: list[str]) -> Tracks:
    tracks: Tracks = {}

    def key(path: str | None) -> tuple[str, str] | None:
        prefix = folder.rstrip("/") + "/"
        if not path or not path.startswith(prefix) or not path.endswith(".md"):
            return None
        lang, _, rel = path[len(prefix):].partition("/")
        return (lang, rel) if lang in languages and rel else None

    for entry in history.commits:
        changed: dict[str, set[str]] = {}
        created: set[tuple[str, str]] = set()
        touched: set[str] = set()
        for change in entry.changes:
            new, old = key(change.path), key(change.old_path)
            moved = tracks.get(old[1], {}).pop(old[0], None) if old and old != new else None
            touched.update(k[1] for k in (new, old) if k)
            if new is None:
                continue
            group = tracks.setdefault(new[1], {})
            if change.status == "D":
                group.pop(new[0], None)
                continue
            if new[0] not in group:
                group[new[0]] = moved or _Track()
                if moved is None and change.status in ("A", "R"):
                    created.add(new)
            if not (moved and change.similarity == 100):
                changed.setdefault(new[1], set()).add(new[0])
        for rel in touched:  # a version deleted or moved away is no longer a version to catch up with
            for track in tracks.get(rel, {}).values():
                track.behind = {lang: lag for lang, lag in track.behind.items() if lang in tracks[rel]}
        if entry.counted:
            for rel, langs in changed.items():
                _record_change(tracks[rel], langs, entry.commit, {lang for lang, r in created if r == rel})
    return tracks


def _record_change(group: dict[str, _Track], langs: set[str], commit: Commit, created: set[str]) -> None:
    """One counted commit changed the versions ``langs`` of one page."""
    originals = [lang for lang in sorted(langs) if lang not in created and not group[lang].behind]
    for lang in langs:
        group[lang].behind.clear()
        group[lang].last = commit
    for lang, track in group.items():
        if lang in langs:
            continue
        for origin in originals:
            lag = track.behind.get(origin)
            if lag is None:
                track.behind[origin] = _Lag(commit, commit)
            else:
                lag.latest, lag.changes = commit, lag.changes + 1


# --- the status model ------------------------------------------------------------------------


@dataclass
class Behind:
    """Changes to another version of the page that this version does not reflect yet."""

    lang: str
    path: str
    since: Commit      # its first change not reflected here
    latest: Commit     # its last change
    changes: int

    @property
    def diff(self) -> str:
        """The command that shows what changed in the other version."""
        start = self.since.parent[:10] or self.since.short
        return f"git diff {start} {self.latest.short} -- {self.path}"


@dataclass
class Version:
    """One language version of one page."""

    lang: str
    path: str          # e.g. docs/en/faq.md
    url: str           # e.g. /en/faq/
    exists: bool
    state: State
    last_change: Commit | None = None
    behind: list[Behind] = field(default_factory=list)
    note: str = ""

    @property
    def since(self) -> Commit | None:
        return min((b.since for b in self.behind), key=lambda c: datetime.fromisoformat(c.date), default=None)

    @property
    def label(self) -> str:
        """The state in a few words, the same in the table, the JSON and the status page."""
        since = self.since
        if self.state is State.OUTDATED and since:
            return f"outdated since {since.day}"
        return self.state.value.replace("-", " ")


@dataclass
class PageStatus:
    rel: str
    title: str
    versions: dict[str, Version]


@dataclass
class StatusReport:
    languages: list[str]
    history: History
    pages: list[PageStatus]

    def version(self, lang: str, rel: str) -> Version | None:
        page = next((p for p in self.pages if p.rel == rel), None)
        return page.versions.get(lang) if page else None

    def versions(self) -> Iterator[Version]:
        for page in self.pages:
            yield from page.versions.values()

    def counts(self) -> dict[str, int]:
        counts = {state.value: 0 for state in State}
        for version in self.versions():
            counts[version.state.value] += 1
        return counts

    @property
    def ok(self) -> bool:
        """Nothing outdated, missing or unknown (what ``--strict`` asks)."""
        bad = {State.OUTDATED, State.MISSING, State.UNKNOWN}
        return not any(version.state in bad for version in self.versions())


def build_status(site: Site, history: History) -> StatusReport:
    """The status of every version of every page, from the pages on disk and the history."""
    folder = site.show(site.docs)
    tracks = _replay(history, folder, site.languages) if history.known else {}
    pages = []
    for rel in site.rels():
        present = [p for lang in site.languages if (p := site.page(lang, rel))]
        marked = any(p.pending for p in present)
        versions = {}
        for lang in site.languages:
            page = site.page(lang, rel)
            version = Version(lang, site.show(site.docs / lang / rel), page_url(site, lang, rel),
                              page is not None, State.UNKNOWN)
            track = tracks.get(rel, {}).get(lang)
            if page is None:
                version.state = State.PENDING if marked else State.MISSING
            elif page.pending and lang != site.default_language:
                version.state = State.PENDING
            elif not history.known:
                version.note = history.reason
            elif track is None:
                version.note = "not committed yet"
            else:
                version.last_change = track.last
                version.behind = [Behind(other, site.show(site.docs / other / rel), lag.since, lag.latest,
                                         lag.changes)
                                  for other, lag in sorted(track.behind.items()) if site.page(other, rel)]
                version.state = State.OUTDATED if version.behind else State.UP_TO_DATE
            versions[lang] = version
        pages.append(PageStatus(rel, present[0].title or rel, versions))
    return StatusReport(site.languages, history, pages)


def load_status(root: Path, site: Site | None = None) -> StatusReport:
    """The status of the project at ``root`` (its pages, parsed unless given, and its git history read once)."""
    site = site or load_site(root)
    return build_status(site, read_history(root, site.show(site.docs)))


# --- views: text table, JSON ------------------------------------------------------------------


def format_text(report: StatusReport) -> str:
    """The table for editors, then what to do about each version that is not up to date."""
    head = ["page", *(lang.upper() for lang in report.languages)]
    rows = [[page.rel, *(page.versions[lang].label for lang in report.languages)] for page in report.pages]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = [_history_line(report), ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [head, *rows]]
    for state in (State.OUTDATED, State.MISSING, State.PENDING, State.UNKNOWN):
        versions = [v for v in report.versions() if v.state is state]
        if versions:
            lines += ["", f"{state.value.replace('-', ' ').capitalize()}:"]
            for text, command in (item for v in versions for item in _details(v)):
                lines += [f"  {text}"] + ([f"      see what changed: {command}"] if command else [])
    counts = ", ".join(f"{n} {state.replace('-', ' ')}" for state, n in report.counts().items())
    lines += ["", f"{len(report.pages)} pages: {counts}."]
    return "\n".join(lines)


def _history_line(report: StatusReport) -> str:
    history = report.history
    if not history.known:
        return f"Translation status: unknown, {history.reason} ({history.hint})."
    return f"Translation status from git history ({len(history.commits)} commits changed the docs folder)."


def _details(version: Version) -> list[tuple[str, str]]:
    """What to know about a version that is not up to date: (sentence, command to run or "")."""
    if version.state is State.OUTDATED:
        items = []
        for behind in version.behind:
            more = f", {behind.changes} commits, the last on {behind.latest.day}" if behind.changes > 1 else ""
            subject = behind.since.subject if len(behind.since.subject) <= 60 else behind.since.subject[:59] + "…"
            items.append((f"{version.path}: {behind.path} changed on {behind.since.day} "
                          f"({behind.since.short} \"{subject}\"{more})", behind.diff))
        return items
    if version.state is State.MISSING:
        return [(f"{version.path}: the file does not exist "
                 "(add it, or mark the page 'translation: pending')", "")]
    if version.state is State.UNKNOWN:
        return [(f"{version.path}: {version.note}", "")]
    return [(f"{version.path}: waiting for its translation ('translation: pending')", "")]


def format_json(report: StatusReport) -> str:
    """The same model as a JSON document for tools."""
    def version(v: Version) -> dict[str, Any]:
        data = asdict(v)
        data["label"] = v.label
        data["since"] = v.since.date if v.since else None
        for item, behind in zip(data["behind"], v.behind):
            item["diff"] = behind.diff
        return data

    history = report.history
    document = {
        "languages": report.languages,
        "history": {"known": history.known, "commits": len(history.commits), "reason": history.reason,
                    "hint": history.hint},
        "counts": report.counts(),
        "pages": [{"page": p.rel, "title": p.title, "versions": {lang: version(v) for lang, v in p.versions.items()}}
                  for p in report.pages],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


# --- views: the reader's notice, the editors' status page -------------------------------------


def relative_url(target: str, base: str) -> str:
    """A site-absolute URL (``/faq/``) as a link from the page at ``base`` (``/en/faq/``)."""
    path = posixpath.relpath(target, base if base.endswith("/") else posixpath.dirname(base))
    return "./" if path == "." else path + ("/" if target.endswith("/") and path != "." else "")


def notice_html(report: StatusReport, src_uri: str, reader: str, messages: dict[str, Any]) -> str:
    """The notice for readers of an outdated page, in their language ("" for any other page).

    ``src_uri`` is the page's source inside the docs folder (``en/faq.md``), ``reader`` the language
    being built, ``messages`` that language's ``extra.messages`` in mkdocs.yml.
    """
    lang, _, rel = src_uri.partition("/")
    version = report.version(lang, rel)
    if lang != reader or version is None or version.state is not State.OUTDATED:
        return ""
    parts = []
    for behind in version.behind:
        other = report.version(behind.lang, rel)
        name = str(messages["versions"][behind.lang])
        day = date.fromisoformat(behind.since.day)
        when = f'<time datetime="{day.isoformat()}">{escape(format_date(day, "long", locale=reader))}</time>'
        text = escape(str(messages["outdated"])).format(version=escape(name), date=when)
        link = escape(str(messages["outdated_link"])).format(version=escape(name))
        href = relative_url(other.url if other else "/", version.url)
        parts.append(f'<p>{text} <a href="{escape(href)}" hreflang="{escape(behind.lang)}">{link}</a></p>')
    return ('<div class="admonition warning rc-outdated" role="note" data-search-exclude>'
            + "".join(parts) + "</div>")


def with_notice(content: str, notice: str) -> str:
    """The page's HTML with ``notice`` right after its title (or first when it has none)."""
    if not notice:
        return content
    title = re.match(r"\s*<h1\b.*?</h1>", content, flags=re.S)
    end = title.end() if title else 0
    return content[:end] + notice + content[end:]


PAGE_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #8c959f;padding:.3rem .6rem;text-align:left}
caption{text-align:left;font-weight:600;padding:.4rem 0}a{color:#0b5b6b}code{font-size:.9em;overflow-wrap:anywhere}
.outdated,.missing,.unknown{background:#fff1e5}.pending{background:#eef4ff}
"""


def status_page_html(report: StatusReport, at: str = "/i18n-status/") -> str:
    """The editors' status page: the same table and details, not indexed by search engines."""
    def cell(version: Version) -> str:
        label = escape(version.label)
        if version.exists:
            label = f'<a href="{escape(relative_url(version.url, at))}">{label}</a>'
        return f'<td class="{version.state.value}">{label}</td>'

    head = "".join(f'<th scope="col">{lang.upper()}</th>' for lang in report.languages)
    rows = "".join(f'<tr><th scope="row">{escape(page.rel)}</th>'
                   + "".join(cell(page.versions[lang]) for lang in report.languages) + "</tr>"
                   for page in report.pages)
    details = "".join(f"<li>{escape(text)}" + (f"<br>see what changed: <code>{escape(command)}</code>"
                                                 if command else "") + "</li>"
                      for state in State if state is not State.UP_TO_DATE
                      for version in report.versions() if version.state is state
                      for text, command in _details(version))
    counts = ", ".join(f"{n} {state.replace('-', ' ')}" for state, n in report.counts().items())
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n<title>Translation status</title>\n'
        '<link rel="icon" href="../assets/images/favicon.svg">\n'
        f"<style>{PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Translation status</h1>\n"
        f"<p>{escape(_history_line(report))} For editors; see EDITORS.md in the repository.</p>\n"
        f"<table>\n<caption>Each page in each language ({escape(counts)})</caption>\n"
        f'<thead><tr><th scope="col">Page</th>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n'
        + (f"<h2>What to do</h2>\n<ul>{details}</ul>\n" if details else "")
        + "</main>\n</body>\n</html>\n"
    )


def write_status_page(report: StatusReport, site_dir: Path) -> Path:
    """Write the status page into the built site (not in the navigation, not in the sitemap)."""
    path = site_dir / STATUS_PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(status_page_html(report), encoding="utf-8")
    return path


# --- check of the configuration ---------------------------------------------------------------


def notice_messages(site: Site) -> Iterator[Problem]:
    """Every language has the texts of the outdated-page notice, naming every other language's version."""
    for options in i18n_options(site.config).get("languages", []):
        lang = options.get("locale")
        messages = ((options.get("extra") or {}).get("messages") or {})
        where = f"languages → {lang} → extra → messages"
        for key, fields in NOTICE_MESSAGES.items():
            text = messages.get(key)
            if not isinstance(text, str) or not all(f in text for f in fields):
                yield Problem("mkdocs.yml", None, f"the notice text '{key}' for {str(lang).upper()} is missing "
                              f"or lacks {' and '.join(fields)}", f"add it under {where} in the i18n plugin")
        versions = messages.get("versions") or {}
        for other in site.languages:
            if other != lang and not (isinstance(versions, dict) and versions.get(other)):
                yield Problem("mkdocs.yml", None, f"the {str(lang).upper()} notice has no name for the "
                              f"{other.upper()} version", f"add '{other}: ...' under {where} → versions")


CHECKS = [notice_messages]
