"""The picture a link preview shows (og:image): one 1200 × 630 PNG per page and language, drawn at build
time with Pillow (logo: the site's SVG logo redrawn; card: title, site name, logo; publish: cache, files)."""
