"""Pages and sections that await their translation, shown to readers (the marks and their checks: source/pending.py)."""
