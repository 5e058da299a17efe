"""What the published pages and pictures may hold: the allow-list of the safety check, in one place.

Made from what a clean build publishes (Material's markup, our templates and features) plus the plain markup
an editor may write in a page (tables, lists, emphasis, pictures, links). Anything else fails the build.

To add an entry (a maintainer, in the pull request that adds the markup; README.md, "Safety check"):
- a new element or attribute: ELEMENTS, or ATTRIBUTES for the element ("*" for every element);
- a new script file: SCRIPTS (its path from the site root, exactly);
- a new stylesheet: STYLESHEETS;
- new inline code: the file holding its exact text in INLINE_FILES, or its exact text in INLINE_TEXTS
  (scripts/built/inline_code.py hashes them; the security policy allows those hashes and no other).
"""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

# HTML elements. Never: iframe, object, embed, frame, applet, base, style (except INLINE_*), audio, video.
ELEMENTS = frozenset({
    "html", "head", "title", "meta", "link", "script", "body", "template",
    "header", "footer", "main", "nav", "article", "section", "aside", "div", "span", "p", "br", "hr", "wbr",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "picture", "figure", "figcaption",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite", "abbr", "dfn", "time", "address",
    "strong", "em", "b", "i", "u", "s", "mark", "small", "sub", "sup", "code", "kbd", "samp", "pre", "del", "ins",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary",
    "form", "fieldset", "legend", "label", "input", "button", "select", "option",
})
# Inline SVG in pages (Material's icons) and SVG files: shapes only, no script, foreignObject, image, use or
# animation (an <animate> or <set> can change a link into a script).
SVG_ELEMENTS = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "title", "desc", "defs",
    "lineargradient", "radialgradient", "stop", "clippath", "mask", "text", "tspan", "symbol", "metadata",
})
# Attributes by element; "*" for every element. Event handlers (on…) are never allowed.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "lang", "dir", "title", "hidden", "role", "tabindex", "translate",
                    "data-web-only"}),  # shown on the web, left out of the booklets' PDFs (features/booklets)
    "html": frozenset({"xmlns"}),
    "meta": frozenset({"charset", "content", "name", "property", "http-equiv"}),
    "link": frozenset({"href", "hreflang", "rel", "type", "sizes", "as"}),
    "script": frozenset({"src", "defer", "async", "fetchpriority", "type"}),
    "body": frozenset(),
    "a": frozenset({"href", "hreflang", "download", "type", "rel", "target", "data-md-component",
                    "data-pdf-bytes", "data-pdf-pages", "data-term"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "td": frozenset({"colspan", "rowspan", "headers", "data-state"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}), "q": frozenset({"cite"}), "blockquote": frozenset({"cite"}),
    "del": frozenset({"datetime"}), "ins": frozenset({"datetime"}), "details": frozenset({"open", "data-search-exclude"}),
    "form": frozenset({"name", "novalidate"}),  # no action, method or target: a form sends nothing elsewhere
    "fieldset": frozenset({"data-criterion"}),
    "label": frozenset({"for"}),
    "input": frozenset({"type", "name", "value", "checked", "required", "placeholder", "autocomplete",
                        "autocapitalize", "autocorrect", "spellcheck", "data-md-component", "data-md-toggle",
                        "data-outcome"}),
    "button": frozenset({"type", "disabled", "data-copied", "data-copy", "data-md-component"}),
    "div": frozenset({"data-md-component", "data-md-scrollfix", "data-md-type", "data-participant", "data-result",
                      "data-search-exclude", "data-verdict",
                      # the read-aloud control (features/read_aloud): its texts for read-aloud.js
                      "data-voice", "data-listen", "data-pause", "data-resume", "data-no-voice"}),
    "option": frozenset({"value", "selected"}),
    "ul": frozenset({"data-md-component", "data-md-scrollfix", "data-rc-saved", "data-slot"}),
    "nav": frozenset({"data-md-level"}), "header": frozenset({"data-md-component"}),
    "main": frozenset({"data-md-component"}), "footer": frozenset({"data-search-exclude"}),
    "section": frozenset({"data-hint", "data-home", "data-missing", "data-rc-selfcheck", "data-search-exclude",
                          "data-title", "data-your-answer"}),
    "template": frozenset({"data-advice", "data-explanation", "data-outcome"}),
    "svg": frozenset({"xmlns", "viewbox", "width", "height", "focusable", "fill", "preserveaspectratio",
                      "version", "x", "y"}),
}
SVG_ATTRIBUTES = frozenset({
    "d", "fill", "fill-rule", "fill-opacity", "clip-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-opacity", "stroke-dasharray", "stroke-miterlimit", "opacity", "transform",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "points", "viewbox",
    "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform", "font-size", "font-family",
    "font-weight", "text-anchor", "dominant-baseline", "clip-path", "mask", "xmlns", "version",
    "preserveaspectratio", "focusable", "aria-label",
})
# Attributes allowed on every element whose names start so (accessibility; inert for browsers).
PREFIXES = ("aria-",)
# Attributes holding an address, and those whose address the browser loads by itself.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "data", "cite",
                            "background", "xlink:href", "longdesc", "usemap", "manifest", "codebase", "ping"})
LOADING = frozenset({"src", "srcset", "poster", "data", "background"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DATA_IMAGES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
# <link rel> values; never preconnect, prefetch, dns-prefetch, modulepreload or import. "preload" only of one
# of STYLESHEETS (as="style") or SCRIPTS (as="script"): overrides/main.html asks for them early.
LINK_RELS = frozenset({"stylesheet", "preload", "icon", "canonical", "alternate", "prev", "next"})
META_NAMES = frozenset({"viewport", "description", "author", "robots", "twitter:card", "generator"})
META_HTTP_EQUIV = frozenset({"content-security-policy"})  # never refresh
# <script type> values that the browser does not run: only the JSON of Material's configuration (id __config).
DATA_SCRIPTS = {("application/json", "__config")}
INPUT_TYPES = frozenset({"checkbox", "radio", "text", "search", "reset", "submit", "button"})

_MATERIAL = Path(getattr(find_spec("material"), "origin", None) or ".").parent / "templates" / "assets"


def _material(folder: str, pattern: str) -> set[str]:
    """The files of the installed Material that its templates load, as site paths."""
    return {f"/assets/{folder}/{path.name}" for path in (_MATERIAL / folder).glob(pattern)}


# Scripts, by their exact path from the site root (relative addresses are resolved first).
SCRIPTS = frozenset({
    *_material("javascripts", "bundle.*.min.js"),
    "/assets/javascripts/navigation.js", "/assets/javascripts/reader-tools.js",
    "/assets/javascripts/search-on-demand.js", "/assets/javascripts/glossary.js",
    "/assets/javascripts/self-check.js", "/assets/javascripts/not-found.js", "/assets/javascripts/read-aloud.js",
})
STYLESHEETS = frozenset({
    *_material("stylesheets", "main.*.min.css"), *_material("stylesheets", "palette.*.min.css"),
    "/assets/stylesheets/site.css", "/assets/stylesheets/booklet-print.css", "/assets/stylesheets/pages.css",
})
# Inline code: the exact text of files (from the project's root) that templates write inline, and exact texts
# that templates write. "@BASE@" stands for the page's way up to the site root ("." "..", "../.." …).
INLINE_FILES: dict[str, list[str]] = {
    "script": [],
    # overrides/main.html: the rules the pages show first (written by make critical-css)
    "style": ["overrides/partials/critical.css"],
}
INLINE_TEXTS: dict[str, list[str]] = {
    "script": [
        # Material's base.html: the storage scope of the page
        '__md_scope=new URL("@BASE@",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}'
        'catch(e){}}',
        # Material's content tabs: open the tab named in the address
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))',
    ],
    "style": [],
}
MAX_DEPTH = 10  # "@BASE@" is tried for pages up to this many folders deep
