"""Issue 17: the GUI says that it waits while another process migrates the database."""

from __future__ import annotations

import threading
import time

from antq_desktop.storage import locks, migrate
from antq_desktop.ui import app as app_module
from antq_desktop.ui.login_dialog import LoginDialog


def _hold_the_migration_lock(path, seconds):  # type: ignore[no-untyped-def]
    """Another process migrating: the lock file beside the data file, held for a while by a thread."""
    taken = threading.Event()

    def hold() -> None:
        with locks.file_lock(path.with_name(path.name + ".migrate-lock"), lambda: None):
            taken.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert taken.wait(10)
    return thread


def test_the_sign_in_dialog_says_it_waits_for_another_upgrade(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite3"
    dialog = LoginDialog(unit_name=None, username=None)
    qtbot.addWidget(dialog)
    holder = _hold_the_migration_lock(path, 1.5)
    store = app_module.open_store_or_explain(f"sqlite:///{path}", dialog)
    holder.join()
    assert store is not None
    store.close()
    assert dialog.status_label.text() == migrate.WAITING_MESSAGE


def test_without_a_dialog_a_notice_is_shown_while_waiting(tmp_path, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    original_show = app_module.QApplication.processEvents

    def remember_notices() -> None:
        shown.extend(w.text() for w in app_module.QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w, "text"))
        original_show()

    monkeypatch.setattr(app_module.QApplication, "processEvents", staticmethod(remember_notices))
    path = tmp_path / "new.sqlite3"
    holder = _hold_the_migration_lock(path, 1.5)
    store = app_module.open_store_or_explain(f"sqlite:///{path}")
    holder.join()
    assert store is not None
    store.close()
    assert migrate.WAITING_MESSAGE in shown
    assert not [w for w in app_module.QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "text")]
