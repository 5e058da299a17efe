"""New pages in one command: the same file in every language folder, with its front matter, its title and a
first heading with an id; and its line in the menu (``nav:`` of mkdocs.yml, one line inserted, the rest of the
file left as it was). Nothing is ever overwritten."""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..problems import Problem
from .model import Site

PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
TO_FILL = "# TO FILL:"  # marks a value left for the editor to write
DESCRIPTION = f'description: ""  {TO_FILL} one sentence that sums up the page (search engines show it)'
BODY = """
## Introduction {#introduction}

<!-- TO FILL: write the page here, in plain words. Every heading below the title ends with an id, the same
in every language, e.g. "## Who can join? {#who-can-join}". -->
"""


def left_to_fill(site: Site) -> list[Problem]:
    """Warnings for what ``make new-page`` or ``make new-booklet`` left to write: an empty description, a
    "TO FILL" text still in the page (an error only where a field must be filled, e.g. a booklet's)."""
    found = []
    for page in site.pages.values():
        if "description" in page.meta and not str(page.meta.get("description") or "").strip():
            found.append(Problem(page.display, page.meta_lines.get("description", 1), "the page's description is "
                                 "empty", "write one sentence that sums up the page (search engines show it)",
                                 "warning"))
        found += [Problem(page.display, number, "this page still says 'TO FILL': a part is not written yet",
                          "write it, then remove the TO FILL comment", "warning")
                  for number, line in enumerate(page.lines[page.body_start:], start=page.body_start + 1)
                  if "<!-- TO FILL" in line]
    return found


def quoted(text: str) -> str:
    """``text`` as a YAML value in double quotes (YAML reads JSON strings)."""
    return json.dumps(text, ensure_ascii=False)


def refuse_existing(site: Site, rel: str) -> list[Problem]:
    """A problem for each language version of ``rel`` that exists already (never overwritten)."""
    return [Problem(site.show(site.docs / lang / rel), None, "this page exists already: nothing was written",
                    "choose another name, or edit the existing files") for lang in site.languages
            if (site.docs / lang / rel).exists()]


def write_versions(site: Site, rel: str, texts: dict[str, str]) -> list[Path]:
    """Write each language's text of the page ``rel``; the paths written."""
    written = []
    for lang, text in texts.items():
        path = site.docs / lang / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as stream:  # "x": fails rather than overwrite
            stream.write(text)
        written.append(path)
    return written


def new_page(site: Site, name: str, titles: dict[str, str]) -> tuple[list[Path], list[Problem]]:
    """Create ``<name>.md`` in every language folder, titled ``titles[lang]``, and list it at the end of the menu."""
    rel = f"{name}.md"
    problems = [] if PAGE_NAME.match(name) else [
        Problem("NAME", None, f"'{name}' cannot name a page",
                "use small letters without accents, digits and hyphens, e.g. local-services")]
    problems += [Problem("TITLE_" + lang.upper(), None, f"the page needs a title in {lang.upper()}",
                         f"give it, e.g. TITLE_{lang.upper()}=\"…\"") for lang in site.languages
                 if not titles.get(lang, "").strip()]
    problems = problems or refuse_existing(site, rel)
    if problems:
        return [], problems
    texts = {lang: f"---\ntitle: {quoted(titles[lang].strip())}\n{DESCRIPTION}\n---\n\n# {titles[lang].strip()}\n"
             + BODY for lang in site.languages}
    written = write_versions(site, rel, texts)
    config = site.root / "mkdocs.yml"
    if add_nav_entry(config, rel):
        written.append(config)
    return written, []


def add_nav_entry(config: Path, rel: str, after: str = "") -> bool:
    """Insert ``- rel`` into ``nav:`` of mkdocs.yml: after the last entry that contains ``after`` (with its
    indentation), or at the end of the menu. False when there is no ``nav:`` or ``rel`` is in it already."""
    lines = config.read_text("utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*$", line)), None)
    if start is None:
        return False
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[^\s#-]", lines[i])), len(lines))
    entries = [i for i in range(start + 1, end) if re.match(r"^\s*- ", lines[i])]
    if not entries or any(re.search(rf"(?:^|\s|:)\s*{re.escape(rel)}\s*$", lines[i]) for i in entries):
        return False
    anchors = [i for i in entries if after and after in lines[i]]
    place = anchors[-1] if anchors else max(i for i in range(start + 1, end) if lines[i].strip())
    model = lines[place] if anchors else lines[entries[0]]
    lines.insert(place + 1, f"{model[:len(model) - len(model.lstrip())]}- {rel}\n")
    if not lines[place].endswith("\n"):
        lines[place] += "\n"
    config.write_text("".join(lines), "utf-8")
    return True
