"""The English translation compiles, loads and covers the strings lupdate finds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator

from antq_desktop.paths import resource_path

TITLE = "ANTQ Desktop — Phong trào Toàn dân bảo vệ an ninh Tổ quốc"


def test_english_qm_translates_known_strings(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "antq_en.qm")))
    assert translator.translate("MainWindow", TITLE) == "ANTQ Desktop — All People Protect National Security movement"
    assert translator.translate("MainWindow", "Tổng quan") == "Overview"
    assert translator.translate("DashboardPage", "Việc cần làm") == "To do"
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("SettingsPage", "Cài đặt") in ("Settings", "Cài đặt")
        assert QCoreApplication.translate("ImportFields", "Họ tên chủ hộ") == "Head of household"
    finally:
        qapp.removeTranslator(translator)


def test_every_extracted_string_is_translated() -> None:
    root = ET.parse(resource_path("translations", "antq_en.ts")).getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []


def test_helper_strings_are_found(tmp_path) -> None:
    import runpy

    extract = runpy.run_path(str(resource_path("translations", "extract_helpers.py")))
    (tmp_path / "helpers.py").write_text(
        'from PySide6.QtCore import QCoreApplication\n\n\n'
        'def tr_page(text: str) -> str:\n    return QCoreApplication.translate("RecordPages", text)\n\n\n'
        'def _t(text: str) -> str:\n    return QCoreApplication.translate("App", text)\n\n\n'
        'class Page:\n    def _button(self, row, name, text):\n        return tr_page(text)\n\n'
        '    def build(self):\n        self._button(None, "add", "Thêm mới")\n        _t("Chương trình đang mở")\n'
        '        tr_page("Xóa " "bản ghi")\n        tr_page(self.heading)\n', encoding="utf-8")
    found = extract["collect"](tmp_path)
    assert found == {"RecordPages": {"Thêm mới", "Xóa bản ghi"}, "App": {"Chương trình đang mở"}}
