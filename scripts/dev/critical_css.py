"""The critical CSS: the rules of Material's stylesheet and of site.css that the built pages use, for the first
paint on a slow phone (make critical-css writes it to overrides/partials/critical.css).

overrides/main.html puts that file in a <style> of every page's <head> (one text for every page: one hash in
the Content-Security-Policy, built/inline_code.py) and the full style (mkdocs_glue/stylesheets.py) at the end of
the <body>, where it no longer holds back the first paint: it brings what a page needs later (hover, search, print).

A rule is kept when one of its selectors matches an element of a built page (cssselect2 over tinyhtml5, the
HTML5 parser WeasyPrint uses; pseudo-elements count, states such as :hover or :focus never match); inside
@media and @supports likewise, except print. Kept rules stay in their order, so the cascade is unchanged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import cssselect2
import tinycss2
import tinyhtml5
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule, WhitespaceToken

from ..mkdocs_glue.stylesheets import COMBINED, material_stylesheet

TEMPLATE = Path("overrides/partials/critical.css")
STYLESHEETS = "assets/stylesheets"
GROUPS = {"media", "supports"}
# Rules of site.css always kept, whatever the built pages hold: a form's state, set by the reader or restored by
# the browser before any script or stylesheet arrives (the self-check's questions and verdict,
# features/programme/render.py); and a page still arriving, whose later part is not there yet (:not(:has(…))).
ALWAYS = re.compile(r":(checked|invalid)\b|:not\(:has\(")
DEFINITION = re.compile(r"(--[\w-]+):([^;}]*)")
USE = re.compile(r"var\(\s*(--[\w-]+)")  # at-rules whose rules are kept one by one
# The file is a Jinja template (overrides/main.html includes it): the CSS is kept raw, as "{#" may occur in it.
HEADER = "{#- Written by 'make critical-css' (scripts/dev/critical_css.py) from the built pages: do not edit. -#}\n"


def _pages(out: Path) -> list[cssselect2.ElementWrapper]:
    """The root of every built page that uses Material's stylesheet."""
    roots = []
    for path in sorted(out.rglob("*.html")):
        text = path.read_text("utf-8")
        if COMBINED in text:
            roots.append(cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(text)))
    return roots


@dataclass
class Block:
    """A style rule, or a group (@media, @supports) of blocks; ``used``: a selector matches a page's element."""

    rule: QualifiedRule | AtRule
    children: list[Block] = field(default_factory=list)
    used: bool = False


def parse_blocks(nodes: list[Node]) -> list[Block]:
    blocks = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            blocks.append(Block(node))
        elif isinstance(node, AtRule) and node.lower_at_keyword in GROUPS and node.content is not None:
            if "print" not in css_text(node.prelude):
                blocks.append(Block(node, parse_blocks(tinycss2.parse_rule_list(node.content, skip_comments=True))))
    return blocks


def _add(matcher: cssselect2.Matcher, blocks: list[Block], ours: bool) -> None:
    """Each selector of each style rule (also inside groups) into ``matcher``, with its block; ``ours``: site.css."""
    for block in blocks:
        if block.children:
            _add(matcher, block.children, ours)
            continue
        if ours and ALWAYS.search(css_text(block.rule.prelude)):  # needed before the full stylesheet is in
            block.used = True
            continue
        for selector in _split(block.rule.prelude):  # one by one: one unknown to cssselect2 spoils no other
            try:
                for compiled in cssselect2.compile_selector_list(selector):
                    matcher.add_selector(compiled, block)
            except cssselect2.SelectorError:  # e.g. ::-webkit-scrollbar: not needed for the first paint
                continue


def _split(prelude: list[Node]) -> list[list[Node]]:
    """A rule's selector list, one selector a list of tokens."""
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def css_text(nodes: list[Node]) -> str:
    """Serialized CSS with every run of white space made one space."""
    return str(tinycss2.serialize([WhitespaceToken(n.source_line, n.source_column, " ") if n.type == "whitespace" else n
                               for n in nodes])).strip()


def _declarations(rule: QualifiedRule, variables: set[str] | None) -> str:
    """The rule's declarations; with ``variables``, its custom properties only if their name is one of them."""
    if variables is None:
        return css_text(rule.content)
    kept = [item for item in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            if isinstance(item, Declaration) and (not item.name.startswith("--") or item.name in variables)]
    return ";".join(f"{item.name}:{css_text(item.value)}{'!important' if item.important else ''}" for item in kept)


def _keep(blocks: list[Block], variables: set[str] | None = None) -> str:
    kept = []
    for block in blocks:
        rule = block.rule
        if isinstance(rule, QualifiedRule) and block.used and (content := _declarations(rule, variables)):
            kept.append(f"{css_text(rule.prelude)}{{{content}}}")
        elif isinstance(rule, AtRule) and (inner := _keep(block.children, variables)):
            kept.append(f"@{rule.at_keyword} {css_text(rule.prelude)}{{{inner}}}")
    return "".join(kept)


def _used_variables(css: str) -> set[str]:
    """The custom properties that the kept rules read (and those they read in turn): Material defines dozens of
    icons and colours on :root that no page of the site uses."""
    values = {name: value for name, value in DEFINITION.findall(css)}
    used, todo = set(), {name for name in USE.findall(DEFINITION.sub("", css))}
    while todo:
        name = todo.pop()
        used.add(name)
        todo |= set(USE.findall(values.get(name, ""))) - used
    return used


def critical_css(out: Path) -> str:
    """The rules of Material's stylesheet and site.css used by the pages of the built site ``out``."""
    material = material_stylesheet(out)
    if material is None:
        raise FileNotFoundError(f"{out}: no Material stylesheet")
    sheets = [parse_blocks(tinycss2.parse_stylesheet(path.read_text("utf-8"), skip_comments=True, skip_whitespace=True))
              for path in (material, out / STYLESHEETS / "site.css")]
    matcher = cssselect2.Matcher()
    for blocks, ours in zip(sheets, (False, True), strict=True):
        _add(matcher, blocks, ours)
    for root in _pages(out):
        for element in root.iter_subtree():  # every element: Material's hidden dialog is styled hidden at once
            for *_, block in matcher.match(element):
                block.used = True
    variables = _used_variables("".join(_keep(blocks) for blocks in sheets))
    return HEADER + "{% raw %}" + "".join(_keep(blocks, variables) for blocks in sheets) + "{% endraw %}"


def write_critical_css(out: Path, root: Path) -> Path:
    """Write the critical CSS of the built site ``out`` into the project ``root``'s template folder."""
    target = root / TEMPLATE
    target.write_text(critical_css(out), "utf-8")
    return target


if __name__ == "__main__":  # make critical-css
    print(f"Written: {write_critical_css(Path('site'), Path('.'))}")
