"""Desktop conventions: Tệp/Sửa/Trợ giúp menus, undo and redo of several steps, Giới thiệu with the
crash log, a rotated log and faulthandler, .antq files from the command line, Alt-letters on buttons,
file dialogs that remember their folder per kind."""

from __future__ import annotations

import faulthandler
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from tests.conftest import PASSWORD
from tests.ui.conftest import admin_of

from antq_desktop.paths import log_dir
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.about import AboutDialog
from antq_desktop.ui.app import packages_given, parse_args
from antq_desktop.ui.context import make_context
from antq_desktop.ui.errors import FAULT_LOG_NAME, setup_logging
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.menus import show_about
from antq_desktop.ui.mnemonics import with_mnemonic
from antq_desktop.ui.pages.areas_page import AreasPage


def _menus(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {a.text().replace("&", ""): [x.text().replace("&", "") for x in a.menu().actions() if x.text()]
            for a in window.menuBar().actions()}


def test_file_edit_help_menus(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    menus = _menus(window)
    assert menus["Tệp"] == ["Mở gói dữ liệu…", "Xuất…", "In…", "Thoát"]
    assert menus["Sửa"] == ["Hoàn tác", "Làm lại", "Tìm"]
    assert menus["Trợ giúp"] == ["Hướng dẫn sử dụng", "Giới thiệu ANTQ Desktop…"]
    assert all("&" in a.text() for a in window.menuBar().actions())  # Alt+T, Alt+S, Alt+G
    window.show()
    window.findChild(type(window.menuBar().actions()[0]), "quit_action").trigger()
    assert not window.isVisible()


def _add_area(context, page, qtbot, monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import fill_dialog_on_exec

    fill_dialog_on_exec(monkeypatch, {"name": name})
    page.new_record()


def _area_names(store) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r["name"] for r in queries.list_rows(store, "residential_area", limit=100))


def test_undo_and_redo_several_steps_from_the_edit_menu(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.open_page("areas")
    assert isinstance(page, AreasPage)
    for name in ("Thôn Đông", "Thôn Tây", "Thôn Nam"):
        _add_area(context, page, qtbot, monkeypatch, name)
    store = context.store
    undo = window.findChild(type(window.menuBar().actions()[0]), "undo_action")
    redo = window.findChild(type(window.menuBar().actions()[0]), "redo_action")
    assert "Thôn Nam" in undo.text() and not redo.isEnabled()
    undo.trigger()
    undo.trigger()
    assert _area_names(store) == ["Thôn Đông"]  # two steps back, not one
    assert "Thôn Tây" in redo.text() and redo.isEnabled()
    redo.trigger()
    assert _area_names(store) == ["Thôn Tây", "Thôn Đông"]
    redo.trigger()
    assert _area_names(store) == ["Thôn Nam", "Thôn Tây", "Thôn Đông"]
    assert not redo.isEnabled()
    undo.trigger()
    _add_area(context, page, qtbot, monkeypatch, "Thôn Bắc")  # a new action drops what could be redone
    assert not context.undo.can_redo and _area_names(store) == ["Thôn Bắc", "Thôn Tây", "Thôn Đông"]


def test_edit_is_undone_and_redone(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import fill_dialog_on_exec

    page = AreasPage(context)
    qtbot.addWidget(page)
    _add_area(context, page, qtbot, monkeypatch, "Thôn Đông")
    area_id = page.selected_rows()[0]["id"]
    fill_dialog_on_exec(monkeypatch, {"name": "Thôn Đông Mới"})
    page.open_selected()
    context.undo.undo()
    assert records.get(context.store, "residential_area", area_id)["name"] == "Thôn Đông"
    context.undo.redo()
    assert records.get(context.store, "residential_area", area_id)["name"] == "Thôn Đông Mới"


def test_log_is_rotated_and_faulthandler_writes_to_the_log_folder() -> None:
    path = Path(setup_logging())
    handlers = [h for h in logging.getLogger("antq_desktop").handlers if isinstance(h, logging.FileHandler)]
    assert [type(h) for h in handlers] == [RotatingFileHandler] and handlers[0].maxBytes > 0
    assert handlers[0].backupCount >= 1 and path.parent == log_dir()
    assert faulthandler.is_enabled() and (log_dir() / FAULT_LOG_NAME).is_file()


def test_about_shows_version_folders_licences_and_the_crash_log(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop import __version__

    setup_logging()
    logging.getLogger("antq_desktop.ui").error("Lỗi thử nghiệm 4711")
    (log_dir() / FAULT_LOG_NAME).write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    window = MainWindow(context)
    qtbot.addWidget(window)
    dialog = show_about(window)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    assert dialog.version_label.text() == __version__
    assert dialog.data_label.text() == str(context.store.sqlite_path)
    assert dialog.log_label.text() == str(log_dir())
    log = dialog.log_text.toPlainText()
    assert "Lỗi thử nghiệm 4711" in log and "Segmentation fault" in log
    licences = dialog.findChild(type(dialog.log_text), "about_licences").toPlainText()
    assert "LGPL" in licences and "SIL Open Font License" in licences


def test_antq_files_on_the_command_line() -> None:
    args = parse_args(["antq-desktop", "--lang", "vi", r"E:\goi-xa-00070.antq", "ghi-chu.txt"])
    assert packages_given(args.files) == [r"E:\goi-xa-00070.antq"]
    assert packages_given(parse_args(["antq-desktop"]).files) == []


@pytest.fixture
def district_context(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "district.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    ctx = make_context(store, admin_of(store))
    yield ctx
    ctx.jobs.wait()
    store.close()


def test_a_package_opens_on_the_import_page_selected(district_context, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "goi-xa-00070.antq"
    package.write_bytes(b"not checked until Kiem tra")
    window = MainWindow(district_context)
    qtbot.addWidget(window)
    window.show()
    window.open_package(str(package))
    assert window.current_page() is window.pages["import"]
    assert window.pages["import"].paths == [package]
    assert window.pages["import"].files.rowCount() == 1


def test_main_buttons_have_unique_alt_letters(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert with_mnemonic("Xóa", set()) == "&Xóa"
    assert with_mnemonic("Thêm mới", {"t"}) == "Thêm &mới"
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    for key in ("households", "pledges", "exchange", "forms"):
        page = window.open_page(key)
        buttons = [b for b in page.findChildren(QPushButton) if b.text()]
        letters = [b.text()[b.text().index("&") + 1].lower() for b in buttons if "&" in b.text()]
        assert len(letters) == len(set(letters)), key  # one Alt-letter, one button
        assert not set(letters) & set("tsg"), key  # never a menu's letter
        assert len(letters) >= len(buttons) - 2, key  # nearly every button has one
    assert "&" in window.pages["households"].add_button.text()


def test_every_activity_tab_has_its_own_alt_letters(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Phong trào's six tabs: each tab's buttons carry Alt-letters (only the tab shown takes the keys);
    sharing one pool across the tabs left the later tabs without any."""
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    page = window.open_page("activities")
    assert len(page.pages) == 6
    for tab in page.pages:
        buttons = [b for b in tab.findChildren(QPushButton) if b.text()]
        assert buttons and all("&" in b.text() for b in buttons), [b.text() for b in buttons]
        letters = [b.text()[b.text().index("&") + 1].lower() for b in buttons]
        assert len(letters) == len(set(letters)) and not set(letters) & set("tsg"), letters
        assert tab.add_button.text() == "Thêm &mới"  # the same key on every tab, as on the other pages


def test_file_dialogs_remember_the_last_folder_per_kind(district_context, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    asked: list[str] = []

    def get_open_file_names(_parent, _title, folder, _filters):  # type: ignore[no-untyped-def]
        asked.append(folder)
        return [str(usb / "goi.antq")], ""

    def get_save_file_name(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    window = MainWindow(district_context)
    qtbot.addWidget(window)
    page = window.open_page("import")
    page.choose_files()
    page.choose_files()
    assert asked == ["", str(usb)]  # the second time on the USB stick again
    from antq_desktop.ui import file_dialogs

    file_dialogs.save_file(None, file_dialogs.PDF, "Lưu PDF", "mau.pdf", "PDF (*.pdf)")
    assert asked[-1] == "mau.pdf"  # another kind keeps its own folder
    file_dialogs.save_file(None, file_dialogs.PACKAGES, "Lưu", "goi.antq", "(*.antq)")
    assert asked[-1] == str(usb / "goi.antq")


def test_export_and_print_follow_the_current_page(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.record_page import RecordPage

    done: list[str] = []
    monkeypatch.setattr(RecordPage, "export_excel", lambda self: done.append(f"excel {self.record_type}"))
    monkeypatch.setattr(RecordPage, "print_selected", lambda self, kind: done.append(f"print {kind}"))
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    action = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    page = window.open_page("households")
    monkeypatch.setattr(type(page), "print_selected", lambda self, kind: done.append(f"print {kind}"))
    action["export_action"].trigger()
    page.table.selectRow(0)
    action["print_action"].trigger()
    assert done == ["excel household", "print pledge"]
    window.open_page("settings")
    action["print_action"].trigger()  # nothing to print here: the forms page
    assert window.current_page() is window.pages["forms"]
    window.open_page("settings")
    action["export_action"].trigger()  # no list here: sending data to the upper office
    assert window.current_page() is window.pages["exchange"]


def test_status_bar_shows_the_last_package_sent(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_store
    from tests.exchange_store.conftest import connect, make_office

    from antq_desktop.services.changes import Changes
    from antq_desktop.services.export import build as export
    from antq_desktop.ui.main_window import _local_time
    from antq_desktop.ui.pages.exchange_page import ExchangePage

    commune = make_store(tmp_path / "commune.sqlite3")
    office = make_office(tmp_path / "office.sqlite3")
    connect(commune, office)
    context = make_context(commune, admin_of(commune))
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.last_export_label.text() == "Lần gửi dữ liệu gần nhất: chưa có"
    page = window.open_page("exchange")
    assert isinstance(page, ExchangePage)
    seen: list[Changes] = []
    context.events.changed.connect(seen.append)
    job = page.start_export(str(tmp_path / "goi.antq"), PASSWORD)
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    sent = export.history(commune)[0]
    assert sent.sequence == 1
    # the export reached the status bar through the one hook (context.apply_changes), as Changes.export_made
    assert [c.export_made for c in seen] == [True]
    assert window.last_export_label.text() == (
        f"Lần gửi dữ liệu gần nhất: {_local_time(sent.created_at)} (gói số 1)")
    context.jobs.wait()
    commune.close()
    office.close()


def test_export_without_the_upper_office_key_says_so_before_the_password(context, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.ui import password_prompt
    from antq_desktop.ui.pages.exchange_page import ExchangePage

    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, *_a: asked.append("password"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    page = ExchangePage(context)
    qtbot.addWidget(page)
    page.destination.setText(str(tmp_path / "goi.antq"))
    page._on_export_clicked()
    assert asked == [] and len(shown) == 1
    assert "Nhập khóa của cấp trên…" in shown[0] and "antq " not in shown[0]  # a button, never a command
    assert not (tmp_path / "goi.antq").exists()


def test_a_package_double_clicked_while_open_goes_to_the_open_window(district_context, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.app import listen_for_packages, lock_data_file
    from antq_desktop.ui.single_instance import send_packages, take_requests

    url = district_context.store.url
    database = str(district_context.store.sqlite_path)
    package = tmp_path / "goi-xa-00070.antq"
    package.write_bytes(b"checked by Kiem tra")
    window = MainWindow(district_context)
    qtbot.addWidget(window)
    window.show()
    lock, refusal = lock_data_file(url)
    assert lock is not None and refusal is None
    try:
        listener = listen_for_packages(url, window)
        second_lock, second_refusal = lock_data_file(url)  # a second copy, started by Explorer
        assert second_lock is None and second_refusal
        assert send_packages(database, [str(package)])
        qtbot.waitUntil(lambda: window.pages.get("import") is not None and window.pages["import"].paths == [package],
                        timeout=20_000)
        assert window.current_page() is window.pages["import"]
        assert take_requests(database) == []  # each request is taken once
        listener.close()
    finally:
        lock.unlock()
