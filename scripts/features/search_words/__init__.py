"""Search words: the words readers type that a page does not say (``keywords:`` in its front matter),
indexed for the page's own language, weighed like its title (``mkdocs_glue/search_index.py``)."""
