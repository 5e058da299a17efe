"""The safety check of what is published (scripts/built/verify): each class of markup an editor could slip
through Markdown is refused, the site's own markup passes, and each finding names its source."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.built.verify.markup import check_html
from scripts.built.verify.run import verify_site
from scripts.built.verify.svg_files import check_svg
from scripts.source.parse import load_site

# name -> (markup in a page's body, words of the finding)
REFUSED_HTML: dict[str, tuple[str, str]] = {
    "script": ("<p><script>alert(1)</script></p>", "inline <script>"),
    "script of another type": ('<script type="text/ecmascript">alert(1)</script>', "inline <script>"),
    "script shaped like Material's": ('<script>__md_scope=new URL(".",location),alert(1)</script>', "inline <script>"),
    "script from another file": ('<script src="../assets/x.js"></script>', "not one of the site's scripts"),
    "script after <!-->": ("<!--><script>alert(1)</script>-->", "inline <script>"),
    "script in a template": ("<template><script>alert(1)</script></template>", "inline <script>"),
    "inline style": ("<style>body{background:url(https://e.example/x)}</style>", "inline <style>"),
    "event handler": ('<img src="x.png" alt="" onerror="alert(1)">', "onerror= would run a script"),
    "event handler in a template": ("<template><img src=x.png onerror=alert(1)></template>", "onerror="),
    "entity-encoded scheme": ('<a href="&#x6A;avascript&colon;alert(1)">x</a>', "uses 'javascript:'"),
    "tab-split scheme": ('<a href="java&Tab;script:alert(1)">x</a>', "uses 'javascript:'"),
    "scheme in capitals after a space": ('<a href=" JaVaScRiPt:alert(1)">x</a>', "uses 'javascript:'"),
    "vbscript": ('<a href="vbscript:x">x</a>', "uses 'vbscript:'"),
    "data: link": ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "uses 'data:'"),
    "data: SVG picture": ('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">', "uses 'data:'"),
    "picture from another host": ('<img src="https://e.example/x.png" alt="">', "loaded from another host"),
    "picture from //host": ('<img src="//e.example/x.png" alt="">', "loaded from another host"),
    "picture from /\\host": ('<img src="/\\e.example/x.png" alt="">', "loaded from another host"),
    "srcset from another host": ('<img src="a.png" srcset="a.png 1x, https://e.example/b.png 2x" alt="">',
                                 "loaded from another host"),
    "style attribute": ('<p style="background:url(https://e.example/x)">x</p>', "style= on <p>"),
    "form action": ('<form action="https://e.example/"><input name="q"></form>', "action= on <form>"),
    "button formaction": ('<button formaction="https://e.example/">x</button>', "formaction= on <button>"),
    "password field": ('<input type="password" name="p">', 'type="password"'),
    "ping": ('<a href="faq/" ping="https://e.example/">x</a>', "ping= on <a>"),
    "preconnect": ('<link rel="preconnect" href="https://e.example">', 'rel="preconnect"'),
    "prefetch": ('<link rel="prefetch" href="https://e.example/x">', 'rel="prefetch"'),
    "dns-prefetch": ('<link rel="dns-prefetch" href="//e.example">', 'rel="dns-prefetch"'),
    "stylesheet of another": ('<link rel="stylesheet" href="../x.css">', "not one of the site's"),
    "base": ('<base href="https://e.example/">', "<base> element"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://e.example/">', 'http-equiv="refresh"'),
    "meta refresh in capitals": ('<meta http-equiv="REFRESH" content="0;url=https://e.example/">', "refresh"),
    "iframe": ('<iframe src="https://e.example/"></iframe>', "<iframe> element"),
    "object": ('<object data="x.swf"></object>', "<object> element"),
    "embed": ('<embed src="x.swf">', "<embed> element"),
    "noscript trick": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "<noscript>"),
    "math": ('<math><mi href="javascript:alert(1)">x</mi></math>', "<math> element"),
    "svg foreignObject": ("<svg><foreignObject><p>x</p></foreignObject></svg>", "<foreignobject> element"),
    "svg link": ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "<a> element"),
    "svg animation": ('<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', "<animate> element"),
    "svg onload": ('<svg onload="alert(1)"><path d="M0 0"/></svg>', "onload="),
    "unknown data attribute": ('<div data-md-color-scheme="x">x</div>', "data-md-color-scheme="),
    "an id of Material's": ('<div id="__config">{"base": "https://e.example/"}</div><script id="__config" '
                            'type="application/json">{}</script>', "'__config' is used twice"),
    "right-to-left override": ("<p>photo\u202egpj.exe</p>", "U+202E"),
    "isolate": ("<p>a\u2067b\u2069</p>", "U+2067"),
}
HARMLESS_HTML = {
    "link to another site": '<a href="https://example.org/">x</a>',
    "mail and phone": '<a href="mailto:a@example.org">x</a> <a href="tel:+33100000000">y</a>',
    "data: PNG picture": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    "slash-separated attributes (the value is one address)": "<img/src=x/onerror=alert(1)>",
    "table": '<table><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2">b</td></tr></tbody></table>',
    "escaped script": "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    "Material's scope script, two folders deep": ('<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].'
                                                  "reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage"
                                                  ',t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,'
                                                  't=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.'
                                                  "stringify(_))}catch(e){}}</script>"),
    "the site's script": '<script src="../assets/javascripts/navigation.js"></script>',
}


def findings(body: str) -> list[str]:
    return [f.message for f in check_html(f"<!doctype html><html><head></head><body>{body}</body></html>", "/faq/")]


@pytest.mark.parametrize("name", list(REFUSED_HTML))
def test_markup_outside_the_allow_list_is_refused(name: str) -> None:
    markup, words = REFUSED_HTML[name]
    found = findings(markup)
    assert any(words in message for message in found), found


@pytest.mark.parametrize("name", list(HARMLESS_HTML))
def test_plain_markup_and_the_sites_own_code_pass(name: str) -> None:
    assert findings(HARMLESS_HTML[name]) == []


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink" viewBox="0 0 4 4">{}</svg>'
REFUSED_SVG = {
    "script": (SVG.format("<script>alert(1)</script>"), "<script> element"),
    "event handler": (SVG.format('<rect width="1" height="1" onclick="alert(1)"/>'), "onclick="),
    "foreignObject": (SVG.format("<foreignObject><p>x</p></foreignObject>"), "<foreignObject> element"),
    "picture from elsewhere": (SVG.format('<image l:href="https://e.example/x.png"/>'), "<image> element"),
    "use of another file": (SVG.format('<use href="other.svg#x"/>'), "<use> element"),
    "paint from another host": (SVG.format('<path d="M0 0" fill="url(https://e.example/#g)"/>'), "another file"),
    "entity defined in a DTD": ('<!DOCTYPE svg [<!ENTITY x "y">]>' + SVG.format("&x;"), "<!DOCTYPE"),
    "stylesheet instruction": ('<?xml-stylesheet href="https://e.example/x.css"?>' + SVG.format(""), "<?"),
    "not XML": ("<svg><path></svg>", "cannot be read as XML"),
}


@pytest.mark.parametrize("name", list(REFUSED_SVG))
def test_svg_files_hold_shapes_only(name: str) -> None:
    text, words = REFUSED_SVG[name]
    found = [f.message for f in check_svg(text)]
    assert any(words in message for message in found), found


def test_svg_with_gradients_of_its_own_passes() -> None:
    shapes = ('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
              '<path d="M0 0h4v4z" fill="url(#g)"/><circle cx="2" cy="2" r="1" stroke="#000"/>')
    assert list(check_svg(SVG.format(shapes))) == []


def test_findings_name_the_markdown_line_not_the_build_folder(project: Path, tmp_path: Path) -> None:
    line = '<a href="&#x6A;avascript&colon;alert(1)">Lien</a>'
    with (project / "docs/fr/about.md").open("a", encoding="utf-8") as stream:
        stream.write(f"\n{line}\n")
    site = load_site(project)
    out = tmp_path / ".site-build-x"
    page = out / "about/index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<html><head></head><body><p>{line}</p></body></html>", "utf-8")
    (out / "assets").mkdir()
    (out / "assets/x.svg").write_text(SVG.format("<script>alert(1)</script>"), "utf-8")
    expected = len((project / "docs/fr/about.md").read_text("utf-8").splitlines())

    problems = {problem.path: problem for problem in verify_site(site, out)}

    assert problems["docs/fr/about.md"].line == expected
    assert "javascript:" in problems["docs/fr/about.md"].message
    assert not any(str(out) in str(problem) for problem in problems.values())


def test_the_real_site_passes(built_site: Path) -> None:
    """What the clean build publishes (Material's markup, our templates and features) is allowed."""
    root = Path(__file__).resolve().parents[2]
    assert verify_site(load_site(root), built_site) == []
