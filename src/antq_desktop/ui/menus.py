"""The main window's menus, as in any Windows program: Tệp, Sửa, Trợ giúp, each with Alt-letter keys.

Tệp: open a package (an upper office's import page, a commune's plan from the upper office),
export or print what the current page shows, quit. Sửa: undo and redo the session's actions, find.
Trợ giúp: the user guide (F1) and Giới thiệu (version, folders, licences, the crash log).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from antq_desktop.ui import file_dialogs
from antq_desktop.ui.errors import run_redo, run_undo

if TYPE_CHECKING:
    from antq_desktop.ui.context import AppContext
    from antq_desktop.ui.pages.import_page import ImportPage


class MainWindow(Protocol):
    """What the menus use of the main window (a protocol: ui.main_window imports this module)."""

    context: AppContext
    pages: dict[str, Any]

    @property
    def specs(self) -> Sequence[Any]: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
    def close(self) -> bool: ...
    def open_page(self, key: str) -> Any: ...
    def current_page(self) -> Any: ...
    def _call_page(self, method: str) -> Any: ...


def _widget(window: MainWindow) -> QWidget:
    """The window as the QWidget it is (dialogs need a parent; the protocol only names what menus call)."""
    return cast(QWidget, window)


def _t(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def _action(menu: QMenu, text: str, slot, keys=None, name: str = "") -> QAction:  # type: ignore[no-untyped-def]
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    if keys is not None:
        action.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
    return action


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(_t("&Tệp"))
    _action(file_menu, _t("&Mở gói dữ liệu…"), lambda: open_package(window), QKeySequence.StandardKey.Open,
            "open_package_action")
    _action(file_menu, _t("&Xuất…"), lambda: export_current(window), None, "export_action")
    _action(file_menu, _t("&In…"), lambda: print_current(window), QKeySequence.StandardKey.Print, "print_action")
    file_menu.addSeparator()
    _action(file_menu, _t("T&hoát"), window.close, QKeySequence("Ctrl+Q"), "quit_action")
    _build_edit_menu(window, bar.addMenu(_t("&Sửa")))
    _build_help_menu(window, bar.addMenu(_t("Trợ &giúp")))


def _build_edit_menu(window: MainWindow, menu: QMenu) -> None:
    context = window.context
    undo = _action(menu, _t("&Hoàn tác"), lambda: run_undo(context, _widget(window)), QKeySequence.StandardKey.Undo,
                   "undo_action")
    redo = _action(menu, _t("&Làm lại"), lambda: run_redo(context, _widget(window)),
                   [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")], "redo_action")
    menu.addSeparator()
    _action(menu, _t("&Tìm"), lambda: window._call_page("focus_search"), QKeySequence.StandardKey.Find, "find_action")

    def show_steps() -> None:
        last, again = context.undo.last, context.undo.next_redo
        undo.setEnabled(last is not None)
        undo.setText(_t("&Hoàn tác: %1").replace("%1", last.description) if last else _t("&Hoàn tác"))
        redo.setEnabled(again is not None)
        redo.setText(_t("&Làm lại: %1").replace("%1", again.description) if again else _t("&Làm lại"))

    context.undo.changed.connect(show_steps)
    show_steps()


def _build_help_menu(window: MainWindow, menu: QMenu) -> None:
    from antq_desktop.ui.help import make_user_guide_action

    menu.addAction(make_user_guide_action(_widget(window)))
    _action(menu, _t("&Giới thiệu ANTQ Desktop…"), lambda: show_about(window), None, "about_action")


def data_file_label(store) -> str:  # type: ignore[no-untyped-def]
    """The data file's path, or a server address without its password."""
    if store.sqlite_path is not None:
        return str(store.sqlite_path)
    from sqlalchemy.engine import make_url

    return make_url(store.url).render_as_string(hide_password=True)


def show_about(window: MainWindow):  # type: ignore[no-untyped-def]
    from antq_desktop.ui.about import AboutDialog

    dialog = AboutDialog(data_file_label(window.context.store), _widget(window))
    dialog.open()
    return dialog


# ---- Tệp ----

def open_package(window: MainWindow, path: str | None = None) -> None:
    """An upper office: the import page with the package selected (or the file dialog). A commune
    receives plans from the upper office on the exchange page: asked first, then received."""
    keys = [spec.key for spec in window.specs]
    if "import" in keys:
        page = cast("ImportPage", window.open_page("import"))
        if path:
            page.add_files([Path(path)])
        else:
            page.choose_files()
        return
    exchange = window.open_page("exchange")
    from antq_desktop.services import recovery
    from antq_desktop.ui.widgets.plan_send_box import PlanReceiveBox
    from antq_desktop.ui.widgets.recovery_box import RecoveryReceiveBox

    if path is not None and recovery.is_recovery_file(path):  # the preview dialog asks before anything changes
        recovery_box = exchange.findChild(RecoveryReceiveBox)
        if recovery_box is not None and window.context.can_write:
            file_dialogs.remember(file_dialogs.PACKAGES, path)
            recovery_box.receive(path)
        return
    box = exchange.findChild(PlanReceiveBox)
    if box is None or not window.context.can_write:
        return
    if path is None:
        box._on_clicked()
    elif QMessageBox.question(_widget(window), _t("Nhận gói kế hoạch"),
                              _t("Nhận gói kế hoạch của cấp trên trong tệp “%1”?").replace("%1", Path(path).name)) \
            == QMessageBox.StandardButton.Yes:
        file_dialogs.remember(file_dialogs.PACKAGES, path)
        box.receive(path)


def export_current(window: MainWindow) -> None:
    """The current list to Excel when the page has one; otherwise sending data to the upper office."""
    page = window.current_page()
    export = getattr(page, "export_excel", None)
    if callable(export):
        export()
    elif "exchange" in [spec.key for spec in window.specs]:
        window.open_page("exchange")


def print_current(window: MainWindow) -> None:
    """The selected record's form when the page prints one; otherwise the forms page."""
    page: Any = window.current_page()  # any page: what it offers is asked with getattr below
    kinds = getattr(page, "print_actions", ())
    if kinds and callable(getattr(page, "print_selected", None)) and page.selected_rows():
        page.print_selected(kinds[0][0])
    elif window.pages.get("forms") is page and callable(generate := getattr(page, "generate", None)):
        generate()  # already on the forms page: make the preview to print from
    else:
        window.open_page("forms")
