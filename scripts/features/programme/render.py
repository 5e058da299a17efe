"""The programme data as HTML: the timeline, the criteria lists and the "Can I join?" self-check."""
from __future__ import annotations

import re
from html import escape
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from ...source.locales import LanguageRules
from ...source.model import Page
from ..feature import PageView
from .model import (
    MARKER,
    PARTICIPANTS,
    SCRIPT,
    CheckTexts,
    Criterion,
    LinkFixer,
    Stage,
    TimelineTexts,
    calendar_url,
    check_texts,
    timeline_texts,
)
from .reader import read_criteria, read_stages


class _Links(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: markdown.Markdown, link: LinkFixer) -> None:
        super().__init__(md)
        self.link = link

    def run(self, root: Element) -> None:
        for anchor in root.iter("a"):
            anchor.set("href", self.link(anchor.get("href", "")))


def markdown_html(text: str, link: LinkFixer) -> str:
    """Markdown from the data or the texts as HTML, its links made links of the built page."""
    md = markdown.Markdown(extensions=["attr_list"])
    md.treeprocessors.register(_Links(md, link), "rc-links", 0)
    return str(md.convert(text))


def _dates(stage: Stage, rules: LanguageRules, texts: TimelineTexts) -> str:
    assert stage.start is not None
    start = f'<time datetime="{stage.start.isoformat()}">{escape(rules.format_day(stage.start))}</time>'
    if stage.end is None or stage.end == stage.start:
        return start
    end = f'<time datetime="{stage.end.isoformat()}">{escape(rules.format_day(stage.end))}</time>'
    return escape(texts.date_range).replace("{start}", start).replace("{end}", end)


def render_timeline(stages: list[Stage], rules: LanguageRules, texts: TimelineTexts, link: LinkFixer,
                    calendar_href: str) -> str:
    """The stages as an ordered list, each with its audience and dates, then the calendar link (only when
    a stage has dates: an empty calendar is not offered)."""
    items = []
    for stage in stages:
        facts = [(texts.audience_label, escape(texts.audiences.get(stage.audience, stage.audience)), "audience")]
        if stage.dated:
            facts.append((texts.dates_label, _dates(stage, rules, texts), "dates"))
        if stage.place:
            facts.append((texts.place_label, escape(stage.place), "place"))
        rows = "".join(f'<div class="rc-stage__{css}"><dt>{escape(label)}</dt><dd>{value}</dd></div>'
                       for label, value, css in facts)
        text = f'<div class="rc-stage__text">{markdown_html(stage.text, link)}</div>' if stage.text else ""
        classes = f"rc-stage rc-stage--{stage.kind} rc-stage--for-{stage.audience}"
        items.append(f'<li class="{classes}" id="stage-{stage.id}">'
                     f'<p class="rc-stage__kind">{escape(texts.kinds.get(stage.kind, stage.kind))}</p>'
                     f'<p class="rc-stage__title">{escape(stage.title)}</p>'
                     f'<dl class="rc-stage__facts">{rows}</dl>{text}</li>')
    dated = any(stage.dated for stage in stages)
    note = "" if dated else f'<p class="rc-timeline__note">{escape(texts.no_dates)}</p>'
    calendar = (f'<p class="rc-timeline__calendar"><a href="{escape(calendar_href)}" type="text/calendar" download>'
                f'{escape(texts.calendar_link)}</a></p>') if dated else ""  # no calendar without an event
    return (f'<div class="rc-timeline"><ol class="rc-timeline__list" role="list">{"".join(items)}</ol>'
            f'{note}{calendar}</div>')


def render_criteria(criteria: list[Criterion], participant: str, texts: CheckTexts, link: LinkFixer) -> str:
    """The criteria of one kind of participant as a list: question, rule, and the answers that fit."""
    items = []
    for criterion in (c for c in criteria if c.participant == participant):
        answers = "".join(
            f'<div class="rc-criterion__answers rc-criterion__answers--{outcome}"><p>{escape(label)}</p><ul>'
            + "".join(f"<li>{escape(answer.label)}</li>" for answer in criterion.answers_with(outcome))
            + "</ul></div>"
            for outcome, label in (("yes", texts.qualifying_label), ("maybe", texts.maybe_label))
            if criterion.answers_with(outcome))
        items.append(f'<li class="rc-criterion" id="criterion-{criterion.id}">'
                     f'<p class="rc-criterion__question">{escape(criterion.question)}</p>'
                     f'<div class="rc-criterion__explanation">{markdown_html(criterion.explanation, link)}</div>'
                     f'{answers}</li>')
    return f'<ul class="rc-criteria rc-criteria--{participant}" role="list">{"".join(items)}</ul>'


def render_self_check(criteria: list[Criterion], texts: CheckTexts, link: LinkFixer, script_href: str) -> str:
    """The "Can I join?" form. It works from the first paint, whatever state the browser gives its radios (an
    early tap, the Back button) and without JavaScript: site.css shows the chosen participant's questions and,
    once each is answered, the verdict of that group (``:has()`` over the radios). Its script adds the reasons,
    on the button (disabled until the script runs); it runs as soon as it arrives (``async``: the form is above
    it), without waiting for the page's other scripts and stylesheets."""
    participants = [p for p in PARTICIPANTS if any(c.participant == p for c in criteria)]
    choices = "".join(_choice("rc-participant", p, texts.participants.get(p, p)) for p in participants)
    outcomes = (("yes", texts.result_yes, texts.next_yes), ("maybe", texts.result_maybe, texts.next_maybe),
                ("no", texts.result_no, texts.next_no))
    verdicts = "".join(f'<div class="rc-verdict rc-result--{outcome}" data-verdict="{outcome}">'
                       f'<p class="rc-result__title">{escape(title)}</p>'
                       f'<p class="rc-result__next">{escape(texts.next)}</p>{markdown_html(next_step, link)}</div>'
                       for outcome, title, next_step in outcomes)
    groups = []
    for participant in participants:
        sets = []
        for criterion in (c for c in criteria if c.participant == participant):
            name = f"rc-{criterion.id}"
            options = "".join(_choice(name, a.id, a.label, a.outcome) for a in criterion.answers)
            advice = "".join(f'<template data-advice="{a.id}">{markdown_html(a.advice, link)}</template>'
                             for a in criterion.answers if a.advice)
            hint = (f'<div class="rc-question__hint" id="hint-{criterion.id}">{markdown_html(criterion.hint, link)}</div>'
                    if criterion.hint else "")
            described = f' aria-describedby="hint-{criterion.id}"' if criterion.hint else ""
            sets.append(f'<fieldset class="rc-question" data-criterion="{criterion.id}"{described}>'
                        f'<legend>{escape(criterion.question)}</legend>{hint}{options}'
                        f'<template data-explanation>{markdown_html(criterion.explanation, link)}</template>{advice}'
                        f'</fieldset>')
        groups.append(f'<div class="rc-selfcheck__group" data-participant="{participant}">{"".join(sets)}'
                      f'<div class="rc-verdicts" aria-live="polite">{verdicts}</div></div>')
    results = "".join(
        f'<template data-outcome="{outcome}"><p class="rc-result__title" tabindex="-1">{escape(title)}</p>'
        f'<p class="rc-result__why">{escape(texts.all_met if outcome == "yes" else texts.why)}</p>'
        f'<ul class="rc-result__reasons" data-slot="why"></ul>'
        f'<p class="rc-result__next">{escape(texts.next)}</p>{markdown_html(next_step, link)}</template>'
        for outcome, title, next_step in outcomes)
    return (f'<section class="rc-selfcheck" aria-labelledby="self-check" data-rc-selfcheck '
            f'data-missing="{escape(texts.missing)}" data-your-answer="{escape(texts.your_answer)}">'
            f'<h2 id="self-check">{escape(texts.title)}</h2>{markdown_html(texts.intro, link)}'
            f'<form class="rc-selfcheck__form" novalidate>'
            f'<fieldset class="rc-question" data-criterion="participant">'
            f'<legend>{escape(texts.participant_question)}</legend>{choices}</fieldset>'
            f'{"".join(groups)}'
            f'<button type="submit" class="md-button md-button--primary rc-selfcheck__submit" disabled>'
            f'{escape(texts.submit)}</button></form>'
            f'<div class="rc-selfcheck__result" role="status" aria-live="polite" aria-atomic="true" data-result></div>'
            f'{results}</section><script src="{escape(script_href)}" async fetchpriority="high"></script>')


def _choice(name: str, value: str, label: str, outcome: str | None = None) -> str:
    ident = f"{name}-{value}"
    data = f' data-outcome="{outcome}"' if outcome else ""
    return (f'<div class="rc-choice"><input type="radio" id="{ident}" name="{name}" value="{value}"{data} required>'
            f'<label for="{ident}">{escape(label)}</label></div>')


def render_markers(html: str, page: Page, rules: LanguageRules, messages: dict[str, Any], link: LinkFixer,
                   calendar_href: str, script_href: str) -> str:
    """A built page's HTML with each ``<!-- programme:... -->`` marker replaced by what it stands for,
    in the reader's language (its ``rules`` and ``messages``)."""
    if "<!--" not in html or not MARKER.search(html):
        return html
    stages, criteria = read_stages(page)[0], read_criteria(page)[0]

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2) or ""
        if name == "timeline":
            return render_timeline(stages, rules, timeline_texts(messages), link, calendar_href)
        if name == "criteria":
            return render_criteria(criteria, argument, check_texts(messages), link)
        if name == "self-check":
            return render_self_check(criteria, check_texts(messages), link, script_href)
        return match.group(0)

    return MARKER.sub(replace, html)


def on_content(html: str, view: PageView) -> str:
    """The timeline, criteria and self-check in place of their markers, in the reader's language."""
    source = view.source
    if source is None:
        return html
    return render_markers(html, source, view.rules, view.texts, view.link,
                          calendar_href=view.href(calendar_url(view.url.lstrip("/"))), script_href=view.href(SCRIPT))
