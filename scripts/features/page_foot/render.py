"""The page foot as HTML: "Page updated on …" (from the translation-status model), the page's address
for paper, and the share button (shown by docs/assets/javascripts/reader-tools.js)."""
from __future__ import annotations

from datetime import date
from html import escape

from ...source.locales import LanguageRules, rules_of
from ...source.model import Site
from ..feature import PageView
from ..i18n_status.model import StatusReport, load_status
from .texts import foot_texts

# Material Design "share-variant" icon; the button's name is its text.
SHARE_ICON = ('<svg class="rc-share__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" '
              'height="20"><path fill="currentColor" d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-'
              '.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 1 0 15 5c0 .24.04.47.09.7L8.04 9.81A2.99 2.99 0 1 0 8.04 '
              '14.19l7.12 4.16c-.05.21-.08.43-.08.65A2.92 2.92 0 1 0 18 16.08z"/></svg>')


def updated_on(status: StatusReport, lang: str, rel: str) -> date | None:
    """The day the ``lang`` version of the page ``rel`` last changed, or None without the full history."""
    version = status.version(lang, rel)
    return date.fromisoformat(version.updated.day) if version and version.updated else None


def updated_text(day: date, rules: LanguageRules, texts: dict[str, str]) -> str:
    """ "Page updated on 12 March 2026", as HTML with a <time> element (the day written as the language does)."""
    when = f'<time datetime="{day.isoformat()}">{escape(rules.format_day(day))}</time>'
    return escape(texts["updated"]).replace("{date}", when)


def updated_words(site: Site, lang: str, rel: str) -> str:
    """ "Page updated on 12 March 2026" in plain words (a booklet's cover), or "" without the full git history."""
    day = updated_on(load_status(site.root, site), lang, rel)
    return foot_texts(site, lang)["updated"].replace("{date}", rules_of(site, lang).format_day(day)) if day else ""


def foot_html(texts: dict[str, str], rules: LanguageRules, updated: date | None, address: str) -> str:
    """The foot of a page in the language of ``rules``: its date (when known), its address on paper, the share button."""
    parts = ['<footer class="rc-page-foot" data-search-exclude data-web-only>']
    if updated:
        parts.append(f'<p class="rc-updated">{updated_text(updated, rules, texts)}</p>')
    parts.append(f'<p class="rc-print-only">{escape(texts["address"])} {escape(address)}</p>')
    parts.append(f'<div class="rc-share" hidden><button type="button" class="md-button rc-share__button" '
                 f'data-copy="{escape(texts["copy"])}" data-copied="{escape(texts["copied"])}">{SHARE_ICON}'
                 f'<span>{escape(texts["share"])}</span></button>'
                 '<p class="rc-share__status" role="status"></p></div>')
    return "".join(parts) + "</footer>"


def on_content(html: str, view: PageView) -> str:
    """The foot at the end of the page; its date is the sitemap's too (overrides/sitemap.xml), none without the
    git history."""
    day = updated_on(load_status(view.site.root, view.site), view.lang, view.rel)
    view.meta["updated_on"] = day.isoformat() if day else ""
    return html + foot_html(foot_texts(view.site, view.reader), view.rules, day, view.canonical)
