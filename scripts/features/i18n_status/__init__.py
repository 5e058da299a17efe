"""Translation status from git history: history, replay, model, report (CLI, JSON),
pages (notice, status page), checks."""
