"""Outside judges: other people's validators run over a built site (tests/built/test_judges.py, `make judges`).

Each judge runs once over every file it checks and returns its findings as lines (``where: what``); an empty
list means it found nothing. A judge that is not installed is a finding too, never a silent pass.
- ``vnu``: the Nu Html Checker on every built page (HTML errors);
- ``pdf_ua``: page-validation's PDF/UA-1 profile on every PDF;
- ``grammalecte``: French typography on the rendered text of every French page (``french_text``);
- ``lychee``: every link and #fragment between the built files, offline;
- ``zizmor``: the GitHub workflows' security (medium and high findings).
"""
