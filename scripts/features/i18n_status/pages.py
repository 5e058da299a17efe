"""The status model for readers and editors of the site: the outdated-page notice, the status page."""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from babel.dates import format_date  # installed with mkdocs-material (requirements.lock)

from ...built.html_model import insert_after_title
from ...source.model import relative_url
from .model import State, StatusReport, Version
from .report import details, history_line

STATUS_PAGE = "i18n-status/index.html"


def notice_html(report: StatusReport, src_uri: str, reader: str, messages: dict[str, Any]) -> str:
    """The notice for readers of an outdated page, in their language ("" for any other page).

    ``src_uri`` is the page's source inside the docs folder (``en/faq.md``), ``reader`` the language
    being built, ``messages`` that language's ``extra.messages`` in mkdocs.yml.
    """
    lang, _, rel = src_uri.partition("/")
    version = report.version(lang, rel)
    if lang != reader or version is None or version.state is not State.OUTDATED:
        return ""
    parts = []
    for behind in version.behind:
        other = report.version(behind.lang, rel)
        name = str(messages["versions"][behind.lang])
        day = date.fromisoformat(behind.since.day)
        when = f'<time datetime="{day.isoformat()}">{escape(format_date(day, "long", locale=reader))}</time>'
        text = escape(str(messages["outdated"])).format(version=escape(name), date=when)
        link = escape(str(messages["outdated_link"])).format(version=escape(name))
        href = relative_url(other.url if other else "/", version.url)
        parts.append(f'<p>{text} <a href="{escape(href)}" hreflang="{escape(behind.lang)}">{link}</a></p>')
    return ('<div class="admonition warning rc-outdated" role="note" data-search-exclude>'
            + "".join(parts) + "</div>")


def with_notice(content: str, notice: str) -> str:
    """The page's HTML with ``notice`` right after its title (or first when it has none)."""
    if not notice:
        return content
    return insert_after_title(content, notice) or notice + content


PAGE_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #8c959f;padding:.3rem .6rem;text-align:left}
caption{text-align:left;font-weight:600;padding:.4rem 0}a{color:#0b5b6b}code{font-size:.9em;overflow-wrap:anywhere}
.outdated,.missing,.unknown{background:#fff1e5}.pending{background:#eef4ff}
"""


def status_page_html(report: StatusReport, at: str = "/i18n-status/") -> str:
    """The editors' status page: the same table and details, not indexed by search engines."""
    def cell(version: Version) -> str:
        label = escape(version.label)
        if version.exists:
            label = f'<a href="{escape(relative_url(version.url, at))}">{label}</a>'
        return f'<td class="{version.state.value}">{label}</td>'

    head = "".join(f'<th scope="col">{lang.upper()}</th>' for lang in report.languages)
    rows = "".join(f'<tr><th scope="row">{escape(page.rel)}</th>'
                   + "".join(cell(page.versions[lang]) for lang in report.languages) + "</tr>"
                   for page in report.pages)
    todo = "".join(f"<li>{escape(text)}" + (f"<br>see what changed: <code>{escape(command)}</code>"
                                                 if command else "") + "</li>"
                      for state in State if state is not State.UP_TO_DATE
                      for version in report.versions() if version.state is state
                      for text, command in details(version))
    counts = ", ".join(f"{n} {state.replace('-', ' ')}" for state, n in report.counts().items())
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n<title>Translation status</title>\n'
        '<link rel="icon" href="../assets/images/favicon.svg">\n'
        f"<style>{PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Translation status</h1>\n"
        f"<p>{escape(history_line(report))} For editors; see EDITORS.md in the repository.</p>\n"
        f"<table>\n<caption>Each page in each language ({escape(counts)})</caption>\n"
        f'<thead><tr><th scope="col">Page</th>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n'
        + (f"<h2>What to do</h2>\n<ul>{todo}</ul>\n" if todo else "")
        + "</main>\n</body>\n</html>\n"
    )


def write_status_page(report: StatusReport, site_dir: Path) -> Path:
    """Write the status page into the built site (not in the navigation, not in the sitemap)."""
    path = site_dir / STATUS_PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(status_page_html(report), encoding="utf-8")
    return path
