"""Replaying the history, commit by commit from the oldest: which versions of each page are behind which."""
from __future__ import annotations

from dataclasses import dataclass, field

from .history import Commit, History


@dataclass
class _Lag:
    since: Commit
    latest: Commit
    changes: int = 1


@dataclass
class _Track:
    """One language version of a page while the history is replayed."""

    last: Commit | None = None       # its last counted change
    behind: dict[str, _Lag] = field(default_factory=dict)   # other language -> its changes not reflected
    updated: Commit | None = None    # its last change, [i18n skip] included, formatting-only excluded


Tracks = dict[str, dict[str, _Track]]   # rel -> language -> track


def replay(history: History, folder: str, languages: list[str]) -> Tracks:
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
        if entry.dated:
            for rel, langs in changed.items():
                for lang in langs:
                    tracks[rel][lang].updated = entry.commit
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
