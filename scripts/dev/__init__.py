"""⑤ Tools that are not part of a build: the local host, Chromium, page weight, benchmark, project copies."""
