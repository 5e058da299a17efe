"""Shared texts: one wording for a fact that several pages repeat (features/shared_texts)."""
