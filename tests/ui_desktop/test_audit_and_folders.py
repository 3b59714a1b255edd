"""Issue 16 leftovers: the audit page's date filters are typed like every other date (dd/MM/yyyy,
validated, a red message under the field), and the trust and backup pages' file dialogs open where
the officer went last time (the USB stick)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tests.conftest import PASSWORD, make_store

from antq_desktop.services import accounts
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui import password_prompt
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.audit_page import AuditPage
from antq_desktop.ui.pages.backup_page import BackupPage
from antq_desktop.ui.pages.trust_page import TrustPage
from antq_desktop.ui.widgets.date_field import DateField


def _admin(store):  # type: ignore[no-untyped-def]
    return accounts.sign_in(store, username="admin", password=PASSWORD)


@pytest.fixture
def district_context(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "district.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    ctx = make_context(store, _admin(store))
    yield ctx
    ctx.jobs.wait()
    store.close()


def _type(qtbot, field: DateField, text: str) -> None:  # type: ignore[no-untyped-def]
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)  # as a person empties the box
    qtbot.keyClicks(field.edit, text)
    field.edit.editingFinished.emit()


def test_audit_dates_are_typed_by_hand_and_checked(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path / "s.sqlite3")
    records.create(store, "residential_area", {"name": "Thôn Đông", "kind": "thon"}, actor="admin")
    page = AuditPage(store, _admin(store))
    qtbot.addWidget(page)
    page.show()
    assert isinstance(page.since, DateField) and isinstance(page.until, DateField)
    total = page.page.total
    today = date.today()
    # Typed without separators, as officers do: the box ticks itself, the text becomes dd/MM/yyyy.
    _type(qtbot, page.since, (today + timedelta(days=1)).strftime("%d%m%Y"))
    assert page.use_since.isChecked()
    page.apply_filters()
    assert page.since.text() == (today + timedelta(days=1)).strftime("%d/%m/%Y")
    assert page.page.total == 0  # nothing was logged after today
    _type(qtbot, page.since, today.strftime("%d/%m/%Y"))
    page.apply_filters()
    assert page.page.total == total
    # A date that does not exist: the red message says so and the list is not filtered by something else.
    _type(qtbot, page.until, "31/02/2026")
    assert page.use_until.isChecked()
    page.apply_filters()
    assert page.until.error.isVisibleTo(page) and "31" in page.until.error.text()
    assert page.page.total == total and page.current_filter().until is None
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert page.export_to(tmp_path / "nhat-ky.xlsx") is None  # never another period than the one shown
    assert warned and not (tmp_path / "nhat-ky.xlsx").exists()
    # Emptied and unticked: no filter, no message.
    _type(qtbot, page.until, "")
    assert not page.use_until.isChecked()
    page.apply_filters()
    assert not page.until.error.isVisibleTo(page) and page.page.total == total
    store.close()


def test_backup_page_remembers_the_usb_folder(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path / "s.sqlite3")
    page = BackupPage(store, _admin(store), folder=tmp_path / "backups")
    qtbot.addWidget(page)
    page.keep_running_after_restore = True
    monkeypatch.setattr(password_prompt, "ask_password", lambda *_a: PASSWORD)
    made = page.back_up_now()
    assert made is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    asked: list[str] = []

    def save(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(usb / "ban-sao"), ""

    def open_one(_parent, _title, folder, _filters):  # type: ignore[no-untyped-def]
        asked.append(folder)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_one)
    page.table.selectRow(0)
    copied = page.copy_selected()
    assert copied == usb / "ban-sao.antqbak" and copied.read_bytes() == made.read_bytes()
    assert asked[0] == made.name  # the first time: no folder remembered yet
    assert not page.restore_from_file()  # cancelled in the dialog: nothing happens
    assert asked[1] == str(usb)  # …which opened on the USB stick
    page.copy_selected()
    assert asked[2] == str(usb / made.name)
    # Restoring from the copy on the USB stick works like restoring a listed backup.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(copied), ""))
    page.confirm = lambda _q: True
    with qtbot.waitSignal(page.restored):
        assert page.restore_from_file()
    store.close()


def test_trust_page_key_file_dialog_remembers_the_usb_folder(qtbot, district_context, tmp_path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "xa.antqkey").write_bytes(b"not a key")
    asked: list[str] = []

    def open_one(_parent, _title, folder, _filters):  # type: ignore[no-untyped-def]
        asked.append(folder)
        return str(usb / "xa.antqkey"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_one)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    page = TrustPage(district_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    page.enrol_from_file()
    page.enrol_from_file()
    assert asked == ["", str(usb)]


def test_user_guide_names_every_backup_button(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Section 8 of the guide explains each button the backup page shows, the USB ones included."""
    from pathlib import Path

    from PySide6.QtWidgets import QPushButton

    guide = (Path(__file__).resolve().parents[2] / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 8."):guide.index("## 9.")]
    store = make_store(tmp_path / "s.sqlite3")
    page = BackupPage(store, _admin(store), folder=tmp_path / "backups")
    qtbot.addWidget(page)
    texts = [b.text().replace("&", "") for b in page.findChildren(QPushButton)]
    assert {"Chép bản đã chọn ra…", "Khôi phục từ tệp khác…"} <= set(texts)
    for text in texts:
        assert f"**{text}**" in section, text
    store.close()
