"""Application start-up: Qt first (window on screen fast), then the store, then the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from antq_desktop import APP_NAME, __version__
from antq_desktop.paths import resource_path


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="antq-desktop")
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


def install_translator(app: QApplication, lang: str | None) -> None:
    """Source strings are Vietnamese; English comes from resources/translations/antq_en.qm."""
    language = lang or ("en" if QLocale.system().language() == QLocale.Language.English else "vi")
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


def run(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    app = create_application(argv)
    install_translator(app, args.lang)
    from antq_desktop.domain.errors import AntqError
    from antq_desktop.storage.db import open_store
    from antq_desktop.ui.main_window import MainWindow

    try:
        store = open_store(args.db)
    except AntqError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), exc.message)
        return 1
    window = MainWindow(store)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
