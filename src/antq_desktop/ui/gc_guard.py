"""Python's cyclic garbage collector kept off the worker thread while background work runs (jobs.py).

CPython collects cycles in whichever thread happens to cross the allocation threshold. During a job that is
usually the worker: a cycle holding Qt wrappers (a closed dialog, an old page's model) is then destroyed off
the GUI thread, and Qt can crash the whole program. Seen: a segmentation fault in an export job, the worker
"garbage-collecting" inside a SQLAlchemy query. So while any job runs, automatic collection is off and the
GUI thread collects on a timer, one generation at a time by the interpreter's own thresholds (the pattern of
pyqtgraph's GarbageCollector); reference counting still frees everything else at once. With no job running
only the GUI thread runs Python, and automatic collection is back on.
"""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
# A full collection walks every live object (a merge holds many): at most this often, as the interpreter
# itself spaces them out.
FULL_COLLECTION_GAP_S = 10.0


class _Guard(QObject):
    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        self.collect_due()
        settle()

    def collect_due(self) -> int:
        """Collect the oldest generation past its threshold, as the interpreter would; 0 if none is due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] <= thresholds[generation]:
                continue
            if generation == 2:
                if time.monotonic() - self.last_full < FULL_COLLECTION_GAP_S:
                    continue
                self.last_full = time.monotonic()
            return gc.collect(generation)
        return 0


_guard: _Guard | None = None
_running = 0  # workers started and not yet returned; changed under _lock (workers end on their own thread)
_lock = threading.Lock()


def hold() -> None:
    """A job is about to start (GUI thread): no automatic collection until no job runs."""
    global _guard, _running
    if _guard is None:
        _guard = _Guard()
    with _lock:
        _running += 1
    gc.disable()
    _guard.timer.start()


def worker_done() -> None:
    """The worker's last step (its own thread). Collection comes back on the GUI thread: `settle`."""
    global _running
    with _lock:
        _running = max(0, _running - 1)


def settle() -> None:
    """GUI thread (each tick, and after waiting for the pool): automatic collection back when no job runs."""
    with _lock:
        idle = _running == 0
    if idle and _guard is not None:
        _guard.timer.stop()
        gc.enable()


def running_jobs() -> int:
    with _lock:
        return _running
