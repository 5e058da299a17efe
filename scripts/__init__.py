"""Our own code for the Resilient Cities site: checks, build pipeline and MkDocs glue.

Run it as ``python -m scripts --help``. Each module is one concern:

- ``problems``: the Problem value every check returns, and how it is printed;
- ``sources``: the Markdown sources parsed once into a site model;
- ``parity``: translation parity checks over that model;
- ``booklets``: the booklets' front matter as a typed model, its checks, the booklets index list;
- ``booklet_pdf``: the booklets' PDFs (WeasyPrint, content-addressed cache) and download buttons;
- ``programme``: programme stages and eligibility criteria (front matter): checks, HTML, iCalendar;
- ``engine``: running MkDocs and turning its log into problems;
- ``html``: checks of the built HTML;
- ``linkcheck``: linkchecker over the built site served on 127.0.0.1;
- ``pipeline``: the build (checks, build, checks, atomic swap);
- ``search_index``: one search index per language, each page pointed at its own;
- ``seo``: the <head> metadata (canonical, hreflang alternates, Open Graph);
- ``material_fixes``: a fix to Material's shipped JavaScript;
- ``headers``: the ``_headers`` file (Content-Security-Policy with inline-script hashes);
- ``hosting``: the built site served on 127.0.0.1 as its host serves it (headers, gzip, 404);
- ``browser``: Debian's Chromium through Playwright; ``weight``: each page's first-visit weight;
- ``hooks``: the thin MkDocs glue;
- ``cli``: the command line.
"""
