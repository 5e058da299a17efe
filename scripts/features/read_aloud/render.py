"""The read-aloud control as HTML, put under the page's title. It is inert markup: the script (loaded by the
control itself, from the site) makes it visible only where the browser can speak (``speechSynthesis``); until
then its place is kept (site.css), so that showing it moves nothing on the page. Previous, next and the speed
appear once reading has started."""
from __future__ import annotations

import re
from html import escape

from ...built.html_model import insert_after_title
from ..feature import PageView
from .texts import read_aloud_texts

SCRIPT = "assets/javascripts/read-aloud.js"
RATES = (("slower", 0.7), ("default", 0.85), ("normal", 1.0), ("faster", 1.2))  # the default is a little slower
ICONS = {  # Material Design icons: play, pause, skip-previous, skip-next
    "play": "M8 5.14v14l11-7-11-7z",
    "pause": "M14 19h4V5h-4M6 19h4V5H6v14z",
    "previous": "M6 18V6h2v12H6zm3.5-6L18 6v12l-8.5-6z",
    "next": "M16 18h2V6h-2v12zM6 18l8.5-6L6 6v12z",
}
CLASS = "rc-listen"
# A language's home page, marked by its grid of task cards (docs/*/index.md): the cards lead to the pages to
# read, and they must all fit the first screen of a phone, so the home page has no control.
HOME = re.compile(r"""<div\b[^>]*\bclass=["'][^"']*\brc-tasks\b""")


def _icon(name: str) -> str:
    return (f'<svg class="{CLASS}__icon {CLASS}__icon--{name}" aria-hidden="true" focusable="false" '
            f'viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="{ICONS[name]}"/></svg>')


def control_html(texts: dict[str, str], voice: str, script_href: str) -> str:
    """The control for a page whose language's voice is ``voice`` ("fr-FR": source/locales.py): play/pause,
    previous, next, the speed, what it does, a status line."""
    rates = "".join(f'<option value="{value}"{" selected" if name == "default" else ""}>{escape(texts[name])}</option>'
                    for name, value in RATES)
    return (
        f'<div class="{CLASS}" role="group" aria-labelledby="rc-listen-play" data-search-exclude data-web-only '
        f'data-voice="{escape(voice)}" data-listen="{escape(texts["listen"])}" '
        f'data-pause="{escape(texts["pause"])}" data-resume="{escape(texts["resume"])}" '
        f'data-no-voice="{escape(texts["no_voice"])}">'
        f'<button type="button" class="md-button {CLASS}__play" id="rc-listen-play" '
        'aria-describedby="rc-listen-hint">'
        f'{_icon("play")}{_icon("pause")}<span>{escape(texts["listen"])}</span></button>'
        f'<p class="{CLASS}__hint" id="rc-listen-hint">{escape(texts["hint"])}</p>'
        f'<span class="{CLASS}__more" hidden>'
        f'<button type="button" class="md-button {CLASS}__previous" aria-label="{escape(texts["previous"])}">'
        f'{_icon("previous")}</button>'
        f'<button type="button" class="md-button {CLASS}__next" aria-label="{escape(texts["next"])}">'
        f'{_icon("next")}</button>'
        f'<label class="{CLASS}__rate">{escape(texts["rate"])} <select>{rates}</select></label></span>'
        f'<p class="{CLASS}__status" role="status"></p>'
        f'<script src="{escape(script_href)}" defer></script></div>')


def with_control(html: str, control: str) -> str:
    """The page's HTML with the control right after its title (or first, without a title); a home page as it is."""
    if HOME.search(html):
        return html
    return insert_after_title(html, control) or control + html


def on_content(html: str, view: PageView) -> str:
    """The control under the title of a page for readers (not the editors' pages)."""
    if not view.for_readers:
        return html
    return with_control(html, control_html(read_aloud_texts(view.site, view.reader), view.rules.tag, view.href(SCRIPT)))
