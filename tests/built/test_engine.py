"""The two engines (MkDocs 1.6 and ProperDocs) build the same site, and the languages built at the same time give,
byte for byte, the site that one MkDocs run builds one language after the other."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from scripts.built import engine, run_mkdocs
from scripts.mkdocs_glue import languages
from scripts.source.model import Site
from scripts.source.parse import load_site

pytestmark = pytest.mark.build  # whole builds of project copies: left out of make test-fast

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # the one place an engine may name itself


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(ROOT)


@pytest.fixture(autouse=True)
def same_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds of the same sources give the same bytes when they agree on the date (sitemap, page dates)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")


def read_site(folder: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, the generator's name left out of the pages."""
    return {path.relative_to(folder).as_posix(): GENERATOR.sub(b"", path.read_bytes()) if path.suffix == ".html"
            else path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def record_engine(into: Path) -> run_mkdocs.Prepare:
    """A preparation of the run that writes down which engine's configuration it was given."""

    def record(config: object) -> None:
        into.write_text(type(config).__module__, "utf-8")
    return record


def test_mkdocs_and_properdocs_build_the_same_site(site: Site, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    built = {}
    for name in engine.ENGINES:
        monkeypatch.setenv(engine.VARIABLE, name)
        out, seen = tmp_path / name, tmp_path / f"{name}.txt"
        problems = run_mkdocs.build_in_processes(site, [(out, record_engine(seen))])
        assert problems == []
        assert seen.read_text().split(".")[0] == name  # the configuration is the chosen engine's
        built[name] = read_site(out)
    mkdocs, properdocs = built["mkdocs"], built["properdocs"]
    assert "en/faq/index.html" in mkdocs and "faq/index.html" in mkdocs
    assert sorted(mkdocs) == sorted(properdocs)
    assert [path for path in mkdocs if mkdocs[path] != properdocs[path]] == []


def test_an_unknown_engine_is_a_problem(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.VARIABLE, "mkdocs2")
    problems = languages.build(site, tmp_path / "out")
    assert [(p.path, p.message) for p in problems] == [("ENGINE", "the engine 'mkdocs2' is unknown")]
    assert "ENGINE=properdocs" in problems[0].hint
    assert not (tmp_path / "out").exists()


def test_languages_built_at_the_same_time_give_the_site_of_one_run(site: Site, tmp_path: Path) -> None:
    assert run_mkdocs.run_mkdocs(site, tmp_path / "one") == []
    assert languages.build(site, tmp_path / "split") == []
    one, split = read_site(tmp_path / "one"), read_site(tmp_path / "split")
    assert sorted(one) == sorted(split)
    assert [path for path in one if one[path] != split[path]] == []
    sitemap = gzip.decompress(split["sitemap.xml.gz"]).decode("utf-8")
    assert sitemap == split["sitemap.xml"].decode("utf-8")
    assert "/en/faq/</loc>" in sitemap and "/faq/</loc>" in sitemap.replace("/en/faq/", "")  # both languages
    assert "_headers" not in split  # the security policy is a later stage of the pipeline (built/policy.py)
    assert not list(tmp_path.glob("split-*"))  # the other languages' folders are gone
