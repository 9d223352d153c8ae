"""Page runs take turns: one at a time in the server process, in the order they arrive.

Every session's run of the page is Python in one process, so only one runs at any moment (the
interpreter's lock) whatever the number of threads. Twenty users who edit at the same moment
used to run side by side, each a slice at a time, and all twenty finished near the end: the
first figures after ~0.65 s, the median too. Taking turns, the first finishes after one run
(~30 ms) and the median after half of them: the same work, each user served sooner on average.

A run that waits longer than `WAIT_AT_MOST` (behind a long simulation, say) goes ahead without
its turn, sharing the processor as before: a turn is a courtesy, never a reason to wait long.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

WAIT_AT_MOST = 1.0
"""Seconds a run waits for its turn before it goes ahead anyway."""

_turn = threading.Semaphore(1)
"""Whose turn it is; waiting runs are woken in the order they began to wait."""


@contextmanager
def one_at_a_time() -> Iterator[None]:
    """Run the block in turn with other sessions' runs (or after `WAIT_AT_MOST` without)."""
    taken = _turn.acquire(timeout=WAIT_AT_MOST)
    try:
        yield
    finally:
        if taken:
            _turn.release()
