"""Posters: one A4 PDF per language for the places where newcomers wait (WeasyPrint, tagged PDF/UA-1), in the
words of the take-part page, with a QR code (segno) that opens the self-check; offered on the take-part page."""
