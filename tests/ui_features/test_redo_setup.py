"""Settings → "Thiết lập lại đơn vị…": admin only, prefilled, saved in one step after the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QMessageBox, QWizard
from tests.exchange_store.conftest import FAST_KDF, key_file, make_office

from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.accounts import audit_log
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui import redo_setup
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.settings_page import SettingsPage
from antq_desktop.ui.redo_setup import RedoSetupWizard

from .conftest import PASSWORD


def _signed_in(store, username: str = "admin"):
    return make_context(store, accounts.sign_in(store, username=username, password=PASSWORD))


def _to_confirm_page(wizard: RedoSetupWizard) -> None:
    while wizard.currentPage() is not wizard.confirm_page:
        current = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not current, f"stuck on {type(current).__name__}"


def _redo_entries(store) -> list[audit_log.AuditRow]:
    return audit_log.query(store, audit_log.AuditFilter(action="setup_redo")).rows


def test_admin_changes_the_officer_name_from_settings_and_the_status_bar_shows_it(qtbot, feature_store):
    from antq_desktop.ui.main_window import MainWindow

    context = _signed_in(feature_store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage) and not page.redo_button.isHidden()
    assert "Nguyễn Văn An" in window.user_label.text()
    page.redo_button.click()
    wizard = page.redo_wizard
    assert isinstance(wizard, RedoSetupWizard) and wizard.isVisible()
    # The demo data belong to 00070: the unit and the role are shown, fixed, with the reason and the way out.
    assert wizard.role_page.buttons["commune"].isChecked()
    assert not wizard.role_page.buttons["district"].isEnabled()
    note = wizard.role_page.lock_note
    assert not note.isHidden() and "bản ghi của đơn vị 00070" in note.text() and "--db" in note.text()
    wizard.next()
    assert wizard.unit_page.commune.selected_code() == "00070"
    assert not wizard.unit_page.commune.isEnabled()
    wizard.next()
    assert wizard.officer_page.full_name.text() == "Nguyễn Văn An"
    wizard.officer_page.full_name.setText("Trần Thị Bình")
    _to_confirm_page(wizard)
    confirm = wizard.confirm_page
    assert "Họ tên cán bộ: Nguyễn Văn An → Trần Thị Bình" in confirm.summary.text()
    assert "Đơn vị:" not in confirm.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # the password is required
    confirm.password.setText("mat khau sai roi")
    wizard.next()
    assert wizard.currentPage() is confirm and "Mật khẩu xác nhận không đúng" in confirm.error.text()
    assert profile.setup_snapshot(feature_store, "admin").officer_name == "Nguyễn Văn An"
    confirm.password.setText(PASSWORD)
    wizard.next()
    assert wizard.redo_result is not None and "Đã lưu các thay đổi" in wizard.currentPage().summary.text()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        wizard.accept()
    assert window.user_label.text() == "Cán bộ: Trần Thị Bình"
    assert context.user.full_name == "Trần Thị Bình"
    assert accounts.sign_in(feature_store, username="admin", password=PASSWORD).full_name == "Trần Thị Bình"
    [entry] = _redo_entries(feature_store)
    assert entry.details["changes"] == {"officer_name": ["Nguyễn Văn An", "Trần Thị Bình"]}
    context.jobs.wait()


def test_cancel_leaves_everything_as_it_was(qtbot, feature_store):
    context = _signed_in(feature_store)
    page = SettingsPage.from_context(context)
    qtbot.addWidget(page)
    page.redo_button.click()
    wizard = page.redo_wizard
    wizard.next()
    wizard.next()
    wizard.officer_page.full_name.setText("Tên khác")
    _to_confirm_page(wizard)
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        wizard.reject()
    assert wizard.redo_result is None
    assert context.user.full_name == "Nguyễn Văn An"
    assert profile.setup_snapshot(feature_store, "admin").officer_name == "Nguyễn Văn An"
    assert _redo_entries(feature_store) == []


def test_non_admin_gets_no_redo_button(qtbot, feature_store, monkeypatch):
    accounts.create_user(feature_store, username="can_bo", full_name="Lê Văn C", role="officer", password=PASSWORD)
    context = _signed_in(feature_store, "can_bo")
    page = SettingsPage.from_context(context)
    qtbot.addWidget(page)
    assert page.redo_button.isHidden()
    assert "Quản trị" not in [box.title() for box in page.findChildren(QGroupBox) if not box.isHidden()]
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    assert redo_setup.launch(page, context) is None  # even if reached some other way
    assert "Chỉ quản trị viên" in shown[0]


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setattr(keys, "KEYSTORE", KeyStore(FAST_KDF))
    store = open_store(tmp_path / "empty.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    yield store
    store.close()


def test_on_an_empty_store_the_unit_and_the_upper_office_key_change(qtbot, empty_store, tmp_path):
    office = make_office(tmp_path / "office.sqlite3")
    (tmp_path / "office.antqkey").write_bytes(key_file(office))
    office.close()
    (tmp_path / "broken.antqkey").write_bytes(b"not a key")
    context = _signed_in(empty_store)
    page = SettingsPage.from_context(context)
    qtbot.addWidget(page)
    page.redo_button.click()
    wizard = page.redo_wizard
    assert wizard.role_page.buttons["district"].isEnabled() and wizard.role_page.lock_note.isHidden()
    wizard.next()
    chooser = wizard.unit_page.commune
    assert chooser.isEnabled() and chooser.selected_code() == "00070"
    qtbot.keyClicks(chooser.search_edit, "cua nam")
    row = next(i for i in range(chooser.commune_list.count())
               if chooser.commune_list.item(i).data(Qt.ItemDataRole.UserRole) == "00073")
    chooser.commune_list.setCurrentRow(row)
    wizard.next()
    wizard.next()
    keys_page = wizard.keys_page
    assert not keys_page.set_recipient_file(str(tmp_path / "broken.antqkey"))
    assert "không hợp lệ" in keys_page.error.text() and keys_page.recipient_file is None
    assert keys_page.set_recipient_file(str(tmp_path / "office.antqkey"))
    assert "CUM-01" in keys_page.recipient_status.text()
    wizard.next()
    summary = wizard.confirm_page.summary.text()
    assert "Phường Hoàn Kiếm (00070) → Phường Cửa Nam (00073)" in summary
    assert "khóa mới cho đơn vị mới" in summary and "CUM-01" in summary
    wizard.confirm_page.password.setText(PASSWORD)
    wizard.next()
    result = wizard.redo_result
    assert result is not None and result.unit_changed and result.new_fingerprint
    assert profile.get_profile(empty_store).unit_name == "Phường Cửa Nam"
    with empty_store.session_factory() as session:
        assert keys.recipient(session).unit_code == "CUM-01"
        assert keys.paper_fingerprint(session, keys.active_local_key(session)) == result.new_fingerprint
    done = wizard.currentPage().summary.text()
    assert result.new_fingerprint in done and "mở lại chương trình" in done
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        wizard.accept()
    assert context.profile.unit_code == "00073"
    unit_texts = [label.text() for label in page.unit_box.findChildren(QLabel)]
    assert "Phường Cửa Nam" in unit_texts and "Phường Hoàn Kiếm" not in unit_texts
    context.jobs.wait()
