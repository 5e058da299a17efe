"""Views of the readability report: the full text (``make readability``), JSON, and the build's warnings."""
from __future__ import annotations

import json
from dataclasses import asdict

from ...problems import Problem
from .model import PageReport, Report

SHOWN_CHARACTERS = 90  # of a long sentence, in messages


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def _start(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS].rstrip() + "…"


def _figures(pages: list[PageReport], limit: int) -> str:
    sentences = [s for page in pages for s in page.sentences]
    average = sum(s.words for s in sentences) / len(sentences) if sentences else 0.0
    looked, rare = sum(p.words for p in pages), sum(p.rare_count for p in pages)
    long = sum(len(p.long(limit)) for p in pages)
    return (f"{len(sentences)} sentences, {average:.1f} words on average, {long} over {limit} words, "
            f"rare words {_percent(rare / looked if looked else 0.0)}")


def by_language(report: Report) -> list[tuple[str, str]]:
    """(language, its figures): pages, sentences, average length, long sentences, share of rare words."""
    limit = report.settings.sentence_words
    return [(lang, f"{len(pages)} pages, {_figures(pages, limit)}")
            for lang in report.languages() if (pages := [p for p in report.pages if p.lang == lang])]


def summary(report: Report) -> list[str]:
    """One line per language."""
    return [f"{lang}: {figures}" for lang, figures in by_language(report)]


def format_text(report: Report) -> str:
    """The full report: each page's figures, its long sentences (file:line) and its rarest words."""
    settings = report.settings
    lines = [f"Readability: sentences of more than {settings.sentence_words} words; rare words are outside the "
             f"{settings.common_words} most frequent words of the language (wordfreq). "
             "Settings: mkdocs.yml, extra: readability:.", ""]
    for page in report.pages:
        lines.append(f"{page.display}: {_figures([page], settings.sentence_words)}")
        lines += [f"  {page.display}:{s.line}: {s.words} words: {_start(s.text)}"
                  for s in page.long(settings.sentence_words)]
        if page.rare:
            lines.append("  rarest words: " + ", ".join(
                f"{r.word}{f' ×{r.count}' if r.count > 1 else ''}" for r in page.rare))
    lines += ["", "Summary:", *(f"  {line}" for line in summary(report)), *(f"Note: {n}." for n in report.notes)]
    return "\n".join(lines)


def format_json(report: Report) -> str:
    pages = [{**asdict(page), "average": round(page.average, 2), "rare_share": round(page.rare_share, 4)}
             for page in report.pages]
    return json.dumps({"settings": asdict(report.settings), "summary": summary(report), "pages": pages,
                       "notes": report.notes}, ensure_ascii=False, indent=2)


def warnings(report: Report) -> list[Problem]:
    """What a build prints after it succeeded: each language's summary, then each long sentence."""
    limit = report.settings.sentence_words
    found = [Problem(report.folders.get(lang, lang), None, f"readability: {figures}",
                     "run 'make readability' for the full report", "warning") for lang, figures in by_language(report)]
    found += [Problem(page.display, sentence.line,
                      f"a sentence of {sentence.words} words (more than {limit}): “{_start(sentence.text)}”",
                      f"split it into sentences of at most {limit} words", "warning")
              for page, sentence in report.long_sentences()]
    return found
