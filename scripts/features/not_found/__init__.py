"""The site's one 404 page (overrides/404.html, docs/assets/javascripts/not-found.js): every language's texts."""
