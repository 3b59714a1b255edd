"""The upper office enrols a commune's key from its file (after comparing fingerprints) and revokes it."""

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from tests.conftest import PASSWORD

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.trust_page import TrustPage


@pytest.fixture
def office_page(qtbot, tmp_path):
    store = open_store(tmp_path / "office.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm 1", officer_name="Trần Văn Bình",
                       password=PASSWORD)
    page = TrustPage(make_context(store, accounts.sign_in(store, username="admin", password=PASSWORD)))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    yield page
    store.close()


def test_enrol_after_confirming_the_fingerprint_then_revoke(qtbot, office_page, store, tmp_path, monkeypatch):
    with store.session_factory() as session:
        key_file = keys.public_key_file(session, PASSWORD)
        fingerprint = keys.paper_fingerprint(session, keys.active_local_key(session))  # version 2: unit and role
    path = tmp_path / "00070.antqkey"
    path.write_bytes(key_file)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or
                        QMessageBox.StandardButton.No)
    office_page.enrol_from_file(str(path))
    assert fingerprint in asked[0] and "Phường Hoàn Kiếm" in asked[0]
    assert not office_page.loading
    assert office_page.table.rowCount() == 0, "nothing enrolled when the officer says the fingerprints differ"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    roles_offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, text, items, *a: roles_offered.append(items) or
                        (items[0], True))
    office_page.enrol_from_file(str(path))
    qtbot.waitUntil(lambda: office_page.table.rowCount() == 1, timeout=10000)
    assert not office_page.loading
    assert office_page.table.item(0, 2).text() == fingerprint
    assert roles_offered and len(roles_offered[0]) == 2, "the clerk chooses the role, the key file does not"
    assert office_page.table.item(0, 3).text() == "Xã/phường"
    assert office_page.table.item(0, 4).text() == "Đăng ký tại đơn vị"
    assert office_page.table.item(0, 7).text() == "Còn hiệu lực"
    office_page.table.selectRow(0)
    monkeypatch.setattr(TrustPage, "_ask_revocation", lambda *a: ("Mất máy tính", None))  # reason, no --since
    office_page.revoke_selected()
    qtbot.waitUntil(lambda: office_page.table.item(0, 7).text().startswith("Đã thu hồi"), timeout=10000)


def test_a_damaged_key_file_is_refused_with_a_message(office_page, tmp_path, monkeypatch):
    path = tmp_path / "bad.antqkey"
    path.write_bytes(b'{"not": "a key"}')
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    office_page.enrol_from_file(str(path))
    assert warnings and "không hợp lệ" in warnings[0] and office_page.table.rowCount() == 0


def test_enrolling_an_office_records_its_role_and_communes(qtbot, office_page, tmp_path, monkeypatch):
    """Issue 12: the GUI asks the role; a cluster office gets the communes it may vouch for."""
    other = open_store(tmp_path / "cum2.sqlite3")
    profile.initialise(other, role="district", unit_code="CUM-02", name="Cụm 2", officer_name="Lê Văn Cường",
                       password=PASSWORD)
    with other.session_factory() as session:
        (tmp_path / "cum2.antqkey").write_bytes(keys.public_key_file(session, PASSWORD))
    other.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _text, items, *a: (items[1], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("00070, 00073", True))
    office_page.enrol_from_file(str(tmp_path / "cum2.antqkey"))
    qtbot.waitUntil(lambda: office_page.table.rowCount() == 1, timeout=10000)
    assert office_page.table.item(0, 3).text() == "Cụm/huyện"
    with office_page.context.store.session_factory() as session:
        assert keys.catchment(session, "CUM-02") == ["00070", "00073"]


def test_an_old_style_key_file_is_marked_as_such(qtbot, office_page, monkeypatch):
    """Version 1 key files still enrol, but the list says their fingerprint does not cover unit and role."""
    from pathlib import Path

    golden = Path(__file__).parents[1] / "exchange" / "data" / "golden-sender.antqkey"
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or
                        QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _text, items, *a: (items[0], True))
    office_page.enrol_from_file(str(golden))
    qtbot.waitUntil(lambda: office_page.table.rowCount() == 1, timeout=10000)
    assert "kiểu cũ" in asked[0]
    assert "3941-CCB7-16D8-9B4A-E0C0" in office_page.table.item(0, 2).text()
    assert "không bao gồm đơn vị và vai trò" in office_page.table.item(0, 2).text()
