"""Offline reading: the service worker's build data (worker), the offline page and the offline note
(page), their texts and checks (model, checks). The worker itself is docs/assets/javascripts/service-worker.js,
the page's side docs/assets/javascripts/reader-tools.js."""
