"""Debian's Chromium driven by Playwright, launched one way for the tests and the weight measure."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"  # the browser: Lighthouse drives it
# The same Chromium (Debian's source package, same version) without the desktop browser around its engine: what
# Playwright runs headless by default. A fresh context and page cost a third of the processor time they cost in
# the full browser, which the tests open by the hundred.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
# No background traffic of Chromium's own (updates, field trials): what the network sees is the page's.
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=HEADLESS_SHELL, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
