"""④ The built site: MkDocs run in this process, the built HTML read once, its checks and link checks."""
