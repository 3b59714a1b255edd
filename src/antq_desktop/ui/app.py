"""Application start-up: Qt first, then the store (locked against a second copy), then setup or sign-in.

Heavy modules (SQLAlchemy, the services, the pages) are imported only once Qt is up, so the
first dialog appears quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from antq_desktop import APP_NAME, __version__
from antq_desktop.paths import resource_path

if TYPE_CHECKING:
    from antq_desktop.storage.db import Store
    from antq_desktop.ui.context import AppContext


def _t(text: str) -> str:
    return QCoreApplication.translate("App", text)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="antq-desktop")
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


def install_translator(app: QApplication, lang: str | None) -> None:
    """Source strings are Vietnamese; English comes from resources/translations/antq_en.qm."""
    from antq_desktop.ui.language import saved_language  # chosen in Cài đặt, applied at start

    language = lang or saved_language() or ("en" if QLocale.system().language() == QLocale.Language.English else "vi")
    if language == "vi":
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"antq_{language}.qm"))):
        app.installTranslator(translator)


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    QCoreApplication.setOrganizationName("ANTQ")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    return app  # type: ignore[return-value]


def lock_data_file(url: str) -> tuple[QLockFile | None, str | None]:
    """(lock, None) when this is the only copy of the app on the data file, else (None, message).

    A lock file next to the database: two copies writing the same file would each see stale lists.
    Other databases (PostgreSQL) handle concurrent users themselves, so they are not locked.
    """
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if make_url(url).get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None, None
    from pathlib import Path

    Path(database).parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(database + ".lock")
    lock.setStaleLockTime(0)  # never stale by age; a lock of a crashed process is detected by its PID
    if lock.tryLock(300):
        return lock, None
    return None, _t("ANTQ Desktop đang mở trên tệp dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đang mở "
                    "(xem thanh tác vụ). Nếu chắc chắn không còn cửa sổ nào, hãy khởi động lại máy rồi mở lại.")


def open_store_or_explain(url: str) -> Store | None:
    from antq_desktop.domain.errors import AntqError
    from antq_desktop.storage.db import open_store

    try:
        return open_store(url)
    except AntqError as exc:
        QMessageBox.critical(None, _t("Không mở được dữ liệu"), exc.message)
        return None


def start_session(store: Store) -> tuple[AppContext, str] | None:
    """First run: the setup wizard (which signs the new admin in); otherwise the login dialog.

    Returns the context and the password typed, which derives the session's backup key.
    """
    from antq_desktop.ui.context import make_context

    if not store.is_initialised():
        from antq_desktop.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(store)
        wizard.exec()
        if wizard.signed_in_user is None:  # cancelled before the unit was created
            return None
        password = wizard.findChild(QLineEdit, "password")
        return make_context(store, wizard.signed_in_user), password.text() if password else ""
    from antq_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(store)
    if not dialog.exec() or dialog.user is None:
        return None
    return make_context(store, dialog.user), dialog.password.text()


def run(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    app = create_application(argv)
    install_translator(app, args.lang)
    from antq_desktop.storage.db import resolve_url
    from antq_desktop.ui.errors import install_exception_hook, setup_logging

    setup_logging()
    install_exception_hook()
    url = resolve_url(args.db)
    lock, refusal = lock_data_file(url)
    if refusal:
        QMessageBox.warning(None, _t("Chương trình đang mở"), refusal)
        return 1
    store = open_store_or_explain(url)
    if store is None:
        return 1
    try:
        session = start_session(store)
        if session is None:
            return 0
        context, password = session
        from antq_desktop.ui.main_window import MainWindow
        from antq_desktop.ui.protections import SessionProtections

        window = MainWindow(context)
        window.show()
        protections = SessionProtections(window, context, password)
        del password
        code = app.exec()
        protections.close()
        return code
    finally:
        store.close()
        if lock is not None:
            lock.unlock()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
