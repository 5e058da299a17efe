"""③ What runs inside MkDocs: the hooks (events in order) and what they call on each page and build."""
