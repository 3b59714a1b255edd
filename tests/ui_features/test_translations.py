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
