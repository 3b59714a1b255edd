"""Re-extracting the translations never throws English away, and the services' labels the window shows
(audit actions and record kinds, the unit's level) are all marked for translation."""

from __future__ import annotations

import runpy

from PySide6.QtCore import QCoreApplication, QTranslator

from antq_desktop.paths import resource_path
from antq_desktop.services import accounts, setup
from antq_desktop.ui.audit_labels import ACTION_TEXTS, RECORD_TYPE_TEXTS, UNIT_ROLE_TEXTS, tr_audit


def test_update_script_keeps_entries_lupdate_cannot_see() -> None:
    script = resource_path("translations", "update.sh").read_text(encoding="utf-8")
    command = next(line for line in script.splitlines() if "pyside6-lupdate" in line and "-extensions" in line)
    assert "-no-obsolete" not in command  # it deleted hand-added entries and their English


def test_a_vanished_entry_with_english_stays_in_the_compiled_file(tmp_path) -> None:
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en_GB">'
        "<context><name>PrintPage</name>"
        '<message><source>Mẫu viết tay</source><translation type="vanished">Handwritten form</translation></message>'
        '<message><source>Chưa dịch</source><translation type="unfinished"></translation></message>'
        "</context></TS>", encoding="utf-8")
    english = runpy.run_path(str(resource_path("translations", "english.py")))
    assert english["fill"](str(ts)) == ["Chưa dịch"]
    text = ts.read_text(encoding="utf-8")
    assert "Handwritten form</translation>" in text and 'type="vanished"' not in text


def test_every_audit_label_and_unit_level_is_marked_for_translation() -> None:
    assert set(accounts.ACTION_LABELS.values()) == set(ACTION_TEXTS)
    assert set(accounts.RECORD_TYPE_LABELS.values()) == set(RECORD_TYPE_TEXTS)
    assert set(setup.ROLES.values()) == set(UNIT_ROLE_TEXTS)


def test_audit_labels_read_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "antq_en.qm")))
    qapp.installTranslator(translator)
    try:
        assert tr_audit(accounts.ACTION_LABELS["create"]) == "Added"
        assert tr_audit(accounts.RECORD_TYPE_LABELS["key"]) == "Key"
        assert tr_audit(setup.ROLES["commune"]) == "Commune police"
        assert tr_audit("Nhãn mới chưa có") == "Nhãn mới chưa có"  # an unknown label stays as it is
        assert QCoreApplication.translate("AuditPage", "Chuỗi nhật ký nguyên vẹn. Mã đầu chuỗi: %1…").startswith(
            "The log chain is intact")
    finally:
        qapp.removeTranslator(translator)
