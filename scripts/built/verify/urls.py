"""Addresses in published markup, read as a browser reads them: entities are already decoded by the parser;
tabs, line breaks and control characters are dropped, so ``java&Tab;script:`` is ``javascript:``."""
from __future__ import annotations

import re

from .allowed import DATA_IMAGES, SCHEMES

IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")  # browsers drop tabs and line breaks anywhere, trim the rest
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def normalised(value: str) -> str:
    """The address as the browser uses it."""
    return IGNORED.sub("", value)


def refusal(value: str, *, loads: bool, image: bool) -> str | None:
    """Why an address is refused (None if allowed): its scheme, or for what the browser loads by itself, being
    on another host. ``image``: an <img> address, which may be a data: picture."""
    address = normalised(value)
    lowered = address.lower()
    if image and lowered.startswith(DATA_IMAGES):
        return None
    found = SCHEME.match(address)
    if found and found.group(1).lower() not in SCHEMES:
        return f"the address '{address[:60]}' uses '{found.group(1).lower()}:', which the site refuses"
    if loads and (found or lowered.startswith(("//", "\\\\", "/\\", "\\/"))):
        return f"the address '{address[:60]}' is loaded from another host"
    return None


def srcset_addresses(value: str) -> list[str]:
    """The addresses of a srcset value."""
    return [part.split()[0] for part in value.split(",") if part.split()]
