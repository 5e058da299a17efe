"""Work over many items shared with a forked copy of this process (the machine has two cores): for the checks of
big sites, whose parts are independent."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
ENOUGH = 64  # fewer items are done here: a fork would cost more than it saves


def in_fork(work: Callable[[], R]) -> Callable[[], R | None]:
    """Start ``work()`` in a process forked from this one (it has this one's model), and go on; the function returned
    waits for its result (None if the copy ended without one)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, send), daemon=True)
    process.start()
    send.close()

    def result() -> R | None:
        try:
            found: R | None = receive.recv()
        except EOFError:
            found = None
        process.join()
        return found
    return result


def _child(work: Callable[[], R], send: Connection) -> None:
    send.send(work())
    send.close()


def split_map(work: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
    """``work(items)``, the second half done in a forked process at the same time; the results in order."""
    if len(items) < ENOUGH:
        return work(items)
    half = len(items) // 2
    second = in_fork(lambda: work(items[half:]))
    results = work(items[:half])
    rest = second()
    return results + (rest if rest is not None else work(items[half:]))  # no answer from the copy: its half here
