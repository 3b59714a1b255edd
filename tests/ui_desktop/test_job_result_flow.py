"""One job/result flow: the progress dialog is gone before any result or error is shown."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from antq_desktop.domain.errors import AntqError
from antq_desktop.ui.jobs import JobRunner


def _progress_dialogs_shown() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def _run(work, qtbot):  # type: ignore[no-untyped-def]
    """Start `work`; the handlers behave like a result message box: they stay open a while (a modal
    box runs its own event loop) and record whether a progress dialog was on screen meanwhile."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = JobRunner()
    seen: list[tuple[str, int]] = []

    def like_a_message_box(kind: str) -> None:
        qtbot.wait(700)  # longer than the dialog's 400 ms delay before it shows itself
        seen.append((kind, len(_progress_dialogs_shown())))

    job = runner.start(work, title="Đang xuất", parent=parent)
    job.succeeded.connect(lambda _r: like_a_message_box("succeeded"))
    job.failed.connect(lambda _e: like_a_message_box("failed"))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    runner.wait()
    return seen


def test_quick_successful_job_shows_its_result_without_the_progress_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _run(lambda progress, cancel: 42, qtbot) == [("succeeded", 0)]


def test_failed_job_shows_its_error_without_the_progress_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    def fail(progress, cancel):  # type: ignore[no-untyped-def]
        raise AntqError("Không ghi được vào USB.")

    assert _run(fail, qtbot) == [("failed", 0)]


def test_slow_job_had_its_progress_dialog_closed_before_the_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    shown_during: list[int] = []

    def slow(progress, cancel):  # type: ignore[no-untyped-def]
        for step in range(10):
            progress(step / 10, "Đang ghi")
            time.sleep(0.08)
        return "xong"

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = JobRunner()
    job = runner.start(slow, title="Đang xuất Excel…", parent=parent)
    job.progressed.connect(lambda *_a: shown_during.append(len(_progress_dialogs_shown())))
    seen: list[int] = []
    job.succeeded.connect(lambda _r: (qtbot.wait(300), seen.append(len(_progress_dialogs_shown()))))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    runner.wait()
    assert max(shown_during) == 1  # the dialog did show while the work ran
    assert seen == [0]  # and was gone when the result came
