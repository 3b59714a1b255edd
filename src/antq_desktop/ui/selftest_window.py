"""The GUI step of the self-test (`antq-desktop --self-test`): the main window, offscreen.

Builds the application as `ui.app` does, signs in with the self-test's account, shows the
main window, visits every page (pages are imported lazily: a page module missing from a frozen
build would otherwise go unnoticed until an officer clicks it), then closes the window.
Window settings go to an INI file in the self-test's temporary folder, never to the
officer's settings (on Windows the registry).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

if TYPE_CHECKING:
    from antq_desktop.services.accounts import UserInfo
    from antq_desktop.storage.db import Store


def open_and_close_main_window(store: Store, user: UserInfo, settings_dir: Path) -> float:
    """Seconds from the start of this call (Qt import included) until the window was shown."""
    started = time.perf_counter()
    from antq_desktop.ui.app import create_application, install_translator
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.main_window import MainWindow, PlaceholderPage

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app = create_application(["antq-desktop", "--self-test"])
    install_translator(app, "vi")
    window = MainWindow(make_context(store, user))
    window.show()
    QCoreApplication.processEvents()
    shown = time.perf_counter() - started
    if not window.isVisible():
        raise RuntimeError("Cửa sổ chính không hiển thị được.")
    missing = []
    for row, spec in enumerate(window.specs):
        window.navigation.setCurrentRow(row)
        QCoreApplication.processEvents()
        if spec.factory is not None and isinstance(window.pages.get(spec.key), PlaceholderPage):
            missing.append(spec.key)
    if missing:
        raise RuntimeError(f"Không dựng được các trang: {', '.join(missing)}.")
    window.navigation.setCurrentRow(0)
    window.context.jobs.wait()
    QCoreApplication.processEvents()
    if not window.close():
        raise RuntimeError("Cửa sổ chính không đóng được.")
    window.deleteLater()
    QCoreApplication.processEvents()
    return shown
