"""The trust pages and the idle lock, as standalone widgets on a real store (pytest-qt, offscreen)."""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMessageBox
from sqlalchemy import func, select

from antq_desktop.services import safe_files
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household
from antq_desktop.ui import password_prompt
from antq_desktop.ui.idle_lock import IdleLock, LockDialog
from antq_desktop.ui.pages.audit_page import AuditPage
from antq_desktop.ui.pages.backup_page import BackupPage
from antq_desktop.ui.pages.users_page import UsersPage

from .conftest import PASSWORD


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: shown.append(str(a[2])))
    return shown


def test_audit_page_filters_pages_and_exports(qtbot, store: Store, admin: UserInfo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              no_message_boxes: list[str]) -> None:
    page = AuditPage(store, admin)
    qtbot.addWidget(page)
    assert "nguyên vẹn" in page.status.text()
    assert page.table.rowCount() == 200 and page.next.isEnabled() and not page.previous.isEnabled()
    page.next.click()
    assert page.page.offset == 200
    page.record_type.setCurrentIndex(page.record_type.findData("household"))
    page.apply_filters()
    assert page.page.total == 200 and page.page.offset == 0
    assert page.export_to(tmp_path / "nhat-ky") == 200
    assert (tmp_path / "nhat-ky.xlsx").exists()
    page.use_since.setChecked(True)
    page.use_until.setChecked(True)
    page.until.set_date(page.since.date() - timedelta(days=1))  # typed dates (DateField), not a QDateEdit
    page.apply_filters()
    assert no_message_boxes and "Ngày bắt đầu" in no_message_boxes[-1]


def test_audit_page_export_on_full_disk_shows_vietnamese_error(qtbot, store: Store, admin: UserInfo,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               no_message_boxes: list[str]) -> None:
    page = AuditPage(store, admin)
    qtbot.addWidget(page)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full)
    assert page.export_to(tmp_path / "a.xlsx") is None
    assert "Ổ đĩa đã đầy" in no_message_boxes[-1] and not (tmp_path / "a.xlsx").exists()


def test_audit_page_is_for_admins_only(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    page = AuditPage(store, UserInfo("x", "lan", "Trần Thị Lan", "officer"))
    qtbot.addWidget(page)
    assert page.table is None and "quản trị viên" in page.status.text()


def test_users_page_manages_accounts(qtbot, store: Store, admin: UserInfo) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.context import make_context

    context = make_context(store, admin)
    page = UsersPage.from_context(context)
    qtbot.addWidget(page)
    seen: list = []  # what reached the one refresh hook
    context.events.changed.connect(seen.append)
    assert page.table.rowCount() == 1
    assert page.add_user("lan", "Trần Thị Lan", "officer", "cau dai cua lan")
    assert page.table.rowCount() == 2
    assert [c.accounts_changed for c in seen] == [True]
    assert not page.add_user("an2", "An", "officer", "ngan")
    assert len(seen) == 1  # a refused change reports nothing
    assert "ít nhất 8" in page.status.text()
    assert page.change_role("lan", "readonly") and page.set_disabled("lan", True)
    assert page.table.item(1, 3).text() == "Đã khóa"
    assert not page.set_disabled("admin", True) and "Không thể tự khóa" in page.status.text()
    assert page.reset_password("lan", "mat khau moi cua lan")
    assert page.change_own_password(PASSWORD, "mot cau moi rat dai")
    assert accounts.sign_in(store, username="admin", password="mot cau moi rat dai")
    assert page.set_idle_minutes(5)


def test_users_page_for_an_officer_only_changes_own_password(qtbot, store: Store, admin: UserInfo) -> None:  # type: ignore[no-untyped-def]
    officer = accounts.create_user(store, username="lan", full_name="Lan", role="officer", password="cau dai cua lan")
    page = UsersPage(store, officer)
    qtbot.addWidget(page)
    assert not page.add_user("x", "X", "admin", "mot cau khac dai") and "quản trị" in page.status.text()
    assert not page.idle.isEnabled()
    assert page.change_own_password("cau dai cua lan", "cau moi cua lan")


def test_backup_page_backs_up_and_restores(qtbot, store: Store, admin: UserInfo, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    page = BackupPage(store, admin, folder=tmp_path / "backups")
    qtbot.addWidget(page)
    page.keep_running_after_restore = True
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, _reason, *_a: "sai mat khau")
    assert page.back_up_now() is None and "không đúng" in page.status.text()  # a typo is caught before encrypting
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, _reason, *_a: PASSWORD)
    made = page.back_up_now()
    assert made is not None and page.table.rowCount() == 1
    page.table.selectRow(0)
    page.confirm = lambda _q: False
    assert not page.restore_selected()  # cancelled: nothing happens
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, _reason, *_a: "mat khau khac")
    page.confirm = lambda _q: True
    assert not page.restore_selected() and "sai mật khẩu" in page.status.text()
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, _reason, *_a: PASSWORD)
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected()
    assert page.table.rowCount() == 1  # the list is not refreshed: the app reopens after a restore
    with store.session_factory() as session:  # the engine reconnects to the restored file
        assert session.execute(select(func.count()).select_from(Household)).scalar_one() == 200


def test_idle_lock_covers_windows_keeps_work_and_needs_the_password(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                                   admin: UserInfo) -> None:
    window = QMainWindow()
    editor = QLineEdit()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    window.show()
    editor.setText("Dữ liệu đang nhập dở")
    lock = IdleLock(window, store, admin, minutes=10)
    assert lock.timer.isActive() and lock.timer.interval() == 600_000
    QApplication.sendEvent(editor, QMouseEvent(QEvent.Type.MouseMove, QPoint(1, 1), QPoint(1, 1),
                                               Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                               Qt.KeyboardModifier.NoModifier))
    assert lock.timer.remainingTime() > 590_000  # activity restarts the countdown
    with qtbot.waitSignal(lock.locked):
        lock.timer.setInterval(10)
        lock.timer.start()
    assert lock.is_locked and isinstance(lock.dialog, LockDialog) and lock.dialog.isModal()
    cover = window.findChild(type(lock._covers[0]))
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()
    lock.dialog.reject()
    assert lock.is_locked  # Esc does not unlock
    lock.dialog.password.setText("sai mat khau")
    assert not lock.dialog.try_unlock() and "không đúng" in lock.dialog.error.text()
    lock.dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        assert lock.dialog.try_unlock()
    assert not lock.is_locked and editor.text() == "Dữ liệu đang nhập dở"  # work untouched
    lock.set_minutes(0)
    assert not lock.timer.isActive()


def test_install_idle_lock_uses_the_admin_setting(qtbot, store: Store, admin: UserInfo) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.services.accounts import users
    from antq_desktop.ui.idle_lock import install_idle_lock

    users.set_idle_lock_minutes(store, admin, 3)
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = install_idle_lock(window, store, admin)
    assert lock.minutes == 3 and lock.timer.interval() == 180_000
