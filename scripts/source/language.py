"""Is each page written in its folder's language? A page (or a section) whose function words are mostly
those of another language of the site was pasted into the wrong folder.

The function words are the most frequent words of each language that are not frequent in the others,
from the ``wordfreq`` package (maintained word-frequency lists that ship with it). Names, quotations,
code and links are left out, so quoted titles and proper names do not count.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from functools import cache
from importlib.metadata import version
from pathlib import Path

from babel import Locale

from ..problems import Problem
from .kept_files import write_atomic
from .model import Check, Page, Site
from .parse import FENCE, NOT_PROSE

CACHE = ".cache"         # in the project folder
TOP_WORDS = 120          # how many of a language's most frequent words count as its function words
MIN_WORDS = 8            # fewer function words than this: too short to tell
RATIO = 2                # the other language's function words must outnumber ours this many times
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|‘[^’]*’")
COMMENT = re.compile(r"<!--.*?-->", re.S)  # notes to editors, in any language
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def function_words(languages: tuple[str, ...], cache_dir: Path) -> dict[str, frozenset[str]]:
    """Each language's most frequent words that are not among the most frequent of the others.

    Loading wordfreq's lists takes a quarter of a second: the result is kept in ``cache_dir``, under
    the wordfreq version and the settings it depends on."""
    key = f"function-words-{version('wordfreq')}-{TOP_WORDS}-{'-'.join(languages)}.json"
    try:
        return {lang: frozenset(words) for lang, words in json.loads((cache_dir / key).read_text("utf-8")).items()}
    except (OSError, ValueError):
        pass
    from wordfreq import top_n_list

    top = {lang: {word for word in top_n_list(lang, TOP_WORDS) if len(word) > 1} for lang in languages}
    found = {lang: frozenset(words - set().union(*(top[o] for o in languages if o != lang)))
             for lang, words in top.items()}
    with suppress(OSError):  # a read-only project folder only costs the quarter of a second again
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_dir / key, json.dumps({lang: sorted(words) for lang, words in found.items()}).encode())
    return found


def _words(text: str) -> list[str]:
    """The words of a line of prose: no names (capitalised), quotations, code, tags or link targets."""
    text = QUOTED.sub(" ", text)
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return [word.lower().replace("’", "'") for word in WORD.findall(text) if not word[0].isupper()]


def tell(words: Counter[str], lang: str, known: dict[str, frozenset[str]],
          least: int = MIN_WORDS) -> tuple[str, list[str]] | None:
    """The other language these words are written in, with its most used words; None if it is ``lang`` or
    fewer than ``least`` function words tell."""
    counts = {other: sum(n for word, n in words.items() if word in vocabulary) for other, vocabulary in known.items()}
    other = max(counts, key=lambda name: counts[name])
    if other == lang or counts[other] < least or counts[other] < RATIO * max(counts[lang], 1):
        return None
    return other, [word for word, _ in words.most_common() if word in known[other]][:4]


def _sections(page: Page) -> Iterator[tuple[int, Counter[str]]]:
    """(first line, words) of the page's body, section by section (front matter and code left out)."""
    start = next((s.line for s in page.sections), 1)
    current, words, in_fence = start, Counter[str](), False
    body = COMMENT.sub(lambda found: "\n" * found.group(0).count("\n"), "\n".join(page.lines[start - 1:]))
    for number, line in enumerate(body.split("\n"), start):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if any(section.line == number for section in page.sections[1:]):
            yield current, words
            current, words = number, Counter()
        if not in_fence:
            words.update(_words(line))
    yield current, words


def written_in_its_language(site: Site) -> Iterator[Problem]:
    """No page, and no section of a page, written in another language than its folder's."""
    known = function_words(tuple(site.languages), site.root / CACHE)
    for page in site.pages.values():
        sections = list(_sections(page))
        whole = tell(sum((words for _, words in sections), Counter()), page.lang, known)
        found = [(sections[0][0], whole)] if whole else [(line, tell(words, page.lang, known)) for line, words in sections]
        for line, verdict in found:
            if verdict:
                other, examples = verdict
                where = "this page" if whole else "this section"
                theirs, ours = language_name(other), language_name(page.lang)
                yield Problem(page.display, line, f"{where} seems to be written in {theirs}, not in {ours} "
                              f"(words such as {', '.join(repr(w) for w in examples)})",
                              f"put the {theirs} text in docs/{other}/{page.rel} and write the {ours} one here")


def language_name(lang: str) -> str:
    """The language's name in English, e.g. "French" for "fr"."""
    return str(Locale.parse(lang).get_display_name("en"))


CHECKS: list[Check] = [written_in_its_language]
