"""What search engines and link previews read in each page's <head>: canonical URL, the page in the
other languages (hreflang, with x-default = the default language), title, description, Open Graph.

Rendered by ``overrides/main.html`` (block ``site_meta``) from the ``PageHead`` that the hook gives it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin


@dataclass(frozen=True)
class Alternate:
    lang: str   # an hreflang value: "fr", "en" or "x-default"
    href: str   # absolute URL


@dataclass(frozen=True)
class PageHead:
    title: str
    description: str
    canonical: str
    locale: str                                    # og:locale, e.g. "fr_FR"
    alternates: list[Alternate] = field(default_factory=list)
    other_locales: list[str] = field(default_factory=list)
    image: str = ""                                # og:image, absolute URL (features/share_image)
    image_alt: str = ""                            # what the picture says


def absolute(site_url: str, link: str) -> str:
    """A link of the language menu (``en/faq/``, ``/en/``) as an absolute URL under ``site_url``."""
    if link.startswith("/"):
        return urljoin(site_url, link)
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", link)


def page_head(*, site_url: str, lang: str, default: str, title: str, description: str, canonical: str | None,
              menu: list[dict[str, str]], locales: dict[str, str], image: str = "", image_alt: str = "") -> PageHead:
    """The head of a page in ``lang``; ``menu`` is the language menu (``config.extra.alternate``) for this page;
    ``locales``: each language's og:locale, with its territory ("fr_FR": source/locales.py); ``image``: its share
    picture, from the site root, and the picture's text."""
    alternates = [Alternate(item["lang"], absolute(site_url, item["link"])) for item in menu]
    by_lang = {alternate.lang: alternate.href for alternate in alternates}
    if default in by_lang:
        alternates.append(Alternate("x-default", by_lang[default]))
    return PageHead(title=title, description=description, canonical=canonical or by_lang.get(lang, site_url),
                    locale=locales.get(lang, lang), alternates=alternates,
                    other_locales=[locales.get(item["lang"], item["lang"]) for item in menu if item["lang"] != lang],
                    image=absolute(site_url, image) if image else "", image_alt=image_alt)
