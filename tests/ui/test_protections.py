"""A signed-in session gets the idle lock and an encrypted backup on exit (issue 7)."""

from PySide6.QtWidgets import QApplication
from tests.conftest import PASSWORD, make_store

from antq_desktop.services.accounts import backup
from antq_desktop.ui import app as app_module
from antq_desktop.ui.idle_lock import IdleLock
from antq_desktop.ui.login_dialog import LoginDialog
from antq_desktop.ui.main_window import MainWindow


def test_session_has_idle_lock_and_backs_up_on_exit(tmp_path, monkeypatch, qapp):
    db = tmp_path / "ready.sqlite3"
    store = make_store(db)
    folder = backup.default_folder(store)
    store.close()

    def sign_in(dialog):  # type: ignore[no-untyped-def]
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()
        return dialog.result()

    locks: list[IdleLock] = []

    def event_loop(*_args):  # type: ignore[no-untyped-def]
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                locks.extend(window.findChildren(IdleLock))
                window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0
    assert locks and locks[0].minutes == 10
    made = sorted(folder.glob("*.antqbak"))
    assert made, "an encrypted backup is written when the app closes"
    assert backup.verify_backup(made[-1], PASSWORD).unit_code == "00070"
