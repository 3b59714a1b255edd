"""A signed-in session gets the idle lock and an encrypted backup on exit (issue 7)."""

import threading

from PySide6.QtWidgets import QApplication
from tests.conftest import PASSWORD, make_store

from antq_desktop.services import accounts
from antq_desktop.services.accounts import backup
from antq_desktop.ui import app as app_module
from antq_desktop.ui.idle_lock import IdleLock
from antq_desktop.ui.login_dialog import LoginDialog
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.protections import SessionProtections


def _sign_in(dialog):  # type: ignore[no-untyped-def]
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    return dialog.result()


def test_session_has_idle_lock_and_backs_up_on_exit(tmp_path, monkeypatch, qapp):
    db = tmp_path / "ready.sqlite3"
    store = make_store(db)
    folder = backup.default_folder(store)
    store.close()

    locks: list[IdleLock] = []

    def event_loop(*_args):  # type: ignore[no-untyped-def]
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                locks.extend(window.findChildren(IdleLock))
                window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", _sign_in)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0
    assert locks and locks[0].minutes == 10
    made = sorted(folder.glob("*.antqbak"))
    assert made, "an encrypted backup is written when the app closes"
    assert backup.verify_backup(made[-1], PASSWORD).unit_code == "00070"


def test_exit_backup_is_the_only_backup_when_the_key_arrives_while_closing(tmp_path, monkeypatch, qapp):
    """The window closes before the backup key is derived: close() waits for the key, and its delivery must
    not start an hourly backup job beside the foreground exit backup (both would write the same folder)."""
    db = tmp_path / "ready.sqlite3"
    make_store(db).close()
    calls: list[tuple[bool, bool]] = []
    real_backup = accounts.automatic_backup

    def recorded(*args, only_if_due=False, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((only_if_due, threading.current_thread() is threading.main_thread()))
        return real_backup(*args, only_if_due=only_if_due, **kwargs)

    def close_at_once(*_args):  # type: ignore[no-untyped-def]
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                assert window.findChild(SessionProtections).backup_key is None  # still being derived
                window.close()
        return 0

    monkeypatch.setattr(accounts, "automatic_backup", recorded)
    monkeypatch.setattr(LoginDialog, "exec", _sign_in)
    monkeypatch.setattr(QApplication, "exec", close_at_once)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0
    assert calls == [(False, True)], "one backup, the exit backup, made on the GUI thread"
