"""The whole built site as one ZIM file for Kiwix (libzim): both languages, PDFs included, readable offline;
the ZIM copy has no service worker, share button or read-aloud control, and its links name files."""
