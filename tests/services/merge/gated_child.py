"""A record-feed child that starts only once the test opens a gate (a file): a child as slow to start as a
test needs, without timing. Spawned children import it by name, so it lives in an importable module."""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection
from pathlib import Path

from antq_desktop.services.merge import record_feed

GATE_ENV = "ANTQ_TEST_FEED_GATE"


def serve_after_gate(conn: Connection) -> None:
    gate = Path(os.environ[GATE_ENV])
    deadline = time.monotonic() + 60  # a test that never opens it still ends
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    record_feed.serve(conn)
