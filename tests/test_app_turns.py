"""Page runs take turns in the server process (`dashboard.turns`): a run waits for the one
before it to finish, but never longer than `WAIT_AT_MOST`; and once the page has run, the
process's objects are frozen out of the garbage collector's full collections
(`dashboard.collector`)."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from dashboard import collector, turns


def test_a_run_begins_after_the_run_before_it_has_finished() -> None:
    events: list[str] = []
    first_inside = threading.Event()

    def first() -> None:
        with turns.one_at_a_time():
            events.append("first begins")
            first_inside.set()
            time.sleep(0.2)
            events.append("first ends")

    def second() -> None:
        first_inside.wait()
        with turns.one_at_a_time():
            events.append("second begins")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert events == ["first begins", "first ends", "second begins"]


def test_a_run_that_waits_too_long_goes_ahead_without_its_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(turns, "WAIT_AT_MOST", 0.05)
    release = threading.Event()
    holding = threading.Event()

    def long_run() -> None:
        with turns.one_at_a_time():
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=long_run)
    holder.start()
    holding.wait()
    start = time.monotonic()
    with turns.one_at_a_time():
        waited = time.monotonic() - start
    release.set()
    holder.join()
    assert 0.04 <= waited < 1.0
    with turns.one_at_a_time():  # the turn taken by the long run was given back, not twice
        pass
    assert turns._turn.acquire(blocking=False)
    turns._turn.release()


def test_a_run_that_stops_early_gives_its_turn_back() -> None:
    with pytest.raises(RuntimeError), turns.one_at_a_time():
        raise RuntimeError("st.stop() or a rerun ends a run with an exception")
    assert turns._turn.acquire(blocking=False)
    turns._turn.release()


def test_after_the_first_run_what_the_process_holds_is_frozen_once() -> None:
    collector.freeze_after_first_run()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    kept = [[object()] for _ in range(100)]  # made later: collected as before, not frozen
    collector.freeze_after_first_run()
    assert gc.get_freeze_count() == frozen
    assert kept
