"""The files under docs/ that MkDocs would publish: no link to elsewhere on the disk, and only kinds of files
that cannot run code in a visitor's browser, except the site's own scripts in the folders a maintainer keeps.

A symlink would publish what it points to (a password file, the repository's .git with its token); an .html
or .js file would run on the site's address; an SVG is checked like every page once built (built/verify).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem
from .model import Check, Site

# What editors may publish anywhere under docs/.
EDITOR_FILES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".pdf", ".txt", ".csv"}
# The folders of code and styles, kept by maintainers (.github/CODEOWNERS), and what each may hold besides.
MAINTAINED = {"assets/javascripts": {".js"}, "assets/stylesheets": {".css"}}


def published_files(site: Site) -> Iterator[Problem]:
    """No symlink under docs/, and every file of a kind allowed where it is."""
    for folder, dirs, files in os.walk(site.docs, followlinks=False):
        here = Path(folder)
        for name in sorted([*dirs, *files]):
            path = here / name
            rel = path.relative_to(site.docs).as_posix()
            if path.is_symlink():
                yield Problem(site.show(path), None, "this is a link to another file or folder (symlink): the site "
                              "would publish what it points to", "put a copy of the file itself here, or remove it")
            elif name in files and not name.startswith(".") and not _allowed(rel):
                yield Problem(site.show(path), None, f"files of this kind ({path.suffix or 'no extension'}) are not "
                              "published: they could run code in visitors' browsers",
                              f"publish only pages (.md), pictures or documents ({', '.join(sorted(EDITOR_FILES))}); "
                              "scripts and styles are added by a maintainer")
        dirs[:] = [name for name in dirs if not (here / name).is_symlink()]


def _allowed(rel: str) -> bool:
    suffix = os.path.splitext(rel)[1].lower()
    return suffix in EDITOR_FILES or any(rel.startswith(folder + "/") and suffix in kinds
                                         for folder, kinds in MAINTAINED.items())


CHECKS: list[Check] = [published_files]
