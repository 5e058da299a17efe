"""Our own code for the Resilient Cities site: checks, build pipeline and MkDocs glue.

Run it as ``python -m scripts --help``. The folders follow the data, from the Markdown to the site:

- ``source/``: ① the Markdown and mkdocs.yml read once into a site model (``model``, ``parse``,
  ``config``), the declarative front-matter validator (``fields``) and the translation parity checks.
  A new check of the sources is a function ``(site) -> problems`` added to its module's ``CHECKS``.
- ``features/``: ② one folder per content feature (``booklets``, ``programme``, ``i18n_status``,
  ``readability``, ``glossary``, ``search_words``, ``typography``), each split into model, reading, checks
  and rendering. A new feature is a new folder here and one entry in ``registry.py``. ``review`` holds the
  views for reviewers (GitHub step summary, pull-request comment).
- ``mkdocs_glue/``: ③ what runs inside MkDocs: ``hooks`` (each event a loop over ``features/registry.py``),
  ``state`` (the pipeline's model), ``seo``, ``search_index``, ``material_fixes``, ``live_check`` (``make serve``'s
  checks). Only this folder imports MkDocs' event API.
- ``built/``: ④ the built site: MkDocs run in this process (``run_mkdocs``), the HTML read once
  (``html_model``) and its checks (``html_checks``, ``links``; ``linkchecker`` as a second opinion).
- ``dev/``: ⑤ tools that are not part of a build: the local host, Chromium, weight, Lighthouse, bench,
  ``make serve`` in a child process (``live_serve``), the comment's picture (``comment_preview``).
- ``problems``: the Problem value every check returns; ``features/registry.py``: every feature, and every source
  check in order;
  ``pipeline``: the build stages and the atomic swap; ``cli``: the commands (a new command goes there).

Imports point one way: cli → pipeline → built, mkdocs_glue, features → source → problems.
"""
