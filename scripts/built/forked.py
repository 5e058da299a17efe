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


def split_map(work: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
    """``work(items)``, the second half done in a forked process at the same time; the results in order."""
    if len(items) < ENOUGH:
        return work(items)
    half = len(items) // 2
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, items[half:], send), daemon=True)
    process.start()
    send.close()
    results = work(items[:half])
    try:
        results += receive.recv()
    except EOFError:  # the copy ended without an answer: do its half here
        results += work(items[half:])
    process.join()
    return results


def _child(work: Callable[[list[T]], list[R]], items: list[T], send: Connection) -> None:
    send.send(work(items))
    send.close()
