"""Our own code for the Resilient Cities site: checks, build pipeline and MkDocs glue.

Run it as ``python -m scripts --help``. Each module is one concern:

- ``problems``: the Problem value every check returns, and how it is printed;
- ``sources``: the Markdown sources parsed once into a site model;
- ``parity``: translation parity checks over that model;
- ``engine``: running MkDocs and turning its log into problems;
- ``html``: checks of the built HTML;
- ``linkcheck``: linkchecker over the built site served on 127.0.0.1;
- ``pipeline``: the build (checks, build, checks, atomic swap);
- ``hooks``: the thin MkDocs glue;
- ``cli``: the command line.
"""
