"""Issue 18: the change counter is reserved by one upsert (storage/locks.py `reserve`); the numbers
stay consecutive and unique, and a second transaction waits for the first, on both engines."""

from __future__ import annotations

import threading
import time

from antq_desktop.storage.db import open_store
from antq_desktop.storage.locks import reserve


def test_reserved_ranges_follow_each_other(engine_url: str) -> None:
    store = open_store(engine_url)
    try:
        with store.session() as session:
            assert reserve(session, "bench-counter", 5) == 1
            assert reserve(session, "bench-counter", 1) == 6
        with store.session() as session:
            assert reserve(session, "bench-counter", 1000) == 7
            session.rollback()  # a rolled-back reservation gives its numbers back
        with store.session() as session:
            assert reserve(session, "bench-counter", 2) == 7
    finally:
        store.close()


def test_a_second_transaction_waits_and_gets_the_next_range(engine_url: str) -> None:
    """Two clerks' merges at once: the second reservation waits for the first transaction's end
    and never reuses its numbers."""
    store = open_store(engine_url)
    try:
        with store.session() as session:
            reserve(session, "change_seq", 10)
        got: dict[str, int] = {}
        first_holds = threading.Event()

        def first() -> None:
            with store.session() as session:
                got["first"] = reserve(session, "change_seq", 100)
                first_holds.set()
                time.sleep(0.5)  # still holding the counter when the second one asks

        def second() -> None:
            first_holds.wait(10)
            with store.session() as session:
                started = time.monotonic()
                got["second"] = reserve(session, "change_seq", 3)
                got["waited"] = int(time.monotonic() - started >= 0.3)

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert got["first"] == 11 and got["second"] == 111 and got["waited"] == 1, got
    finally:
        store.close()
