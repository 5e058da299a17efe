"""The build stage of the ZIM (``make zim``: ``python -m scripts build --zim``): the file written into the built
site as ``resilient-cities.zim``, then the take-part page's link to it in place of its ``<!-- zim -->`` line.
Without --zim, the page says that this version of the site has no ZIM file."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import langcodes

from ...problems import Problem
from ...source.fields import TEXT, Schema
from ...source.model import Site, relative_url
from ...source.texts import Texts, block, with_names
from ..booklets.model import read_texts
from ..feature import StageRun
from ..poster.publish import description
from ..search_words.reader import read_keywords, read_section_keywords
from .writer import Metadata, write_zim

MARKER = "<!-- zim -->"    # in take-part.md, each language, in the section for local actors
PAGE = "take-part.md"
FILE = "resilient-cities.zim"
TEXTS: Texts = {"zim": Schema({"link": with_names("size"), "missing": TEXT})}


@dataclass
class ZimReport:
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0
    size: int = 0


def zim_texts(site: Site, lang: str) -> dict[str, str]:
    """The texts of ``lang`` (the source checks report the missing ones)."""
    return block(site, lang, TEXTS, "zim")


def metadata(site: Site) -> Metadata:
    """What Kiwix shows about the file, from mkdocs.yml (``extra.zim`` and the site's name and descriptions)."""
    settings = (site.config.get("extra") or {}).get("zim") or {}
    author = str(site.config.get("site_author") or "")
    return Metadata(
        name=str(settings.get("name") or "resilient-cities_mul_all"), title=str(site.config.get("site_name") or "")[:30],
        description=str(settings.get("description") or "")[:80],
        languages=",".join(langcodes.Language.get(lang).to_alpha3() for lang in site.languages),
        creator=author, publisher=str(settings.get("publisher") or author),
        date=datetime.now(UTC).date().isoformat(),
        long_description=" ".join(description(site, lang) for lang in site.languages)[:4000])


def keywords(site: Site) -> dict[str, tuple[str, ...]]:
    """Each page's search words (front matter ``keywords:``, then those of its sections, ``section_keywords:``),
    by its file in the built site."""
    return {url.lstrip("/") + "index.html": tuple(dict.fromkeys(
                [*read_keywords(page)[0], *(word for words in read_section_keywords(page)[0].values() for word in words)]))
            for url, page in site.source_map().items()}


def publish(site: Site, out: Path, wanted: bool) -> ZimReport:
    """Write the ZIM when ``wanted``, and fill each language's take-part page (a link, or why there is none)."""
    report = ZimReport()
    if wanted:
        logo = site.docs / str((site.config.get("theme") or {}).get("logo") or "assets/images/logo.svg")
        try:
            report.entries = write_zim(out, out / FILE, metadata(site), logo.read_text("utf-8"), keywords(site),
                                       urlsplit(str(site.config.get("site_url") or "/")).path or "/")
        except (OSError, RuntimeError, ValueError) as error:
            return ZimReport([Problem(FILE, None, f"the ZIM file could not be written: {error}",
                                      "check the disk space, and the logo (assets/images/logo.svg)")])
        report.size = (out / FILE).stat().st_size
    for lang in site.languages:
        report.problems += _offer(site, out, lang, report.size)
    return report


def _offer(site: Site, out: Path, lang: str, size: int) -> list[Problem]:
    built = out / site.page_url(lang, PAGE).lstrip("/") / "index.html"
    if not built.is_file():
        return []
    html, texts = built.read_text("utf-8"), zim_texts(site, lang)
    if MARKER not in html:
        page = site.page(lang, PAGE)
        return [Problem(page.display if page else PAGE, None, "the ZIM file's link has no place in this page",
                        f"add a line with only {MARKER} in the section for local actors")]
    sizes = read_texts(site, lang)[0]
    if size and sizes:
        href = relative_url("/" + FILE, site.page_url(lang, PAGE))
        offer = (f'<p class="rc-zim"><a class="md-button" href="{escape(href)}" download type="application/x-zim">'
                 f'{escape(texts["link"].format(size=sizes.size(size)))}</a></p>')
    else:
        offer = f'<p class="rc-zim">{escape(texts["missing"])}</p>'
    built.write_text(html.replace(MARKER, offer), "utf-8")
    return []


def zim_stage(run: StageRun) -> list[Problem]:
    """The pipeline stage: after every PDF, the file (with --zim) and the take-part page's link, before the checks."""
    return publish(run.site, run.out, run.zim).problems
