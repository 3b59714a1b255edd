"""Closing the app while background work runs: nothing hangs, nothing shows off the GUI thread."""

from __future__ import annotations

import sys
import threading

import shiboken6

from antq_desktop.ui import errors
from antq_desktop.ui.jobs import JobRunner


def test_shutdown_cancels_running_work_and_starts_nothing_more(qtbot):
    runner = JobRunner()
    started, stopped = threading.Event(), threading.Event()

    def work(_progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        assert cancel.wait(10), "the shutdown must ask running work to stop"
        stopped.set()

    runner.start(work, title="việc dài", show_progress=False)
    assert started.wait(5)
    assert runner.shutdown(10000) and stopped.is_set()

    ran = []
    late = runner.start(lambda _p, _c: ran.append(1), title="việc bắt đầu khi đang đóng", show_progress=False)
    runner.wait(2000)
    assert ran == [] and late.cancel_event.is_set()


def test_a_result_nobody_can_receive_any_more_is_logged_not_raised(qtbot, monkeypatch):
    """The relay's Qt object deleted under running work (as at exit): no exception on the worker thread."""
    escaped = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: escaped.append(info))
    runner = JobRunner()
    release = threading.Event()
    job = runner.start(lambda _p, _c: release.wait(10) and "kết quả", title="việc", show_progress=False)
    shiboken6.delete(job.relay)
    release.set()
    assert runner.wait(10000)
    assert escaped == []


def test_an_error_off_the_gui_thread_is_logged_without_a_dialog(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(errors, "show_unexpected", lambda *args: shown.append(args))
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda *args: shown.append(args))
    previous = sys.excepthook
    errors.install_exception_hook()
    try:
        def fail() -> None:
            try:
                raise ValueError("hỏng ở luồng nền")
            except ValueError:
                sys.excepthook(*sys.exc_info())

        worker = threading.Thread(target=fail)
        with caplog.at_level("ERROR", logger="antq_desktop.ui"):
            worker.start()
            worker.join(5)
    finally:
        sys.excepthook = previous
    assert shown == []
    assert any("hỏng ở luồng nền" in (r.exc_text or str(r.exc_info)) for r in caplog.records)


def test_the_app_ends_the_session_jobs_before_closing_the_store(tmp_path, monkeypatch, qapp):
    from PySide6.QtWidgets import QApplication
    from tests.conftest import PASSWORD, make_store

    from antq_desktop.storage.db import Store
    from antq_desktop.ui import app as app_module
    from antq_desktop.ui.login_dialog import LoginDialog
    from antq_desktop.ui.main_window import MainWindow

    db = tmp_path / "ready.sqlite3"
    make_store(db).close()
    order: list[str] = []
    real_shutdown, real_close = JobRunner.shutdown, Store.close
    monkeypatch.setattr(JobRunner, "shutdown", lambda self, *a: order.append("jobs") or real_shutdown(self, *a))
    monkeypatch.setattr(Store, "close", lambda self: order.append("store") or real_close(self))

    def sign_in(dialog):  # type: ignore[no-untyped-def]
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()
        return dialog.result()

    def event_loop(*_args):  # type: ignore[no-untyped-def]
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0
    assert "jobs" in order and order.index("jobs") < order.index("store")
