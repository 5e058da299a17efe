"""The safety check of the published site (run.py): every HTML page and SVG picture against the allow-list
(allowed.py), read with an HTML5 parser (markup.py) or as XML (svg_files.py); findings on their source
(sources.py)."""
