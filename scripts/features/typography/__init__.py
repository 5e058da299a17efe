"""French typography applied to the built French pages: no-break spaces before ? ! ; : and inside « »."""
