"""The programme's dated stages as an iCalendar file, published beside the programme page."""
from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event, Timezone

from ...problems import Problem
from ...source.config import messages
from ...source.model import Site
from ..feature import BuildView
from .model import PROGRAMME_PAGE, TIMEZONE, Stage, TimelineTexts, calendar_url, timeline_texts
from .reader import read_stages
from .render import markdown_html


def calendar(stages: list[Stage], lang: str, texts: TimelineTexts, page_url: str, stamp: datetime) -> bytes:
    """The dated stages as an iCalendar file (all-day events); stages without dates are left out.

    The calendar always holds the Europe/Paris time zone, so that it stays a valid calendar
    (RFC 5545 asks for at least one component) while no date is published.
    """
    cal = Calendar.new(prodid=f"-//PLACE Network//Resilient Cities//{lang.upper()}",
                       name=texts.calendar_name, uid=f"resilient-cities-programme-{lang}", url=page_url or None)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(Timezone.from_tzid(TIMEZONE))
    for stage in (s for s in stages if s.start is not None):
        assert stage.start is not None
        audience = f"{texts.audience_label} {texts.audiences.get(stage.audience, stage.audience)}"
        cal.add_component(Event.new(
            uid=f"{stage.id}@resilient-cities-programme", stamp=stamp, summary=stage.title,
            start=stage.start, end=(stage.end or stage.start) + timedelta(days=1), location=stage.place,
            description="\n\n".join(part for part in (audience, _plain(stage.text)) if part),
            url=f"{page_url}#stage-{stage.id}" if page_url else None,
            categories=[texts.kinds.get(stage.kind, stage.kind)]))
    return bytes(cal.to_ical())


def _plain(text: str) -> str:
    """Markdown as plain text, for the calendar."""
    return unescape(re.sub(r"<[^>]+>", "", markdown_html(text, lambda href: href))).strip() if text else ""


def build_time() -> datetime:
    """When this build happens (``SOURCE_DATE_EPOCH`` if set, for reproducible files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def write_calendar(site: Site, lang: str, out: Path, messages: dict[str, Any], site_url: str) -> Path | None:
    """Write the calendar of ``lang``'s programme page into the built site ``out``; its path, or None when
    no stage has dates (then the page offers no calendar either)."""
    page = site.page(lang, PROGRAMME_PAGE)
    if page is None or "stages" not in page.meta:
        return None
    stages = read_stages(page)[0]
    if not any(stage.dated for stage in stages):
        return None
    url = site.page_url(lang, PROGRAMME_PAGE)
    target = out / calendar_url(url)
    absolute = site_url.rstrip("/") + url if site_url else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(calendar(stages, lang, timeline_texts(messages), absolute, build_time()))
    return target


def on_post_build(view: BuildView) -> list[Problem]:
    """The language's programme calendar, into the built site."""
    write_calendar(view.site, view.lang, view.out, messages(view.site.config, view.lang), view.site_url)
    return []
