"""Glossary: words a B1 reader may not know, explained where they first appear on a page (model, checks, render)."""
