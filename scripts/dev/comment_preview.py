"""The pull request's comment as a reviewer sees it, made here: its Markdown rendered to HTML with Python-Markdown
(as GitHub renders tables, code and bold), then a screenshot in Chromium (for EDITORS.md)."""
from __future__ import annotations

from pathlib import Path

import markdown

from .browser import chromium

# Close to GitHub's comment box: system fonts, bordered tables, grey code.
STYLE = """
body{font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;
padding:16px;background:#fff}
.comment{border:1px solid #d1d9e0;border-radius:6px;max-width:760px}
.comment>header{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}
.comment>div{padding:4px 16px 8px}h2{font-size:1.4em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em}
h3{font-size:1.15em}table{border-collapse:collapse}th,td{border:1px solid #d1d9e0;padding:4px 10px;text-align:left}
th{background:#f6f8fa}code{background:#eff1f3;border-radius:4px;padding:.1em .3em;font-size:85%}a{color:#0969da}
"""


def render_html(text: str, author: str = "github-actions (bot)") -> str:
    """A whole HTML page showing the comment ``text`` (Markdown) in a GitHub-like comment box."""
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Pull request comment</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n<div class=\"comment\"><header><strong>{author}</strong> "
            f"commented</header>\n<div>{body}</div></div>\n</body>\n</html>\n")


def screenshot(html: str, png: Path, width: int = 800) -> None:
    """A PNG of the page ``html`` (the comment box only), ``width`` pixels wide."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 600})
        page.set_content(html, wait_until="load")
        page.locator(".comment").screenshot(path=str(png))
