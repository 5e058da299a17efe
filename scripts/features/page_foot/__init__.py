"""The foot of every page: when its language version last changed (from the translation-status model),
the share button, and what printing needs (the page's address; questions kept whole)."""
