"""Garbage is never collected on the worker thread while a job runs (ui/gc_guard.py): a cycle holding Qt
wrappers destroyed there can crash the program (a segmentation fault was seen in an export job)."""

from __future__ import annotations

import gc
import threading

from antq_desktop.ui import gc_guard
from antq_desktop.ui.jobs import JobRunner


class _Marker:
    """In a reference cycle, so only the cyclic collector frees it; records the thread that did."""

    def __init__(self, freed_on: list[str]) -> None:
        self.freed_on = freed_on
        self.me = self

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_cycles_a_job_leaves_are_collected_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    freed_on: list[str] = []
    seen_during_work: list[bool] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        seen_during_work.append(gc.isenabled())
        _Marker(freed_on)  # garbage at once, in the youngest generation
        # Far past the youngest generation's threshold: without the guard the interpreter collects here,
        # on this worker thread, and frees the marker on it.
        kept = [[] for _ in range(20 * gc.get_threshold()[0])]
        return len(kept)

    runner = JobRunner()
    job = runner.start(work, title="Đang xuất", show_progress=False)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    runner.wait()
    assert seen_during_work == [False]  # automatic collection was off while the work ran
    assert gc.isenabled() and gc_guard.running_jobs() == 0  # and is back on once no job runs
    gc.collect()
    assert freed_on == [threading.main_thread().name]


def test_the_gui_thread_collects_on_its_timer_while_a_job_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    freed_on: list[str] = []
    release = threading.Event()

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        release.wait(10)

    runner = JobRunner()
    job = runner.start(work, title="Đang xuất", show_progress=False)
    try:
        _Marker(freed_on)
        garbage = [[] for _ in range(2 * gc.get_threshold()[0])]  # the youngest generation is due
        del garbage
        kept = [[] for _ in range(2 * gc.get_threshold()[0])]
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: freed_on != [], timeout=20_000)
        assert freed_on == [threading.main_thread().name] and len(kept) > 0
    finally:
        release.set()
        with qtbot.waitSignal(job.finished, timeout=10_000):
            pass
        runner.wait()
    assert gc.isenabled()
