"""``make serve`` (``python -m scripts serve``) run in a child process on a project, its terminal read line by
line; and the time from a save to the problem in the terminal and in the previewed page's banner."""
from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from .browser import chromium
from .project_copy import copy_project

BANNER = ".rc-live-check"
CHECKED = re.compile(r"^Source checks \((\d+\.\d+) s\)")
BROKEN_LINK = "\n[Voir](nulle-part.md)\n"  # what the measure saves into a page, then takes out again


@dataclass
class Serving:
    """A running ``serve``: its address and every line it printed, with the time it was read."""

    base: str
    pid: int = 0
    lines: list[tuple[float, str]] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, pattern: str, after: float, timeout: float = 30) -> tuple[float, str]:
        """The first line printed after the time ``after`` that matches ``pattern`` (a regular expression)."""
        found = re.compile(pattern)
        with self.changed:
            match = self.changed.wait_for(lambda: next(
                ((at, text) for at, text in self.lines if at >= after and found.search(text)), None), timeout)
        if match is None:
            raise TimeoutError(f"no line matching {pattern!r} in {timeout} s:\n" + self.output())
        return match

    def output(self) -> str:
        return "\n".join(text for _, text in self.lines)

    def cpu(self) -> float:
        """Processor seconds (user and system) the server has used so far (Linux: /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text("ascii").rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(root: Path, timeout: float = 60) -> Iterator[Serving]:
    """``python -m scripts serve`` on the project at ``root``, on a free port, until the block ends."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "serve", "--dev-addr",
                                f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8", errors="replace")
    serve = Serving(f"http://127.0.0.1:{port}/", process.pid)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            with serve.changed:
                serve.lines.append((time.perf_counter(), line.rstrip("\n")))
                serve.changed.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        serve.wait_for(r"Serving on http://", 0, timeout)
        yield serve
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(5)


def wait_for_banner(page: Page, words: str, timeout: float = 30) -> float:
    """Wait for the page to reload (livereload) with ``words`` in its banner; the time it happened."""
    deadline = time.perf_counter() + timeout
    while True:
        page.wait_for_event("load", timeout=max(1.0, deadline - time.perf_counter()) * 1000)
        if words in page.locator(BANNER).inner_text():
            return time.perf_counter()


@dataclass
class Timing:
    """One save measured: the source checks, then save → terminal and save → banner, broken then fixed."""

    checks: float
    terminal: float
    banner: float
    checks_fixed: float
    banner_fixed: float
    cpu: float = 0.0        # the server's processor time from the save to the banner, broken then fixed
    cpu_fixed: float = 0.0


def measure(root: Path, runs: int, page_rel: str = "fr/about.md", url: str = "about/") -> list[Timing]:
    """Serve a copy of the project; save a broken link into a page, then take it out, ``runs`` times."""
    with tempfile.TemporaryDirectory(prefix="rc-serve-") as work:
        project = copy_project(root, Path(work) / "project")
        source = project / "docs" / page_rel
        text = source.read_text("utf-8")
        timings = []
        with serving(project) as serve, chromium() as browser:
            page = browser.new_page()
            page.goto(serve.base + url, wait_until="load")
            for _ in range(runs):
                times = []
                for content, words, terminal in ((text + BROKEN_LINK, "nulle-part.md", r"nulle-part\.md"),
                                                 (text, "no problem", r"no problem found")):
                    start, cpu = time.perf_counter(), serve.cpu()
                    source.write_text(content, "utf-8")
                    banner = wait_for_banner(page, words)
                    used = serve.cpu() - cpu
                    checked = CHECKED.match(serve.wait_for(CHECKED.pattern, start)[1])
                    printed = serve.wait_for(terminal, start)[0]
                    times += [float(checked.group(1)) if checked else 0.0, printed - start, banner - start, used]
                timings.append(Timing(times[0], times[1], times[2], times[4], times[6], times[3], times[7]))
    return timings


def table(timings: list[Timing]) -> str:
    head = f"{'run':>3}  {'checks':>7}  {'save→terminal':>13}  {'save→banner':>11}  {'cpu':>6}  {'fixed: checks':>13}  " \
           f"{'save→banner':>11}  {'cpu':>6}"
    rows = [f"{n:>3}  {t.checks:>6.2f}s  {t.terminal:>12.2f}s  {t.banner:>10.2f}s  {t.cpu:>5.2f}s  "
            f"{t.checks_fixed:>12.2f}s  {t.banner_fixed:>10.2f}s  {t.cpu_fixed:>5.2f}s" for n, t in enumerate(timings, 1)]
    cpu = statistics.median(c for t in timings for c in (t.cpu, t.cpu_fixed))
    wall = statistics.median(b for t in timings for b in (t.banner, t.banner_fixed))
    return "\n".join([head, *rows, f"median save→banner {wall:.2f} s, the server's processor time {cpu:.2f} s "
                      "(on a busy machine, compare the processor time)"])
