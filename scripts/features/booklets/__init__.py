"""Booklets and project summaries: model (front matter), checks, index list, print document, PDF, cache, publish."""
