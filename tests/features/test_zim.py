"""The ZIM file (make zim), opened with libzim's reader: metadata, main entry, every page with its title, the
full-text index, the PDFs, nothing Kiwix cannot run, and every link and anchor resolving inside the archive."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from libzim.reader import Archive  # type: ignore[import-untyped]
from libzim.search import Query, Searcher  # type: ignore[import-untyped]
from PIL import Image

from scripts.built.html_model import read_built_site
from scripts.features.zim.publish import FILE
from scripts.features.zim.strip import file_link, left_out

BASE = "https://zim.invalid/"  # any base: relative links are resolved against the entry's path, as Kiwix does
SENT = ("sw.js", "reader-tools.js", "read-aloud.js", "rc-share", "rc-listen", "rc-zim")


@pytest.fixture(scope="module")
def archive(published_site: Path) -> Archive:
    return Archive(str(published_site / FILE))


def pages(archive: Archive) -> dict[str, str]:
    """Every HTML entry of the archive: path -> HTML."""
    found = {}
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        item = entry.get_item() if not entry.is_redirect else None
        if item is not None and item.mimetype == "text/html":
            found[entry.path] = bytes(item.content).decode("utf-8")
    return found


def test_metadata_and_main_entry(archive: Archive) -> None:
    meta = {key: archive.get_metadata(key).decode("utf-8") for key in archive.metadata_keys
            if not key.startswith("Illustration")}
    assert meta["Language"] == "fra,eng" and meta["Title"] == "Resilient Cities"
    assert meta["Creator"] == meta["Publisher"] == "PLACE Network" and len(meta["Date"]) == 10
    assert 0 < len(meta["Description"]) <= 80 and meta["Name"]
    illustration = Image.open(__import__("io").BytesIO(archive.get_illustration_item(48).content))
    assert illustration.size == (48, 48) and illustration.format == "PNG"
    main = archive.main_entry.get_item()
    assert main.path == "index.html" and "Resilient Cities" in main.title


def test_every_page_of_the_site_is_an_entry_with_its_title(archive: Archive, published_site: Path) -> None:
    built = {url.lstrip("/") + ("index.html" if url.endswith("/") else ""): page.path
             for url, page in read_built_site(published_site).items()}
    kept = {path: file for path, file in built.items() if not left_out(path)}
    assert len(kept) >= 24 and len(built) - len(kept) == 3  # the offline pages and 404.html are left out
    assert archive.article_count == len(kept)
    for path, file in kept.items():
        title = BeautifulSoup(file.read_text("utf-8"), "html.parser").title
        assert title is not None and archive.get_entry_by_path(path).title == title.get_text(strip=True)
    for pdf in published_site.rglob("*.pdf"):  # booklets and posters
        assert archive.has_entry_by_path(pdf.relative_to(published_site).as_posix())
    assert any("poster" in pdf.name for pdf in published_site.rglob("*.pdf"))


def test_full_text_search_finds_the_faq(archive: Archive) -> None:
    assert archive.has_fulltext_index
    results = Searcher(archive).search(Query().set_query("salaire"))
    assert "faq/index.html" in list(results.getResults(0, 20))


def test_no_service_worker_share_button_or_read_aloud(archive: Archive) -> None:
    assert not archive.has_entry_by_path("sw.js")
    for path, html in pages(archive).items():
        soup = BeautifulSoup(html, "html.parser")
        found = [name for name in SENT if soup.select(f'[src*="{name}"], .{name}')]
        assert not found, path


def test_every_link_resolves_inside_the_archive_in_both_languages(archive: Archive) -> None:
    everything = pages(archive)
    ids = {path: {str(node["id"]) for node in BeautifulSoup(html, "html.parser").find_all(id=True)}
           for path, html in everything.items()}
    broken, checked = [], 0
    for path, html in everything.items():
        soup = BeautifulSoup(html, "html.parser")
        for node, attribute in [(n, "href") for n in soup.find_all(["a", "link"], href=True)] + \
                               [(n, "src") for n in soup.find_all(["script", "img"], src=True)]:
            if set(node.get("rel") or []) & {"canonical", "alternate"}:
                continue  # the published site's address, for search engines
            url = urljoin(BASE + path, str(node[attribute]))
            if not url.startswith(BASE):
                continue  # another site
            parts = urlsplit(url)
            target = unquote(parts.path[len(urlsplit(BASE).path):]) or path
            checked += 1
            if not archive.has_entry_by_path(target):
                broken.append(f"{path}: {node[attribute]}")
            elif parts.fragment and target in ids and parts.fragment not in ids[target]:
                broken.append(f"{path}: {node[attribute]} (no such heading)")
    assert checked > 500 and broken == []
    assert any(href.startswith("en/") for href in everything) and "en/faq/index.html" in everything


@pytest.mark.parametrize(("href", "expected"), [
    ("../faq/", "../faq/index.html"), ("../faq/#compensation", "../faq/index.html#compensation"), ("..", "../index.html"),
    ("./", "./index.html"), ("#top", "#top"), ("../x.pdf", "../x.pdf"), ("https://place.network/", "https://place.network/"),
])
def test_links_to_folders_name_their_index_file(href: str, expected: str) -> None:
    assert file_link(href) == expected
