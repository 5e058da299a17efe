"""Grammalecte (Debian `grammalecte-cli`, offline) on the rendered French text: typography, and spelling.

One run over every block of every French page (``french_text``). Failures: every fault of typography and
spacing (rule ids starting ``esp_``, ``typo_``, ``unit_``, ``nbsp_``), and every word it does not know that is
not part of inline code or an address, nor in the reviewed list ``french_words.txt`` (names, English words). Its grammar and
style suggestions are not failures.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .french_text import Block, french_blocks
from .tools import program, run

TYPOGRAPHY = ("esp_", "typo_", "unit_", "nbsp_")
ALLOWED_WORDS = Path(__file__).with_name("french_words.txt")


def allowed_words() -> set[str]:
    """The reviewed list: one word a line; ``#`` starts a comment."""
    lines = ALLOWED_WORDS.read_text("utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines} - {""}


def grammalecte_faults(site: Path) -> tuple[list[str], int]:
    """The typography faults and unknown words of the French pages (``page: rule "context" message``), and
    how many blocks were checked."""
    blocks = french_blocks(site)
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "french.txt"
        text.write_text("".join(block.text.replace("\n", " ") + "\n" for block in blocks), "utf-8")
        result = run([program("grammalecte-cli"), "-f", str(text), "-j", "-ctx", "-owe"])
    try:
        paragraphs = json.loads(result.stdout)["data"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"grammalecte-cli did not answer in JSON ({error}): {result.stderr[:500]}") from error
    words = allowed_words()
    found = []
    for paragraph in paragraphs:
        block: Block = blocks[int(paragraph["iParagraph"]) - 1]
        for fault in paragraph["lGrammarErrors"]:
            if str(fault["sRuleId"]).startswith(TYPOGRAPHY):
                context = f'{fault["sBefore"][-30:]}[{fault["sUnderlined"]}]{fault["sAfter"][:30]}'
                found.append(f'{block.page}: {fault["sRuleId"]} {context!r}: {fault["sMessage"]}')
        for fault in paragraph["lSpellingErrors"]:
            word = str(fault["sValue"])
            if word not in words and not block.excuses(word):
                found.append(f"{block.page}: unknown word {word!r} (a name or an English word: add it to "
                             f"{ALLOWED_WORDS.name}; otherwise correct it)")
    return found, len(blocks)
