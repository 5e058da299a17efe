"""The new site replaces the old one in one step; a killed build, a full or read-only disk and damaged cache
files leave a complete site and a plain message."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from scripts import pipeline
from scripts.built import run_mkdocs, swap
from scripts.features.share_image.publish import Card, card_path, publish_cards
from scripts.source.kept_files import read_checked, write_checked


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_swap_replaces_the_site_and_removes_the_old_one(tmp_path: Path, exchange: bool,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if not exchange:
        monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    target = _site(tmp_path / "site", "old")
    work = _site(tmp_path / ".site-build-1", "new")
    swap.swap_into(work, target)
    assert (target / "index.html").read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_renameat2_exchanges_on_this_machine(tmp_path: Path) -> None:
    first, second = _site(tmp_path / "a", "a"), _site(tmp_path / "b", "b")
    assert swap.exchange(first, second)
    assert (first / "index.html").read_text("utf-8") == "b"


def test_a_build_killed_between_the_two_renames_gets_its_site_back(tmp_path: Path) -> None:
    """The old site, renamed aside, is put back before leftovers are removed: never deleted first."""
    _site(tmp_path / ".site-old-4242", "previous")
    _site(tmp_path / ".site-build-abc", "half")
    assert swap.restore_backup(tmp_path / "site") == tmp_path / "site"
    assert pipeline.remove_leftovers(tmp_path) == [tmp_path / ".site-build-abc"]
    assert (tmp_path / "site" / "index.html").read_text("utf-8") == "previous"


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")])
def test_a_full_or_read_only_disk_gives_one_plain_message_and_keeps_the_site(
        project: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    site = _site(project / "site", "previous")

    def failing(site_model: object, runs: list[tuple[Path, object]], meanwhile: object = None) -> list[object]:
        raise OSError(code, "system words", str(runs[0][0] / "assets" / "x"))

    monkeypatch.setattr(run_mkdocs, "build_in_processes", failing)
    result = pipeline.build(project, site, check_links=False)
    assert [(p.path, words in p.message) for p in result.problems] == [("site", True)]
    assert ".site-build" not in str(result.problems[0])
    assert (site / "index.html").read_text("utf-8") == "previous"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []


def test_damaged_cache_files_are_not_used(tmp_path: Path) -> None:
    kept = tmp_path / "x.pdf"
    write_checked(kept, b"%PDF-1.7 whole file")
    assert read_checked(kept) == b"%PDF-1.7 whole file"
    kept.write_bytes(b"%PDF-1.7 who")  # cut short
    assert read_checked(kept) is None
    (tmp_path / "x.pdf.sha256").unlink()
    assert read_checked(kept) is None


def test_a_damaged_share_picture_in_the_cache_is_drawn_again(tmp_path: Path) -> None:
    logo = Path(__file__).resolve().parents[1] / "docs/assets/images/logo.svg"
    cards = [Card(card_path("fr", "faq.md"), "Questions fréquentes")]
    cache = tmp_path / "cache"
    first = publish_cards(cards, "Resilient Cities", logo, tmp_path / "site", cache)
    stored = next((cache / "fr").glob("faq.*.png"))
    stored.write_bytes(stored.read_bytes()[:100])
    again = publish_cards(cards, "Resilient Cities", logo, tmp_path / "site2", cache)
    assert again.drawn == first.drawn and not again.reused
    assert (tmp_path / "site2" / cards[0].path).read_bytes() == (tmp_path / "site" / cards[0].path).read_bytes()
