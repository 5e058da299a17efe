"""What a branch changes, for reviewers: the pages it changed since its merge base (changes), and the
Markdown views of the problems, their translation status and the build's timings (markdown): the GitHub
step summary and the pull-request comment."""
