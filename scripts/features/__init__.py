"""② Content features, each a folder split into model, reading, checks and rendering."""
