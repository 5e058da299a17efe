"""Readability report: sentence length and rare words per page and language (model, measure, report).

It only warns: nothing here fails a build. The thresholds are in mkdocs.yml, ``extra.readability``.
"""
