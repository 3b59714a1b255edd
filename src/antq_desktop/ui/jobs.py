"""Long work off the GUI thread: a Qt-free callable, a progress dialog, the result by signal.

The callable has the signature `work(progress, cancel)`: it reports with
`progress(fraction, message)` and checks the `threading.Event` `cancel` between steps. It must not
touch widgets. One worker thread only, because SQLite takes one writer at a time anyway.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from antq_desktop.ui import gc_guard

Progress = Callable[[float, str], None]
Work = Callable[[Progress, threading.Event], Any]

log = logging.getLogger(__name__)


class JobCancelled(Exception):
    """Raised by work that stops because the officer pressed "Hủy"."""


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(float, str)
    done = Signal(object)
    error = Signal(object)


class Job(QObject):
    """One piece of background work: `ended`, then exactly one of succeeded/failed/cancelled, then finished.

    `ended` comes first so the progress dialog is gone before any handler shows a result or an error
    (a handler's message box would otherwise open under a progress dialog stuck at 0 %).

    Cancelled means the work stopped on request (it raised). A READ that returns after "Hủy" is
    cancelled too: nobody wants its result. A WRITE (`writes`) that returns did its work — "Hủy" came
    after its last check, or it has none — so it succeeds and its handler reports what was written
    (before, a late "Hủy" hid pledges written, a package exported or a plan published)."""

    ended = Signal()
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, title: str, parent: QObject | None = None, *, writes: bool = False) -> None:
        super().__init__(parent)
        self.title = title
        self.writes = writes
        self.cancel_event = threading.Event()
        self.relay = _Relay()
        self.relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.relay.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self.is_running = True

    def cancel(self) -> None:
        self.cancel_event.set()

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self.progressed.emit(fraction, message)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self.is_running = False
        self.ended.emit()
        if self.cancel_event.is_set() and not self.writes:
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self.is_running = False
        self.ended.emit()
        if isinstance(exc, JobCancelled) or self.cancel_event.is_set():  # stopped on request, not a failure
            self.cancelled.emit()
        else:
            self.failed.emit(exc)
        self.finished.emit()


class _Worker(QRunnable):
    def __init__(self, work: Work, job: Job) -> None:
        super().__init__()
        # Holding the job keeps its relay alive while the work runs, even if every page let go of it.
        self.work, self.job, self.relay, self.cancel_event = work, job, job.relay, job.cancel_event

    def run(self) -> None:
        try:
            result = self.work(lambda f, m: self._emit(self.relay.progressed, float(f), str(m)), self.cancel_event)
        except BaseException as exc:  # noqa: BLE001 — delivered to the GUI thread, never lost
            self._emit(self.relay.error, exc)
        else:
            self._emit(self.relay.done, result)
        finally:
            gc_guard.worker_done()

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        """At exit Qt may already have deleted the receiving side: nobody is left to tell, so log it.

        An exception escaping here would reach the error dialog on this worker thread, where a
        dialog can never show, and the closing app would hang.
        """
        try:
            signal.emit(*args)
        except RuntimeError as exc:
            log.info("kết quả việc chạy nền không gửi được khi đóng chương trình: %s", exc)


class JobRunner(QObject):
    """Starts jobs on one worker thread and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._active: set[Job] = set()
        self._closed = False

    def start(self, work: Work, *, title: str, parent: QWidget | None = None, show_progress: bool = True,
              writes: bool = False) -> Job:
        """`writes`: the work changes the store or writes a file; once it returns, it succeeded (see Job)."""
        job = Job(title, writes=writes)
        if self._closed:  # a page asked for work while the app closes: it never starts
            job.cancel()
            return job
        self._active.add(job)
        job.finished.connect(lambda: self._active.discard(job))
        if show_progress:
            _attach_progress_dialog(job, parent)
        gc_guard.hold()  # no garbage collection on the worker thread (gc_guard says why)
        self.pool.start(_Worker(work, job))
        return job

    def wait(self, msecs: int = 30000) -> bool:
        """For shutdown: let running work finish (a half-done SQLite transaction is rolled back anyway)."""
        done = self.pool.waitForDone(msecs)
        gc_guard.settle()  # no worker runs now: automatic collection back without waiting for a timer tick
        return done

    def shutdown(self, msecs: int = 30000) -> bool:
        """Before the store closes: start nothing more, ask running work to stop, wait for it."""
        self._closed = True
        for job in list(self._active):
            job.cancel()
        return self.wait(msecs)


def _attach_progress_dialog(job: Job, parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(job.title, QCoreApplication.translate("QProgressDialog", "Hủy"), 0, 1000, parent)
    dialog.setWindowTitle(job.title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flashing dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.canceled.connect(job.cancel)

    def show_progress(fraction: float, message: str) -> None:
        dialog.setValue(max(0, min(1000, int(fraction * 1000))))
        if message:
            dialog.setLabelText(message)

    def close() -> None:
        # reset() stops the timer that would show the dialog after minimumDuration: a quick job's
        # result box would otherwise get a progress dialog at 0 % popping up over it.
        dialog.canceled.disconnect(job.cancel)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    job.progressed.connect(show_progress)
    job.ended.connect(close)
    dialog.setValue(0)
    return dialog
