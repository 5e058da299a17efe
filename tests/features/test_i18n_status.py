"""Translation status from git history, in a real temporary repository: the command line, the reader's
notice in the built HTML and the editors' status page all tell the same story; without history, "unknown"."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from scripts import cli, pipeline
from scripts.built.html_model import read_built_site, resolve
from scripts.features.i18n_status import history
from scripts.features.i18n_status import model as i18n_status
from scripts.features.i18n_status.model import State
from scripts.features.registry import check_sources
from scripts.problems import format_text
from scripts.source.parse import load_site

from ..conftest import CACHE, give_cache

GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org"}


def git(repo: Path, *args: str, when: str = "2024-01-10T10:00:00+00:00") -> str:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, when: str, message: str, changes: dict[str, str | None]) -> str:
    """Append a paragraph to each file (or delete it, for None), commit at a fixed date; return the hash."""
    for name, text in changes.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.write_text(path.read_text("utf-8") + f"\n{text}\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()


def shallow_clone(repo: Path, clone: Path) -> Path:
    """A clone of ``repo``'s last commit only, given the repository's cache, which git does not hold: its build
    renders no PDF or picture the cache has (one the clone's pages change is still rendered again)."""
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   env={**os.environ, **GIT_ENV}, capture_output=True)
    return give_cache(clone, repo / CACHE)


def start_repo(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "All pages in both languages")
    return project


def make_history(repo: Path) -> dict[str, str]:
    """Commits that make pages outdated, up to date again, skipped, pending; return their hashes."""
    hashes = {
        # The French FAQ gains a paragraph: the English FAQ is now behind it.
        "faq": commit(repo, "2024-02-01T09:00:00+01:00", "FAQ: a new paragraph",
                      {"docs/fr/faq.md": "Un paragraphe ajouté en français."}),
        # A typo fix in the English page about the organisation does not count.
        "typo": commit(repo, "2024-02-15T09:00:00+01:00", "Fix a typo [i18n skip]",
                       {"docs/en/about.md": "A typo fixed."}),
        # French privacy page changes, then its translation catches up: both up to date again.
        "privacy-fr": commit(repo, "2024-03-01T09:00:00+01:00", "Privacy: clearer",
                             {"docs/fr/privacy.md": "Une phrase plus claire."}),
        "privacy-en": commit(repo, "2024-03-05T09:00:00+01:00", "Privacy: translated",
                             {"docs/en/privacy.md": "A clearer sentence."}),
        # The English home page gains a sentence: now the French one is behind.
        "home-en": commit(repo, "2024-04-01T09:00:00+02:00", "Home: a new sentence in English",
                          {"docs/en/index.md": "A new sentence in English."}),
        # Both versions of the programme page in one commit: both up to date.
        "both": commit(repo, "2024-04-10T09:00:00+02:00", "Programme: both languages",
                       {"docs/fr/programme.md": "Une phrase.", "docs/en/programme.md": "A sentence."}),
    }
    # The take-part page waits for its English translation.
    french = repo / "docs/fr/take-part.md"
    french.write_text(french.read_text("utf-8").replace("---\n", "---\ntranslation: pending\n", 1), encoding="utf-8")
    hashes["pending"] = commit(repo, "2024-04-20T09:00:00+02:00", "Take part: English pending",
                               {"docs/en/take-part.md": None})
    return hashes


def one(tag: Tag, selector: str) -> Tag:
    found = tag.select_one(selector)
    assert found is not None, selector
    return found


def attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    return " ".join(value) if isinstance(value, list) else str(value)


def text(tag: Tag) -> str:
    return re.sub(r"[ \n\t]+", " ", tag.get_text()).strip()  # spaces, not the no-break ones


def states(report: i18n_status.StatusReport) -> dict[tuple[str, str], str]:
    return {(v.lang, page.rel): v.state.value for page in report.pages for v in page.versions.values()}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().out


@pytest.fixture
def repo(project: Path) -> Path:
    return start_repo(project)


def test_a_fresh_repository_is_up_to_date_and_strict_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = i18n_status.load_status(repo)
    assert report.history.known and report.pages
    assert set(states(report).values()) == {State.UP_TO_DATE.value}
    code, out = run_cli(capsys, "--root", str(repo), "i18n-status", "--strict")
    assert code == 0 and "outdated" not in out.split("\n\n")[1]


def test_history_gives_each_state(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hashes = make_history(repo)
    commit(repo, "2024-05-01T09:00:00+02:00", "Eligibility: English removed", {"docs/en/eligibility.md": None})
    found = states(i18n_status.load_status(repo))
    assert found[("en", "faq.md")] == found[("fr", "index.md")] == "outdated"
    assert found[("fr", "faq.md")] == found[("en", "index.md")] == "up-to-date"
    for rel in ("about.md", "privacy.md", "programme.md"):
        assert found[("fr", rel)] == found[("en", rel)] == "up-to-date", rel
    assert found[("en", "take-part.md")] == "pending" and found[("fr", "take-part.md")] == "up-to-date"
    assert found[("en", "eligibility.md")] == "missing"
    assert list(found.values()).count("outdated") == 2

    code, out = run_cli(capsys, "--root", str(repo), "i18n-status")
    assert code == 0
    assert re.search(r"^faq\.md +up to date +outdated since 2024-02-01$", out, flags=re.M)
    assert re.search(r"^index\.md +outdated since 2024-04-01 +up to date$", out, flags=re.M)
    assert re.search(r"^take-part\.md +up to date +pending$", out, flags=re.M)
    assert re.search(r"^eligibility\.md +up to date +missing$", out, flags=re.M)
    diff = next(line.split("see what changed: ")[1] for line in out.splitlines()
                if "see what changed" in line and "docs/fr/faq.md" in line)
    shown = subprocess.run(diff.split(), cwd=repo, capture_output=True, text=True, check=True).stdout
    assert "+Un paragraphe ajouté en français." in shown

    code, out = run_cli(capsys, "--root", str(repo), "i18n-status", "--format", "json")
    data = json.loads(out)
    faq = next(p for p in data["pages"] if p["page"] == "faq.md")["versions"]["en"]
    assert faq["state"] == "outdated" and faq["since"] == "2024-02-01T09:00:00+01:00"
    assert faq["behind"][0]["since"]["hash"] == hashes["faq"] and faq["behind"][0]["lang"] == "fr"
    assert data["counts"]["missing"] == 1 and data["counts"]["pending"] == 1

    assert run_cli(capsys, "--root", str(repo), "i18n-status", "--strict")[0] == 1


def test_skip_file_lists_commits_made_without_the_mark(repo: Path) -> None:
    hashes = make_history(repo)
    (repo / history.SKIP_FILE).write_text(f"# a French review only\n{hashes['faq'][:12]}\n", encoding="utf-8")
    assert states(i18n_status.load_status(repo))[("en", "faq.md")] == "up-to-date"


@pytest.mark.build
def test_notice_status_page_and_cli_agree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_history(repo)
    result = pipeline.build(repo, repo / "site")  # the site's link checks included
    assert result.ok, format_text(result.problems)
    pages = read_built_site(repo / "site")
    data = json.loads(run_cli(capsys, "--root", str(repo), "i18n-status", "--format", "json")[1])
    outdated = {v["url"]: v for page in data["pages"] for v in page["versions"].values() if v["state"] == "outdated"}
    assert set(outdated) == {"/en/faq/", "/"}

    noticed: dict[str, Tag] = {}
    for url, page in pages.items():
        notices = BeautifulSoup(page.path.read_text("utf-8"), "html.parser").select(".rc-outdated")
        assert len(notices) <= 1, url
        if notices:
            noticed[url] = notices[0]
    assert set(noticed) == set(outdated)
    for url, notice in noticed.items():
        other = outdated[url]["behind"][0]
        assert attr(notice, "role") == "note" and "admonition" in attr(notice, "class").split()
        assert attr(one(notice, "time"), "datetime") == other["since"]["date"][:10]
        link = one(notice, "a")
        assert attr(link, "hreflang") == other["lang"]
        assert resolve(url, attr(link, "href")) == ("/faq/" if url == "/en/faq/" else "/en/")
        assert notice.find_previous("h1") is not None  # under the page title
    assert text(noticed["/en/faq/"]) == ("This page may be out of date; the French version was updated on "
                                         "1 February 2024. Read the French version")
    assert text(noticed["/"]) == ("Cette page n’est peut-être plus à jour\u00a0: la version anglaise a été "
                                  "modifiée le 1 avril 2024. Lire la version anglaise")

    # The status page, in each language: the same states as the CLI's JSON, in the reader's words.
    states_of = {page["page"]: [page["versions"][lang]["state"] for lang in data["languages"]] for page in data["pages"]}
    index = json.loads((repo / "site" / "search" / "search_index.json").read_text("utf-8"))
    index_en = json.loads((repo / "site" / "en" / "search" / "search_index.json").read_text("utf-8"))
    for at, lang, outdated_words in (("/i18n-status/", "fr", "à revoir depuis le 1 février 2024"),
                                     ("/en/i18n-status/", "en", "outdated since 1 February 2024")):
        soup = BeautifulSoup(pages[at].path.read_text("utf-8"), "html.parser")
        assert attr(one(soup, "html"), "lang") == lang
        assert attr(one(soup, 'meta[name="robots"]'), "content").startswith("noindex")
        assert one(soup, "table > caption") and one(soup, ".md-header")  # in the site's theme
        rows = {text(one(row, "th")): row.select("td") for row in soup.select("tbody > tr")}
        assert {rel: [attr(cell, "data-state") for cell in cells] for rel, cells in rows.items()} == states_of
        assert text(rows["faq.md"][1]) == outdated_words
        assert attr(one(rows["faq.md"][1], "time"), "datetime") == "2024-02-01"
        for link in soup.select("article a"):
            assert resolve(at, attr(link, "href")) in pages, attr(link, "href")
        alternates = {attr(link, "hreflang") for link in soup.select('link[rel="alternate"][hreflang]')}
        assert alternates == {"fr", "en", "x-default"}
        switch = {other: resolve(at, href) for other, href in pages[at].switcher.items()}
        assert switch == {"fr": "/i18n-status/", "en": "/en/i18n-status/"}
    assert "i18n-status" not in json.dumps(index) + json.dumps(index_en)
    sitemap = (repo / "site" / "sitemap.xml").read_text("utf-8")
    assert "i18n-status" not in sitemap and "i18n-status" not in (repo / "site" / "index.html").read_text("utf-8")
    assert not BeautifulSoup((repo / "site" / "faq" / "index.html").read_text("utf-8"), "html.parser").select(
        'meta[name="robots"]')


@pytest.mark.build
def test_shallow_clone_is_unknown_with_a_hint(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_history(repo)
    clone = shallow_clone(repo, tmp_path / "clone")
    found = states(i18n_status.load_status(clone))
    assert found[("en", "faq.md")] == found[("fr", "index.md")] == "unknown"
    assert found[("en", "take-part.md")] == "pending"  # known from the files themselves
    assert "outdated" not in found.values() and "up-to-date" not in found.values()
    code, out = run_cli(capsys, "--root", str(clone), "i18n-status", "--strict")
    assert code == 1 and "git fetch --unshallow" in out.splitlines()[0]

    result = pipeline.build(clone, clone / "site", check_links=False)
    assert result.ok, format_text(result.problems)
    html = "".join(p.read_text("utf-8") for p in (clone / "site").rglob("*.html"))
    assert not re.search(r'class="[^"]*\brc-outdated\b', html) and "git fetch --unshallow" in html  # no notice


def test_outside_git_is_unknown(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = i18n_status.load_status(project)
    assert not report.history.known and "not a git repository" in report.history.reason
    assert set(states(report).values()) == {"unknown"}
    assert all(v.note for v in report.versions())
    code, out = run_cli(capsys, "--root", str(project), "i18n-status")
    assert code == 0 and out.startswith("Translation status: unknown")


def test_a_file_never_committed_is_unknown(repo: Path) -> None:
    (repo / "docs/fr/faq.md").write_text((repo / "docs/fr/faq.md").read_text("utf-8") + "\nNon enregistré.\n")
    (repo / "docs/en/new.md").write_text("# New\n", encoding="utf-8")
    found = i18n_status.load_status(repo)
    assert states(found)[("fr", "faq.md")] == "up-to-date"  # only commits count
    new = found.version("en", "new.md")
    assert new is not None and new.state is State.UNKNOWN and new.note == "not committed yet"
    assert (version := found.version("fr", "new.md")) is not None and version.state is State.MISSING


def test_a_language_without_notice_texts_is_a_problem(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("                fr: the French version\n", ""))
    problems = [p for p in check_sources(load_site(project)) if "notice" in p.message]
    assert len(problems) == 1 and "no name for the FR version" in problems[0].message


def test_status_page_texts_and_marker_are_checked(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("                todo: What to do\n", "")
                      .replace('outdated: "outdated since {date}"', 'outdated: "outdated since {day}"'))
    page = project / "docs/fr/i18n-status.md"
    page.write_text(page.read_text("utf-8").replace("<!-- i18n-status:table -->", ""))
    problems = check_sources(load_site(project))
    texts = [p for p in problems if "status." in p.message]
    assert [(p.path, p.message.split(",")[0]) for p in texts] == [
        ("mkdocs.yml", "the language 'en' has no 'status.todo' field"),
        ("mkdocs.yml", "the field 'status.states.outdated' must be a text with {date}")], texts
    lines = config.read_text("utf-8").splitlines()
    assert [lines[(p.line or 0) - 1].strip()[:7] for p in texts] == ["status:", "outdate"]  # each on its line
    assert "{day}" in lines[(texts[1].line or 0) - 1]
    assert [p.path for p in problems if "status table has no place" in p.message] == ["docs/fr/i18n-status.md"]
