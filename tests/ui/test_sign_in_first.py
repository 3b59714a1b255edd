"""Start-up on an existing data file: the sign-in dialog is on screen before SQLAlchemy, Alembic and the
services load; the store opens after the first paint, and everything that was true before still is
(sign-in works, a second copy is refused, a newer or damaged file is refused politely, setup falls back
to the wizard)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from PySide6.QtWidgets import QApplication, QMessageBox
from tests.conftest import PASSWORD, make_store

from antq_desktop.storage.db import open_store
from antq_desktop.ui import app as app_module
from antq_desktop.ui.login_dialog import LoginDialog
from antq_desktop.ui.setup_wizard import SetupWizard

# Runs the real `run()` in a fresh interpreter (nothing imported yet). At the dialog's first paint it
# notes what is loaded and queues the password and Enter as key events, before the store is open:
# they must not be lost. When the main window appears it is recorded and closed.
REAL_START = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from antq_desktop.ui import app as app_module

seen = {}

class Watcher(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == "LoginDialog" and "paint" not in seen:
            seen["paint"] = True
            seen["loaded_at_paint"] = sorted(m for m in ("sqlalchemy", "alembic", "argon2",
                                             "antq_desktop.storage.db", "antq_desktop.services.accounts.login")
                                             if m in sys.modules)
            seen["ready_at_paint"] = obj.is_ready
            seen["button_enabled_at_paint"] = obj.sign_in_button.isEnabled()
            seen["status_at_paint"] = obj.status_label.text() if obj.status_label.isVisible() else ""
            seen["unit_at_paint"] = obj.unit_label.text()
            seen["username_at_paint"] = obj.username.text()
            seen["error_hook_at_paint"] = sys.excepthook is not sys.__excepthook__
            none = Qt.KeyboardModifier.NoModifier
            for char in sys.argv[2]:
                QCoreApplication.postEvent(obj.password, QKeyEvent(QEvent.Type.KeyPress, 0, none, char))
            QCoreApplication.postEvent(obj.password, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, none))
        return False

def look_for_main_window():
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            seen["main_window_unit"] = widget.unit_label.text()
            seen["error_hook_installed"] = sys.excepthook is not sys.__excepthook__
            widget.context.jobs.wait()  # closing under a running page job is another matter
            QCoreApplication.processEvents()
            widget.close()
            QApplication.quit()
            return
    QTimer.singleShot(50, look_for_main_window)

def give_up():  # the keys were lost: end the dialog so that the test fails instead of hanging
    seen["gave_up"] = True
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "LoginDialog" and widget.isVisible():
            widget.reject()

app = app_module.create_application(sys.argv[:1])
QTimer.singleShot(30_000, give_up)
watcher = Watcher()
app.installEventFilter(watcher)
QTimer.singleShot(0, look_for_main_window)
seen["code"] = app_module.run(["antq-desktop", "--db", sys.argv[1]])
print(json.dumps(seen, ensure_ascii=False))
"""


def _real_start(db, password: str) -> dict:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-c", REAL_START, str(db), password], capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_sign_in_dialog_is_painted_before_the_store_loads_and_typed_keys_sign_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ready.sqlite3"
    make_store(db).close()
    seen = _real_start(db, PASSWORD)
    assert seen["paint"]
    assert seen["loaded_at_paint"] == [], "nothing heavy may load before the first window is painted"
    assert not seen["ready_at_paint"] and not seen["button_enabled_at_paint"]
    assert seen["status_at_paint"] == "Đang mở dữ liệu…"
    assert "Phường Hoàn Kiếm" in seen["unit_at_paint"] and seen["username_at_paint"] == "admin"
    assert seen["code"] == 0 and "gave_up" not in seen
    assert "Phường Hoàn Kiếm" in seen["main_window_unit"], "keys typed while the store opened signed in"
    assert not seen["error_hook_at_paint"] and seen["error_hook_installed"], "installed right after the paint"


def test_wrong_password_typed_early_keeps_the_dialog_with_the_message(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ready.sqlite3"
    make_store(db).close()
    start = app_module.begin(["antq-desktop", "--db", str(db)])
    dialog = start.sign_in.dialog
    try:
        assert dialog.isVisible() and not dialog.is_ready and not dialog.sign_in_button.isEnabled()
        dialog.password.setText("sai mat khau")
        dialog.try_sign_in()  # before the store was attached: it is opened now, nothing is dropped
        assert dialog.is_ready and dialog.sign_in_button.isEnabled() and not dialog.status_label.isVisible()
        assert dialog.user is None and "không đúng" in dialog.error_label.text()
        assert dialog.isVisible()
    finally:
        dialog.reject()
        if start.sign_in.store is not None:
            start.sign_in.store.close()
        start.lock.unlock()


def test_store_opens_after_the_first_paint_without_any_input(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ready.sqlite3"
    make_store(db).close()
    start = app_module.begin(["antq-desktop", "--db", str(db)])
    dialog = start.sign_in.dialog
    try:
        qtbot.waitUntil(lambda: dialog.is_ready, timeout=10_000)
        assert dialog.sign_in_button.isEnabled()
        assert dialog.focusWidget() is dialog.password
    finally:
        dialog.reject()
        start.sign_in.store.close()
        start.lock.unlock()


def test_second_copy_is_refused_before_any_dialog(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "busy.sqlite3"
    make_store(db).close()
    held, _ = app_module.lock_data_file(f"sqlite:///{db}")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(LoginDialog, "exec", lambda self: shown.append("login dialog") or 0)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 1
    assert len(shown) == 1 and "đang mở" in shown[0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
    held.unlock()


def _run_capturing_critical(db, monkeypatch) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    code = app_module.run(["antq-desktop", "--db", str(db)])  # the dialog's real event loop
    again, _ = app_module.lock_data_file(f"sqlite:///{db}")
    assert again is not None, "the lock is released when the app ends"
    again.unlock()
    return code, shown


def test_newer_database_is_refused_politely_through_the_real_start(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "future.sqlite3"
    make_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    code, shown = _run_capturing_critical(db, monkeypatch)
    assert code == 1
    assert len(shown) == 1 and "phiên bản mới hơn" in shown[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999_from_the_future",)]


def test_damaged_file_is_refused_politely_through_the_real_start(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    code, shown = _run_capturing_critical(db, monkeypatch)
    assert code == 1
    assert len(shown) == 1 and "không phải cơ sở dữ liệu" in shown[0]


def test_first_run_opens_the_wizard(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append("wizard") or 0)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: shown.append("login") or 0)
    assert app_module.run(["antq-desktop", "--db", str(tmp_path / "first.sqlite3")]) == 0
    assert shown == ["wizard"]


def test_file_never_set_up_falls_back_to_the_wizard(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "cancelled.sqlite3"
    open_store(db).close()  # created, but the wizard was cancelled last time
    shown: list[str] = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append("wizard") or 0)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0  # the sign-in dialog's real event loop
    assert shown == ["wizard"]


def test_login_dialog_without_a_store_waits_then_attaches(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(unit_name="Phường Hoàn Kiếm")
    qtbot.addWidget(dialog)
    assert not dialog.sign_in_button.isEnabled() and not dialog.is_ready
    assert dialog.username.text() == ""
    dialog.try_sign_in()  # nothing to open with: nothing happens, no crash
    assert dialog.user is None
    dialog.attach_store(store)
    assert dialog.sign_in_button.isEnabled()
    assert dialog.username.text() == "admin", "the only account is suggested once the store is known"
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.try_sign_in()
    assert dialog.user is not None and dialog.user.username == "admin"
