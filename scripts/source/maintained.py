"""The settings of mkdocs.yml that run code or load scripts are fixed here: a change to them fails the build
until a maintainer makes it (this file is under maintainer review: .github/CODEOWNERS).

Editors change pages; hooks, plugins, scripts, styles, templates and Markdown extensions run in the build or in
every visitor's browser. To change one, a maintainer edits mkdocs.yml and FIXED (or PYTHON_TAGS) below together.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from ..problems import Problem
from .model import Check, Site

FIXED: dict[str, Any] = {
    "INHERIT": None,                  # another YAML file read into the configuration
    "docs_dir": "docs",
    "site_dir": "site",
    "hooks": ["scripts/mkdocs_glue/hooks.py"],
    "plugins": ["search", "i18n"],
    "extra_javascript": ["assets/javascripts/navigation.js", "assets/javascripts/reader-tools.js"],
    "extra_css": None,                # the site's stylesheet is not in the <head> (first paint): see below
    "extra.stylesheets": ["assets/stylesheets/site.css"],  # joined after Material's (mkdocs_glue/stylesheets.py)
    "theme.name": "material",
    "theme.custom_dir": "overrides",
    "markdown_extensions": ["attr_list", "md_in_html", "admonition", "def_list", "tables", "toc", "pymdownx.emoji"],
}
# The Python objects mkdocs.yml may name (a !!python/name tag runs the code it names).
PYTHON_TAGS = {"tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
               "tag:yaml.org,2002:python/name:material.extensions.emoji.to_svg"}
HOW = ("a maintainer must make this change: settings that run code or load scripts are fixed in "
       "scripts/source/maintained.py (FIXED), which they update in the same pull request")


def _value(config: dict[str, Any], dotted: str) -> Any:
    """The setting at ``dotted`` (e.g. "theme.custom_dir"); lists of plugins or extensions as their names."""
    found: Any = config
    for part in dotted.split("."):
        found = found.get(part) if isinstance(found, dict) else None
    if isinstance(found, list) and dotted in ("plugins", "markdown_extensions"):
        return [next(iter(item)) if isinstance(item, dict) and len(item) == 1 else item for item in found]
    return found


def fixed_settings(site: Site) -> Iterator[Problem]:
    """Every setting of FIXED as it is there; every !!python tag of mkdocs.yml one of PYTHON_TAGS."""
    for dotted, expected in FIXED.items():
        found = _value(site.config, dotted)
        if found != expected:
            key = dotted.rsplit(".", 1)[-1]
            yield Problem("mkdocs.yml", site.config_line(f"{key}:"),
                          f"the setting '{dotted}' is {found!r}, not {expected!r}", HOW)
    try:
        events = list(yaml.parse("\n".join(site.config_lines), Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return  # read_config said it already
    for event in events:
        tag = getattr(event, "tag", None) or ""
        if tag.startswith(("tag:yaml.org,2002:python/", "!!python/")) and tag not in PYTHON_TAGS:
            line = (event.start_mark.line if event.start_mark else 0) + 1
            yield Problem("mkdocs.yml", line, f"the setting names Python code ({tag})", HOW)


CHECKS: list[Check] = [fixed_settings]
