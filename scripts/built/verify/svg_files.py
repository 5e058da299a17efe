"""Published SVG files, as a browser opens them (an XML document on the site's address): shapes only."""
from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree

from .allowed import SVG_ATTRIBUTES, SVG_ELEMENTS
from .markup import Finding
from .urls import refusal

# A DTD can define entities that expand into markup; processing instructions can attach a stylesheet.
NOT_PLAIN = re.compile(r"<!DOCTYPE|<!ENTITY|<\?(?!xml\s)", re.I)
LOCAL_URL = re.compile(r"url\(\s*#[\w-]+\s*\)")  # a gradient or clip path of the same picture
FIX = "keep the picture to shapes (path, rect, circle, text…): export it again as a plain SVG, or as PNG"


def check_svg(text: str) -> Iterator[Finding]:
    """Every element, attribute and address of an SVG file that the allow-list does not allow."""
    found = NOT_PLAIN.search(text)
    if found:
        yield Finding(f"the SVG file holds '{found.group(0)}', which can add code to the picture", FIX,
                      (found.group(0),), "svg")
        return
    try:
        root = ElementTree.fromstring(text)  # noqa: S314 - no DTD, so no entity can expand (checked above)
    except ElementTree.ParseError as error:
        yield Finding(f"the SVG file cannot be read as XML ({error})", FIX, ("<svg",), "svg")
        return
    for element in root.iter():
        tag = _local(str(element.tag))
        if tag.lower() not in SVG_ELEMENTS:
            yield Finding(f"the SVG file holds a <{tag}> element, which the site does not publish", FIX,
                          (f"<{tag}",), tag)
            continue
        for name, value in element.attrib.items():
            local = _local(name).lower()
            if local.startswith("on"):
                yield Finding(f"the attribute {local}= would run a script", FIX, (value,), tag)
            elif local in ("href", "src") or LOCAL_URL.sub("", value.lower()).count("url("):
                why = refusal(value, loads=True, image=False) or "the picture refers to another file"
                yield Finding(why, FIX, (value,), tag)
            elif local not in SVG_ATTRIBUTES and not local.startswith("aria-") and local not in ("role", "id",
                                                                                               "class", "lang"):
                yield Finding(f"the attribute {local}= on <{tag}> is not one the site publishes", FIX, (value,), tag)


def _local(name: str) -> str:
    """A name without its XML namespace: "{http://www.w3.org/2000/svg}path" -> "path"."""
    return name.rsplit("}", 1)[-1]
