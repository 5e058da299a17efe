"""Measuring a page's Markdown: its prose cut into sentences (with their lines), words counted, rare words found.

What counts as prose: paragraphs, list items and table cells (each item and each cell is at least one
sentence of its own), and the text of admonitions and links. What does not: the front matter, headings
(and admonition titles and table headers), code, HTML tags and comments, link targets, images, attribute
lists. Rare words come from ``wordfreq``'s frequency lists, which ship inside the package.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import wordfreq
from wordfreq.tokens import tokenize

from ...source.locales import LanguageRules, rules_of
from ...source.model import Page, Site
from ...source.parse import FENCE
from .model import PageReport, RareWord, Report, Sentence, Settings, read_settings

HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")            # its title line, like a heading
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
QUOTE = re.compile(r"^\s*(?:>\s?)+")
# Inline Markdown and HTML that is not prose, in the order they are removed.
NOT_PROSE = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"`[^`]*`"), ""),                                      # code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                         # images
    (re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)"), r"\1"),    # links: their text stays
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<https?://[^>]*>|https?://\S+"), ""),                # addresses
    (re.compile(r"\{\s*[:#.][^}]*\}"), ""),                            # attribute lists: { .md-button }, {#id}
    (re.compile(r"<[^>]*>"), ""),                                      # HTML tags
    (re.compile(r"(?<!\\)(?:\*+|(?<!\w)_+|_+(?!\w))"), ""),            # emphasis
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),                # escaped characters
]
# End of a sentence: . ! ? or …, then closing quotes or brackets (French puts a no-break space before
# them), then a space. It ends the sentence only if what follows does not start in small letters.
END = re.compile(r"[.!?…]+(?:\s*[»”\"’')\]])*(?=\s)")
OPENING = "([«“\"'"
WORD = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)+(?!\w)|[^\W_](?:[\w’'-]*[^\W_])?")


@dataclass
class Block:
    """A paragraph, list item or table cell: its text line by line (already freed of Markdown)."""

    pieces: list[tuple[int, str]] = field(default_factory=list)  # (line, text)

    def text_and_lines(self) -> tuple[str, list[tuple[int, int]]]:
        """The block's text (pieces joined by spaces) and where each piece starts: (offset, line)."""
        text, starts = "", []
        for line, piece in self.pieces:
            starts.append((len(text), line))
            text += piece + " "
        return text, starts


def plain(text: str) -> str:
    """One line of Markdown as the words a reader sees."""
    for pattern, replacement in NOT_PROSE:
        text = pattern.sub(replacement, text)
    return html.unescape(text).strip()


def prose_blocks(page: Page) -> list[Block]:
    """The page's prose, block by block, each with the lines it comes from."""
    blocks: list[Block] = []
    current: Block | None = None
    in_fence = in_comment = False
    lines = page.lines
    for index in range(page.body_start, len(lines)):
        number, line = index + 1, lines[index]
        if FENCE.match(line):
            in_fence, current = not in_fence, None
            continue
        if in_fence:
            continue
        if in_comment or "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            in_comment = "-->" not in line if in_comment else True
            current = None
            continue
        if not line.strip() or HEADING.match(line) or ADMONITION.match(line):
            current = None
            continue
        if TABLE_ROW.match(line):
            current = None
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not TABLE_SEPARATOR.match(line) and not TABLE_SEPARATOR.match(following):  # header row: a heading
                blocks += [Block([(number, text)]) for cell in _cells(line) if (text := plain(cell))]
            continue
        item = LIST_ITEM.match(line)
        text = plain(QUOTE.sub("", line[item.end():] if item else line))
        if not text:
            current = None if line.lstrip().startswith("<") else current  # an HTML block's tag ends the block
            continue
        if item or current is None:
            current = Block()
            blocks.append(current)
        current.pieces.append((number, text))
    return blocks


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def split_sentences(text: str, rules: LanguageRules) -> list[tuple[int, str]]:
    """The sentences of a text in the language of ``rules`` (its abbreviations), each with the offset where it
    starts."""
    found, start = [], 0
    for match in END.finditer(text):
        rest = text[match.end():].lstrip()
        if not rest or rest[0].islower():
            continue
        if match.group().startswith(".") and _abbreviation(text[start:match.start()], rules):
            continue
        found.append((start, text[start:match.end()].strip()))
        start = len(text) - len(rest)
    if text[start:].strip():
        found.append((start, text[start:].strip()))
    return found


def _abbreviation(before: str, rules: LanguageRules) -> bool:
    """Whether the word just before a full stop is one of the language's abbreviations (mkdocs.yml: its
    extra.language.abbreviations) or an initial, like the J of J. Dupont."""
    words = before.split()
    token = words[-1].lstrip(OPENING) if words else ""
    return bool(re.fullmatch(r"[^\W\d_]", token)) or f"{token.lower()}." in rules.abbreviations


def words(text: str) -> list[str]:
    """The words of a text: letters and digits, with their inner apostrophes and hyphens (l’accueil is one word)."""
    return WORD.findall(text)


def sentences(page: Page, rules: LanguageRules) -> list[Sentence]:
    """Every sentence of the page's prose, with the line where it starts and its number of words."""
    found = []
    for block in prose_blocks(page):
        text, starts = block.text_and_lines()
        for offset, sentence in split_sentences(text, rules):
            line = next(line for start, line in reversed(starts) if start <= offset)
            count = len(words(sentence))
            if count:
                found.append(Sentence(" ".join(sentence.split()), line, count))
    return found


@cache
def _common(lang: str, size: int) -> frozenset[str]:
    return frozenset(wordfreq.top_n_list(lang, size))


def has_frequencies(lang: str) -> bool:
    return lang in wordfreq.available_languages()


def _lookup(word: str) -> str:
    """A word as the frequency lists write it: straight apostrophes, without an English possessive 's."""
    return re.sub(r"'s$", "", word.replace("’", "'"))


def is_rare(word: str, lang: str, common_words: int) -> bool:
    """Whether a word, or any part of it (co-création: co, création), is outside the most frequent words."""
    common = _common(lang, common_words)
    return any(token not in common for token in tokenize(_lookup(word), lang))


def zipf(word: str, lang: str) -> float:
    return float(wordfreq.zipf_frequency(_lookup(word), lang))


def names(found: list[Sentence], rules: LanguageRules) -> set[str]:
    """Words written with a capital inside a sentence (Lyon, d’Auvergne, Resilient Cities): names, not
    vocabulary. Words in capitals only (AMIF, BPI) are not names: they are looked up."""
    return {bare for sentence in found for word in words(sentence.text)[1:]
            if (bare := rules.bare(word)) and bare[0].isupper() and not bare.isupper()}


def rare_words(found: list[Sentence], rules: LanguageRules, settings: Settings, known_names: set[str]) \
        -> tuple[int, int, list[RareWord]]:
    """(words looked up, occurrences of rare words, the rare words rarest first) of a page's sentences;
    names and numbers are left out."""
    lang, bare = rules.lang, (rules.bare(w) for s in found for w in words(s.text))
    looked = [w for w in bare if w and w not in known_names and not any(c.isdigit() for c in w)]
    shown = Counter(w if w.isupper() and len(w) > 1 else w.lower() for w in looked)
    rare = {w: n for w, n in shown.items() if is_rare(w, lang, settings.common_words)}
    ranked = sorted((RareWord(w, n, zipf(w, lang)) for w, n in rare.items()), key=lambda r: (r.zipf, r.word))
    return len(looked), sum(rare.values()), ranked[: settings.rare_words_shown]


def measure_pages(pages: list[Page], rules: LanguageRules, settings: Settings) -> list[PageReport]:
    """The pages of one language; a name written with a capital on one page is a name on all of them."""
    reports = [PageReport(page.display, rules.lang, sentences(page, rules)) for page in pages]
    if has_frequencies(rules.lang):
        known = {name for report in reports for name in names(report.sentences, rules)}
        for report in reports:
            report.words, report.rare_count, report.rare = rare_words(report.sentences, rules, settings, known)
    return reports


def measure_site(site: Site) -> Report:
    """Every readable page of the site, language by language (the settings from mkdocs.yml)."""
    report = Report(read_settings(site)[0])
    for lang in site.languages:
        report.folders[lang] = site.show(site.docs / lang)
        if not has_frequencies(lang):
            report.notes.append(f"wordfreq has no frequency list for '{lang}': its rare words are not counted")
        pages = [page for (page_lang, _), page in sorted(site.pages.items()) if page_lang == lang and page.readable]
        report.pages += measure_pages(pages, rules_of(site, lang), report.settings)
    return report


def warm_up(site: Site) -> None:
    """Load the word lists ``measure_site`` needs (most of its time), e.g. while another process works."""
    settings = read_settings(site)[0]
    for lang in site.languages:
        if has_frequencies(lang):
            is_rare("a", lang, settings.common_words)
            zipf("a", lang)
