"""French spacing: the rules on small texts, and the built French pages (title, menu, table of contents, body)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.features.typography.spacing import NBSP, french_spacing
from scripts.features.typography.text_runs import Page


@pytest.mark.parametrize(("text", "expected"), [
    ("Puis-je participer ?", f"Puis-je participer{NBSP}?"),
    ("Puis-je participer?", f"Puis-je participer{NBSP}?"),
    ("Oui ! Non ; attention : ici", f"Oui{NBSP}! Non{NBSP}; attention{NBSP}: ici"),
    ("«Embrace»", f"«{NBSP}Embrace{NBSP}»"),
    ("« Embrace »", f"«{NBSP}Embrace{NBSP}»"),
    ("https://place.network à 14:30", "https://place.network à 14:30"),
    ("<code>a ?</code> <script>x ? y : z</script>", "<code>a ?</code> <script>x ? y : z</script>"),
    ('<a title="Qui ?" href="a?b=1">Qui ?</a>', f'<a title="Qui ?" href="a?b=1">Qui{NBSP}?</a>'),
    ('<div lang="en"><div>Why ?</div> Note: yes</div> Pourquoi ?',
     f'<div lang="en"><div>Why ?</div> Note: yes</div> Pourquoi{NBSP}?'),
    # a no-break space already there is kept, never doubled; extra spaces around it go
    (f"«{NBSP}Embrace{NBSP}»", f"«{NBSP}Embrace{NBSP}»"),
    (f"« {NBSP}Embrace {NBSP}» et «&nbsp;ici&nbsp;»", f"«{NBSP}Embrace{NBSP}» et «&nbsp;ici&nbsp;»"),
    ("Oui\u202f!", "Oui\u202f!"),
    # character references and markup are never changed, nor cut
    ("la version &#x27;may&#x27;; puis", "la version &#x27;may&#x27;; puis"),
    ("Tom &amp; Jerry&nbsp;?", "Tom &amp; Jerry&nbsp;?"),
    ("a &lt;b&gt; : c", f"a &lt;b&gt;{NBSP}: c"),
    ('<a href="#x">la FAQ</a> ?', f'<a href="#x">la FAQ</a>{NBSP}?'),
    ("<p>«</p><p>x</p>", f"<p>«{NBSP}</p><p>x</p>"),
    # a number and its unit
    ("une formation de 12 heures, un projet de 2 ans, 1 mois, 50 %, 3,5 km",
     f"une formation de 12{NBSP}heures, un projet de 2{NBSP}ans, 1{NBSP}mois, 50{NBSP}%, 3,5{NBSP}km"),
    ("12 personnes, 2 annexes, le 26 novembre 2026, page 2 mise",
     "12 personnes, 2 annexes, le 26 novembre 2026, page 2 mise"),
])
def test_french_spacing(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


def test_french_spacing_is_done_once() -> None:
    text = "<p>« Qui ? »<br>Oui; 12 heures <em>«ici»</em> !</p>"
    once = french_spacing(text)
    assert french_spacing(once) == once and once.count(NBSP) == 8


def _texts(page: str) -> list[str]:
    """The readable text of a page, block by block (code, scripts and other languages left out)."""
    return [run.text for run in Page(page, "fr").runs()]


def test_built_french_pages_have_no_breakable_space_before_the_marks(built_site: Path) -> None:
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        if path.relative_to(built_site).parts[0] in ("en", "i18n-status") or path.name == "404.html":
            continue
        for text in _texts(path.read_text("utf-8")):
            assert not re.search(r"\S[ \t]+[?!;:»]|«[ \t]", text), f"{path}: {text.strip()[:80]!r}"
        checked += 1
    assert checked >= 10
    faq = (built_site / "faq" / "index.html").read_text("utf-8")
    toc = faq[faq.index('class="md-nav md-nav--secondary"'):]
    assert re.search(rf"\w{NBSP}\?", toc[: toc.index("</nav>")]), "the table of contents keeps French spacing"


@pytest.mark.parametrize(("text", "expected"), [
    ('«<span lang="">Home card: «x»</span>»', f'«{NBSP}<span lang="">Home card: «x»</span>{NBSP}»'),
    ("« <code>make build</code> »", f"«{NBSP}<code>make build</code>{NBSP}»"),
    ("<pre>« a »</pre>« b »", f"<pre>« a »</pre>«{NBSP}b{NBSP}»"),
])
def test_elements_left_out_keep_their_text_and_get_spaced_around(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


def test_a_line_separator_in_the_text_moves_no_edit_into_the_markup() -> None:
    """html.parser counts lines at "\\n" only: a U+2028 (or a lone "\\r") is no line break to it, and the offsets
    of the tokens after it must not shift."""
    for separator in ("\u2028", "\r", "\x85"):
        html = f'<p>a{separator}b</p>\n<p title="x :">Bonjour : <a href="y">lien</a> !</p>'
        assert french_spacing(html) == html.replace("Bonjour :", f"Bonjour{NBSP}:").replace("</a> !", f"</a>{NBSP}!")
