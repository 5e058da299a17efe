"""Translation status from git history, one model per page: is each language version up to date, outdated, missing?

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

The same replay dates each version for readers ("page updated on"): its last commit, ``[i18n skip]``
ones included (they change the page), formatting-only ones (``<hash> formatting`` in
``.i18n-skip-revs``) excluded. Without the full history there is no date.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from ...source.model import Site
from ...source.parse import load_site
from .history import Commit, History, read_history
from .replay import replay


class State(StrEnum):
    UP_TO_DATE = "up-to-date"
    OUTDATED = "outdated"
    MISSING = "missing"
    PENDING = "pending"
    UNKNOWN = "unknown"


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
    updated: Commit | None = None   # the readers' "page updated on" date (formatting-only commits excluded)

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
    tracks = replay(history, folder, site.languages) if history.known else {}
    pages = []
    for rel in site.rels():
        present = [p for lang in site.languages if (p := site.page(lang, rel))]
        marked = any(p.pending for p in present)
        versions = {}
        for lang in site.languages:
            page = site.page(lang, rel)
            version = Version(lang, site.show(site.docs / lang / rel), site.page_url(lang, rel),
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
                version.last_change, version.updated = track.last, track.updated
                version.behind = [Behind(other, site.show(site.docs / other / rel), lag.since, lag.latest,
                                         lag.changes)
                                  for other, lag in sorted(track.behind.items()) if site.page(other, rel)]
                version.state = State.OUTDATED if version.behind else State.UP_TO_DATE
            versions[lang] = version
        pages.append(PageStatus(rel, present[0].title or rel, versions))
    return StatusReport(site.languages, history, pages)


def load_status(root: Path, site: Site | None = None) -> StatusReport:
    """The status of the project at ``root`` (its pages, parsed unless given, and its git history read once: kept in
    the site's model)."""
    read = site or load_site(root)
    return read.once("status", lambda: build_status(read, read_history(root, read.show(read.docs))))
