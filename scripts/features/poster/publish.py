"""The build stage of the posters: with a public address (SITE_URL), one PDF per language into the built site
(``posters/resilient-cities-poster-<lang>.pdf``), and the take-part page's links to them in place of its
``<!-- posters -->`` line; without one, no poster, a note once, and the page says there is none."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from babel import Locale

from ...problems import Problem
from ...source.config import is_public, language_config
from ...source.model import Site, relative_url
from ..booklets.pdf import INSTALL_HINT, is_machine_warning, machine_check, render_pdf
from ..feature import StageRun
from .content import PAGE, SECTIONS, section
from .render import TEMPLATE, PosterContent, poster_html
from .texts import poster_texts

MARKER = "<!-- posters -->"   # in take-part.md, each language, in the section for local actors
FOLDER = "posters"


@dataclass
class PosterReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    made: dict[str, str] = field(default_factory=dict)   # language -> site-relative URL of its PDF


def poster_url(lang: str) -> str:
    return f"/{FOLDER}/resilient-cities-poster-{lang}.pdf"


def description(site: Site, lang: str) -> str:
    """The site's description in ``lang`` (mkdocs.yml: the language's ``site_description``, else the site's)."""
    language = language_config(site.config, lang)
    return " ".join(str(language.get("site_description") or site.config.get("site_description") or "").split())


def publish(site: Site, out: Path) -> PosterReport:
    """Make the posters into the built site ``out``, then offer them on the take-part pages."""
    report = PosterReport()
    address = str(site.config.get("site_url") or "").rstrip("/") + "/"
    if not is_public(address):
        report.notes.append(f"no posters: the site has no public address ({address}); set SITE_URL to make them")
    else:
        unable, notes = machine_check()
        if unable:
            report.problems.append(Problem(PAGE, None, f"the posters cannot be made on this machine: {unable}",
                                           INSTALL_HINT))
            return report
        report.notes += notes
        for lang in site.languages:
            report.problems += _make(site, out, address, lang, report)
    if not report.problems:
        report.problems += [problem for lang in site.languages for problem in _offer(site, out, lang, report.made)]
    return report


def _built(site: Site, out: Path, lang: str) -> Path:
    return out / site.page_url(lang, PAGE).lstrip("/") / "index.html"


def _make(site: Site, out: Path, address: str, lang: str, report: PosterReport) -> list[Problem]:
    texts = poster_texts(site, lang)
    built = _built(site, out, lang)
    page = site.page(lang, PAGE)
    where = page.display if page else PAGE
    if not built.is_file():
        return [Problem(where, None, "the page was not built, so there is no poster", "read the messages above")]
    html = built.read_text("utf-8")
    found = [section(html, ident) for ident in SECTIONS]
    if None in found:
        return [Problem(where, None, f"the poster takes the sections {', '.join('#' + s for s in SECTIONS)} of this "
                        "page, and one is missing", "keep these heading ids in the page")]
    content = PosterContent(lang, str(site.config.get("site_name") or ""), str(site.config.get("site_author") or ""),
                            description(site, lang), tuple(s for s in found if s),
                            address + site.page_url(lang, "eligibility.md").lstrip("/"))
    theme = site.config.get("theme") or {}
    document = poster_html(site.root / str(theme.get("custom_dir") or "overrides") / TEMPLATE, content, texts)
    try:
        pdf, warnings = render_pdf(document, "", address, address, out)
    except Exception as error:  # noqa: BLE001 - WeasyPrint's failure becomes a problem
        return [Problem(where, None, f"WeasyPrint could not make the poster: {error}", "check overrides/" + TEMPLATE)]
    content_warnings = [warning for warning in warnings if not is_machine_warning(warning)]
    if content_warnings:
        return [Problem(where, None, f"making the poster: {warning}", "check overrides/" + TEMPLATE)
                for warning in content_warnings]
    target = out / poster_url(lang).lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf.data)
    report.made[lang] = poster_url(lang)
    return []


def offer_html(site: Site, lang: str, made: dict[str, str]) -> str:
    """The take-part page's links to every language's poster (the page's language first), or why there is none."""
    texts = poster_texts(site, lang)
    if not made:
        return f'<p class="rc-posters">{escape(texts["missing"])}</p>'
    here = site.page_url(lang, PAGE)
    links = []
    for other in sorted(made, key=lambda other: other != lang):
        name = Locale.parse(lang).languages.get(other, other)   # "anglais", "French"
        links.append(f'<a class="md-button" href="{escape(relative_url(made[other], here))}" download '
                     f'type="application/pdf" hreflang="{escape(other)}">'
                     f'{escape(texts["link"].format(language=name))}</a>')
    return f'<p class="rc-posters">{" ".join(links)}</p>'


def _offer(site: Site, out: Path, lang: str, made: dict[str, str]) -> list[Problem]:
    built = _built(site, out, lang)
    if not built.is_file():
        return []
    html = built.read_text("utf-8")
    if MARKER not in html:
        page = site.page(lang, PAGE)
        return [Problem(page.display if page else PAGE, None, "the posters' links have no place in this page",
                        f"add a line with only {MARKER} in the section for local actors")]
    built.write_text(html.replace(MARKER, offer_html(site, lang, made)), "utf-8")
    return []


def poster_stage(run: StageRun) -> list[Problem]:
    """The pipeline stage: the posters (with a public address only) and their links on the take-part pages."""
    report = publish(run.site, run.out)
    run.notes += [note for note in report.notes if note not in run.notes]
    return report.problems
