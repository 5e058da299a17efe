"""mkdocs.yml read without MkDocs: the plain data, the i18n plugin's options, each language's texts as written
(``messages``; the features read theirs, checked, with ``texts.read``)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml: 5 times faster
    """Reads mkdocs.yml without MkDocs: ``!ENV [NAME, default]`` gives the default, other tags None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV NAME`` and ``!ENV [NAME, ..., default]``."""
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None  # type: ignore[arg-type]
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data."""
    with config_file.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    return data if isinstance(data, dict) else {}


def i18n_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the mkdocs-static-i18n plugin in mkdocs.yml."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def language_options(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Each language's block of the i18n plugin (``locale``, ``extra``, ``nav_translations``…)."""
    return [item for item in i18n_options(config).get("languages") or [] if isinstance(item, dict)]


def language_config(config: dict[str, Any], lang: str) -> dict[str, Any]:
    """``lang``'s block of the i18n plugin ({} when it has none)."""
    return next((item for item in language_options(config) if item.get("locale") == lang), {})


def language_names(config: dict[str, Any]) -> dict[str, str]:
    """Each language's name in itself (its ``name:`` in the i18n plugin, else its code): {"fr": "Français"}."""
    return {str(item.get("locale")): str(item.get("name") or item.get("locale")) for item in language_options(config)}


def messages(config: dict[str, Any], lang: str) -> dict[str, Any]:
    """The reader-facing texts of ``lang``: its ``extra.messages`` in mkdocs.yml ({} when absent)."""
    found = (language_config(config, lang).get("extra") or {}).get("messages")
    return found if isinstance(found, dict) else {}


LOCAL_HOSTS = re.compile(r"^(localhost|127(?:\.\d+){3}|\[::1\]|0\.0\.0\.0)(?::\d+)?$", re.I)


def is_public(url: str) -> bool:
    """Whether ``url`` is an address others can reach (not localhost or 127.0.0.1: a local preview)."""
    host = urlsplit(url).netloc
    return bool(host) and not LOCAL_HOSTS.match(host)


def line_of(lines: list[str], text: str) -> int | None:
    """The first line (from 1) of ``lines`` that contains ``text``."""
    return next((number for number, line in enumerate(lines, 1) if text in line), None)
