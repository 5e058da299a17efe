"""The status model for readers and editors of the site: the outdated-page notice, and the status page
(``docs/<lang>/i18n-status.md``, whose marker gets the table in the reader's language)."""
from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from ...built.html_model import insert_after_title
from ...source.fields import TEXT, Schema
from ...source.locales import LanguageRules
from ...source.model import relative_url
from ...source.texts import Texts, entries, with_names
from ..feature import PageView
from .model import State, StatusReport, Version, load_status


def notice_html(report: StatusReport, src_uri: str, rules: LanguageRules, messages: dict[str, Any]) -> str:
    """The notice for readers of an outdated page, in their language ("" for any other page).

    ``src_uri`` is the page's source inside the docs folder (``en/faq.md``), ``rules`` those of the language
    being built, ``messages`` that language's ``extra.messages`` in mkdocs.yml.
    """
    lang, _, rel = src_uri.partition("/")
    version = report.version(lang, rel)
    if lang != rules.lang or version is None or version.state is not State.OUTDATED:
        return ""
    parts = []
    for behind in version.behind:
        other = report.version(behind.lang, rel)
        name = str(messages["versions"][behind.lang])
        text = escape(str(messages["outdated"])).format(version=escape(name),
                                                        date=_time(behind.since.day, rules))
        link = escape(str(messages["outdated_link"])).format(version=escape(name))
        href = relative_url(other.url if other else "/", version.url)
        parts.append(f'<p>{text} <a href="{escape(href)}" hreflang="{escape(behind.lang)}">{link}</a></p>')
    return ('<div class="admonition warning rc-outdated" role="note" data-search-exclude data-web-only>'
            + "".join(parts) + "</div>")


def with_notice(content: str, notice: str) -> str:
    """The page's HTML with ``notice`` right after its title (or first when it has none)."""
    if not notice:
        return content
    return insert_after_title(content, notice) or notice + content


STATUS_MARKER = "<!-- i18n-status:table -->"
# The texts of the outdated-page notice and of the status page, under each language's extra.messages.
TEXTS: Texts = {
    "outdated": with_names("version", "date"), "outdated_link": with_names("version"),
    "versions": entries("lines of 'xx: the name of the version in language xx', one for each other language"),
    "status": Schema({
        "page": TEXT, "caption": TEXT, "history": with_names("count"), "unknown_history": with_names("reason"),
        "todo": TEXT, "outdated": with_names("path", "other", "date", "commit", "subject"), "diff": TEXT,
        "missing": with_names("path"), "pending": with_names("path"), "unknown": with_names("path", "note"),
        "states": Schema({state.value: with_names("date") if state is State.OUTDATED else TEXT for state in State}),
    }),
}


def status_html(report: StatusReport, rules: LanguageRules, at: str, texts: dict[str, Any]) -> str:
    """The editors' table of every page in every language, and what to do, in the reader's language.

    ``at`` is the status page's URL (``/en/i18n-status/``); ``texts`` the reader's words (``status`` in
    its ``extra.messages``); ``rules`` how its language writes a day.
    """

    def cell(version: Version) -> str:
        words = _state_words(version, texts, rules)
        if version.exists:
            words = f'<a href="{escape(relative_url(version.url, at))}" hreflang="{version.lang}">{words}</a>'
        return f'<td data-state="{version.state.value}">{words}</td>'

    history = report.history
    intro = (escape(str(texts["history"])).format(count=len(history.commits)) if history.known else
             escape(str(texts["unknown_history"])).format(reason=f'<span lang="en">{escape(history.reason)} '
                                                                f"({escape(history.hint)})</span>"))
    head = "".join(f'<th scope="col">{lang.upper()}</th>' for lang in report.languages)
    rows = "".join(f'<tr><th scope="row"><code>{escape(page.rel)}</code></th>'
                   + "".join(cell(page.versions[lang]) for lang in report.languages) + "</tr>"
                   for page in report.pages)
    todo = "".join(f"<li>{item}</li>" for state in State if state is not State.UP_TO_DATE
                   for version in report.versions() if version.state is state
                   for item in _todo(version, texts, rules))
    return (f"<p>{intro}</p>\n<table>\n<caption>{escape(str(texts['caption']))}</caption>\n"
            f'<thead><tr><th scope="col">{escape(str(texts["page"]))}</th>{head}</tr></thead>\n'
            f"<tbody>{rows}</tbody>\n</table>\n"
            + (f'<h2 id="what-to-do">{escape(str(texts["todo"]))}</h2>\n<ul>{todo}</ul>\n' if todo else ""))


def _state_words(version: Version, texts: dict[str, Any], rules: LanguageRules) -> str:
    """A version's state in the reader's words (HTML): ``states`` of the status texts, with the date."""
    words = escape(str(texts["states"][version.state.value]))
    return words.format(date=_time(version.since.day, rules)) if version.since else words


def _time(day: str, rules: LanguageRules) -> str:
    """A day (YYYY-MM-DD) written as the reader's language writes it, as a <time> element."""
    value = date.fromisoformat(day)
    return f'<time datetime="{value.isoformat()}">{escape(rules.format_day(value))}</time>'


def _todo(version: Version, texts: dict[str, Any], rules: LanguageRules) -> list[str]:
    """What to do about a version that is not up to date, in the reader's words (HTML list items)."""
    where = f"<code>{escape(version.path)}</code>"
    if version.state is State.OUTDATED:
        return [escape(str(texts["outdated"])).format(
                    path=where, other=f"<code>{escape(behind.path)}</code>",
                    date=_time(behind.since.day, rules), commit=f"<code>{behind.since.short}</code>",
                    subject=f'<span lang="">{escape(behind.since.subject)}</span>')  # a commit's words: language unknown
                + f'<br>{escape(str(texts["diff"]))} <code>{escape(behind.diff)}</code>' for behind in version.behind]
    note = f'<span lang="en">{escape(version.note)}</span>'
    return [escape(str(texts[version.state.value])).format(path=where, note=note)]


def fill_status_page(html: str, report: StatusReport, rules: LanguageRules, at: str, messages: dict[str, Any]) -> str:
    """A page's HTML with the status table in place of its marker (pages without the marker unchanged);
    ``messages``: the reader's ``extra.messages``."""
    if STATUS_MARKER not in html:
        return html
    return html.replace(STATUS_MARKER, status_html(report, rules, at, messages["status"]))


def on_status_page(html: str, view: PageView) -> str:
    """The status page's table in place of its marker."""
    return fill_status_page(html, load_status(view.site.root, view.site), view.rules, view.url, view.texts)


def on_outdated_page(html: str, view: PageView) -> str:
    """The notice under the title of a page whose other version changed since (a page in its own language)."""
    if view.lang != view.reader:
        return html
    notice = notice_html(load_status(view.site.root, view.site), f"{view.lang}/{view.rel}", view.rules, view.texts)
    return with_notice(html, notice)
