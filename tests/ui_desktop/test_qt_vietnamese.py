"""Qt's own texts speak Vietnamese: standard buttons of message boxes and button boxes, the file dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from antq_desktop.ui.app import install_translator


@pytest.fixture
def vietnamese_qt(qapp):  # type: ignore[no-untyped-def]
    before = set(qapp.findChildren(QTranslator))
    install_translator(qapp, "vi")
    yield
    for translator in [t for t in qapp.findChildren(QTranslator) if t not in before]:
        qapp.removeTranslator(translator)


def test_message_box_buttons_are_vietnamese(vietnamese_qt, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Xác nhận", "Xóa hộ này?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b: box.button(b).text().replace("&", "") for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel)}
    assert texts == {QMessageBox.StandardButton.Yes: "Có", QMessageBox.StandardButton.No: "Không",
                     QMessageBox.StandardButton.Discard: "Bỏ thay đổi", QMessageBox.StandardButton.Cancel: "Hủy"}


def test_button_box_ok_cancel_are_vietnamese(vietnamese_qt, qtbot) -> None:  # type: ignore[no-untyped-def]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_file_dialog_is_vietnamese(vietnamese_qt, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Chọn gói dữ liệu", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog (Linux); Windows' speaks Vietnamese
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:"}


def test_the_translation_file_is_bundled() -> None:
    from antq_desktop.paths import resource_path

    assert resource_path("translations", "qtbase_vi.qm").is_file()
