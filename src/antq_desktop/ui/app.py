"""Application start-up: Qt first, the data file locked against a second copy, then sign-in or setup.

For an existing SQLite data file the sign-in dialog is shown and painted before SQLAlchemy,
Alembic and the services are imported (`show_sign_in_first`); once it is on screen the store is
opened on the GUI thread (migrations as always) and "Đăng nhập" is enabled. A file that turns out
not to be set up falls back to the setup wizard. A first run (no file yet) and PostgreSQL open the
store first, then show the wizard or the sign-in dialog (`start_session`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication

from antq_desktop import APP_NAME, __version__
from antq_desktop.domain import fronts
from antq_desktop.paths import resource_path
from antq_desktop.services.startup import sqlite_database  # light: the standard library until a URL has options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from antq_desktop.storage.db import Store
    from antq_desktop.ui.context import AppContext
    from antq_desktop.ui.login_dialog import LoginDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("App", text)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="antq-desktop")
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    parser.add_argument("files", nargs="*", help="gói dữ liệu .antq để mở (nhấp đúp trong Explorer)")
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


def packages_given(files: Sequence[str]) -> list[str]:
    """The .antq files among the command line's arguments (Explorer passes the double-clicked one)."""
    return [name for name in files if name.lower().endswith(".antq")]


def install_translator(app: QApplication, lang: str | None) -> None:
    """Source strings are Vietnamese; English comes from resources/translations/antq_en.qm."""
    from antq_desktop.ui.language import saved_language  # chosen in Cài đặt, applied at start

    language = lang or saved_language() or ("en" if QLocale.system().language() == QLocale.Language.English else "vi")
    if language == "vi":
        install_qt_vietnamese(app)
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"antq_{language}.qm"))):
        app.installTranslator(translator)
        # Qt's own names (the calendar's months and weekdays) follow the locale, set to Vietnamese at
        # start: in English they read "Tháng 1". Dates are still written dd/MM/yyyy by the app itself.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def install_qt_vietnamese(app: QApplication) -> bool:
    """Qt's own texts (Yes/No, OK/Cancel, Discard, the file dialog) in Vietnamese.

    Qt ships no qtbase_vi, so ours (resources/translations/qtbase_vi.qm) is used unless a Qt
    translations folder provides one."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_vi", qt_folder) or translator.load(str(resource_path("translations", "qtbase_vi.qm"))):
        app.installTranslator(translator)
        return True
    return False


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    fronts.use_front(fronts.GUI)  # services' messages say which page and button, never a command
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
    database = sqlite_database(url)
    if database is None:
        return None, None
    from pathlib import Path

    Path(database).parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(database + ".lock")
    lock.setStaleLockTime(0)  # never stale by age; a lock of a crashed process is detected by its PID
    if lock.tryLock(300):
        return lock, None
    return None, _t("ANTQ Desktop đang mở trên tệp dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đang mở "
                    "(xem thanh tác vụ). Nếu chắc chắn không còn cửa sổ nào, hãy khởi động lại máy rồi mở lại.")


def open_store_or_explain(url: str, parent: QWidget | None = None) -> Store | None:
    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.domain.errors import AntqError
    from antq_desktop.services.startup import open_store

    notices: list[QMessageBox] = []

    def say_waiting(message: str) -> None:
        """Another PC or window is migrating this database: opening blocks until it is done, so show why
        now (the sign-in dialog's status line, else a small window) and paint it before blocking."""
        label = getattr(parent, "status_label", None)
        if label is not None:
            label.setText(message)
        else:
            notice = QMessageBox(QMessageBox.Icon.Information, _t("Đang mở dữ liệu"), message,
                                 QMessageBox.StandardButton.NoButton, parent)
            notice.setModal(False)
            notice.show()
            notices.append(notice)
        QApplication.processEvents()

    try:
        return open_store(url, on_wait=say_waiting)
    except AntqError as exc:
        QMessageBox.critical(parent, _t("Không mở được dữ liệu"), exc.message)
        return None
    finally:
        for notice in notices:
            notice.close()


class SignInFirst:
    """The sign-in dialog shown before the store is open; the store opens once it is painted.

    `exec()` returns what `start_session` returns; `store` is the store opened (or None) and
    `failed` tells that it could not be opened (the message was shown).
    """

    def __init__(self, url: str, dialog: LoginDialog) -> None:
        self.url = url
        self.dialog = dialog
        self.store: Store | None = None
        self.failed = False
        self.needs_setup = False
        dialog.open_store_when_painted(self.open_store)

    def open_store(self) -> None:
        """Import and open the store (migrations included), then enable sign-in or step aside."""
        install_error_handling()
        store = None
        try:
            store = open_store_or_explain(self.url, self.dialog)
            self.needs_setup = store is not None and not store.is_initialised()  # e.g. a wizard cancelled
        except Exception as exc:  # noqa: BLE001 - any failure: explained, and the app ends cleanly
            from antq_desktop.ui.errors import show_error

            if store is not None:
                store.close()
                store = None
            show_error(self.dialog, exc)
        self.store = store
        if store is None:
            self.failed = True
            self.dialog.reject()
        elif self.needs_setup:
            self.dialog.reject()
        else:
            self.dialog.attach_store(store)

    def exec(self) -> tuple[AppContext, str] | None:
        accepted = self.dialog.exec()
        self.dialog.hide()
        if self.store is None:  # could not be opened, or "Thoát" before it was
            return None
        if self.needs_setup:
            return start_session(self.store)
        if not accepted or self.dialog.user is None:
            return None
        from antq_desktop.ui.context import make_context

        return make_context(self.store, self.dialog.user), self.dialog.password.text()


def show_sign_in_first(url: str) -> SignInFirst | None:
    """An existing SQLite data file: show the sign-in dialog now (nothing heavy imported), with the
    unit's name and its only account read ahead; None for a first run or another database."""
    from antq_desktop.services.startup import peek_sign_in, sqlite_file

    path = sqlite_file(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    from antq_desktop.ui.login_dialog import LoginDialog

    unit_name, username = peek_sign_in(path)
    dialog = LoginDialog(unit_name=unit_name, username=username)
    sign_in = SignInFirst(url, dialog)
    dialog.show()
    return sign_in


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
        from PySide6.QtWidgets import QLineEdit

        password = wizard.findChild(QLineEdit, "password")
        return make_context(store, wizard.signed_in_user), password.text() if password else ""
    from antq_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(store)
    if not dialog.exec() or dialog.user is None:
        return None
    return make_context(store, dialog.user), dialog.password.text()


class Startup:
    """What `begin` did: the application, the data file's URL and lock, and, for an existing
    SQLite file, the sign-in dialog already shown (None otherwise, or when refused)."""

    def __init__(self, app: QApplication, url: str, lock: QLockFile | None, refusal: str | None,
                 sign_in: SignInFirst | None, packages: Sequence[str] = ()) -> None:
        self.app, self.url, self.lock, self.refusal, self.sign_in = app, url, lock, refusal, sign_in
        self.packages = list(packages)  # .antq files to open once the main window shows


def install_error_handling() -> None:
    """The log file and the dialog for unexpected errors (idempotent)."""
    from antq_desktop.ui.errors import install_exception_hook, setup_logging

    setup_logging()
    install_exception_hook()


def begin(argv: Sequence[str]) -> Startup:
    """Everything before the first window, and the first window itself when it is the sign-in.

    On that path the error handling is installed right after the dialog's first paint, by
    SignInFirst.open_store (a few milliseconds that the first window does not wait for).
    """
    args = parse_args(argv)
    app = create_application(argv)
    install_translator(app, args.lang)
    from antq_desktop.services.startup import resolve_url

    url = resolve_url(args.db)
    lock, refusal = lock_data_file(url)  # before anything reads or writes the data file
    sign_in = None if refusal else show_sign_in_first(url)
    if sign_in is None:
        install_error_handling()
    return Startup(app, url, lock, refusal, sign_in, packages_given(args.files))


def listen_for_packages(url: str, window):  # type: ignore[no-untyped-def]
    """Packages double-clicked while this copy is open (a second copy leaves them): opened here, in front."""
    from antq_desktop.ui.single_instance import PackageListener

    database = sqlite_database(url)
    if database is None:
        return None

    def open_package(path: str) -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.open_package(path)

    return PackageListener(database, open_package, window)


def run(argv: Sequence[str]) -> int:
    start = begin(argv)
    app, url, lock, sign_in = start.app, start.url, start.lock, start.sign_in
    if start.refusal:
        from PySide6.QtWidgets import QMessageBox

        from antq_desktop.ui.single_instance import send_packages

        database = sqlite_database(url)
        if start.packages and database and send_packages(database, start.packages):
            return 0  # a double-clicked package: the open window takes it
        QMessageBox.warning(None, _t("Chương trình đang mở"), start.refusal)
        return 1
    store: Store | None = None
    try:
        if sign_in is not None:
            session = sign_in.exec()
            store = sign_in.store
            if sign_in.failed:
                return 1
        else:
            store = open_store_or_explain(url)
            if store is None:
                return 1
            session = start_session(store)
        if session is None:
            return 0
        context, password = session
        from antq_desktop.ui.main_window import MainWindow
        from antq_desktop.ui.protections import SessionProtections

        window = MainWindow(context)
        window.show()
        for package in start.packages:
            window.open_package(package)
        listener = listen_for_packages(url, window)
        protections = SessionProtections(window, context, password)
        del password
        code = app.exec()
        if listener is not None:
            listener.close()
        protections.close()  # waits for running work (the backup key among it), then the exit backup
        context.jobs.shutdown()  # work a page started while closing must end before the store closes
        return code
    finally:
        if store is not None:
            store.close()
        if lock is not None:
            lock.unlock()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
