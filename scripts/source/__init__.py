"""① The Markdown sources and mkdocs.yml read into one site model (no MkDocs), and the checks over it."""
