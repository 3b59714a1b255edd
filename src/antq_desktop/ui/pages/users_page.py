"""Tài khoản: admins add, disable, re-role and reset accounts; everyone changes their own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import accounts
from antq_desktop.services.accounts import MIN_PASSWORD_LENGTH, ROLES, UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui import password_prompt
from antq_desktop.ui.i18n import N

COLUMNS = (N("UsersPage", "Tên đăng nhập"), N("UsersPage", "Họ tên"), N("UsersPage", "Vai trò"),
           N("UsersPage", "Trạng thái"))


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AddUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm tài khoản"))
        form = QFormLayout(self)
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for key, label in ROLES.items():
            self.role.addItem(self.tr(label), key)
        self.role.setCurrentIndex(list(ROLES).index("officer"))
        self.password, self.again = _password_field(), _password_field()
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ tên"), self.full_name)
        form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.again)
        hint = self.tr("Ít nhất %1 ký tự; nên dùng một câu ngắn dễ nhớ.")
        form.addRow(QLabel(hint.replace("%1", str(MIN_PASSWORD_LENGTH))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PasswordDialog(QDialog):
    """New password twice, and the current one when changing one's own."""

    def __init__(self, title: str, *, ask_current: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.current = _password_field() if ask_current else None
        if self.current is not None:
            form.addRow(self.tr("Mật khẩu hiện tại"), self.current)
        self.password, self.again = _password_field(), _password_field()
        form.addRow(self.tr("Mật khẩu mới"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu mới"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersPage(QWidget):
    changed = Signal(object)  # the Changes an accounts front returned; from_context routes it to context.apply_changes

    def __init__(self, store: Store, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.is_admin = user.role == "admin"
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Tài khoản</h2>")))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        layout.addLayout(self._idle_row())
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> UsersPage:
        page = cls(context.store, context.user)
        page.changed.connect(context.apply_changes)
        return page

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions = [(self.tr("Thêm tài khoản…"), self._ask_add, True), (self.tr("Đổi vai trò…"), self._ask_role, True),
                   (self.tr("Khóa / mở khóa"), self._toggle_selected, True),
                   (self.tr("Đặt lại mật khẩu…"), self._ask_reset, True),
                   (self.tr("Đổi mật khẩu của tôi…"), self._ask_own_password, False)]
        for text, slot, admin_only in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(self.is_admin or not admin_only)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _idle_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tự khóa màn hình sau (phút, 0 = không khóa):")))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(accounts.idle_lock_minutes(self.store))
        self.idle.setEnabled(self.is_admin)
        self.idle.editingFinished.connect(lambda: self.set_idle_minutes(self.idle.value()))
        row.addWidget(self.idle)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        self.rows = accounts.list_accounts(self.store)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            state = self.tr("Đã khóa") if row.disabled else (
                self.tr("Tạm khóa (đăng nhập sai)") if row.is_locked() else self.tr("Hoạt động"))
            for c, value in enumerate((row.username, row.full_name, self.tr(row.role_label), state)):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()].username if rows else None

    def _run(self, action: Any, done: str) -> bool:
        """Call a service; show its Vietnamese message on failure."""
        try:
            changes = action()
        except AntqError as exc:
            self.status.setText(exc.message)
            self.status.setStyleSheet("color: #b00020;")
            return False
        self.status.setText(done)
        self.status.setStyleSheet("")
        self.refresh()
        self.changed.emit(changes)
        return True

    # ---- operations (the dialogs below only gather input for these) ----

    def add_user(self, username: str, full_name: str, role: str, password: str,
                 actor_password: str | None = None) -> bool:
        return self._run(lambda: accounts.add(self.store, self.user, username=username, full_name=full_name, role=role,
                                           password=password, actor_password=actor_password).changes,
                         self.tr("Đã tạo tài khoản %1.").replace("%1", username))

    def change_role(self, username: str, role: str) -> bool:
        return self._run(lambda: accounts.change_role(self.store, self.user, username, role),
                         self.tr("Đã đổi vai trò của %1.").replace("%1", username))

    def set_disabled(self, username: str, disabled: bool) -> bool:
        done = self.tr("Đã khóa tài khoản %1.") if disabled else self.tr("Đã mở khóa tài khoản %1.")
        return self._run(lambda: accounts.set_disabled(self.store, self.user, username, disabled),
                         done.replace("%1", username))

    def reset_password(self, username: str, password: str, actor_password: str | None = None) -> bool:
        return self._run(lambda: accounts.reset_password(self.store, self.user, username, password,
                                                         actor_password=actor_password),
                         self.tr("Đã đặt lại mật khẩu của %1.").replace("%1", username))

    def _grant_password(self, role: str) -> tuple[bool, str | None]:
        """(go on, the admin's own password) when an admin/officer account is to get the unit's keys.

        Asked once (the one GUI prompt) and only when this admin holds the keys; cancelling changes nothing."""
        mine = next((r for r in self.rows if r.username == self.user.username), None)
        if role not in ("admin", "officer") or mine is None or not mine.holds_keys:
            return True, None
        password = password_prompt.ask_password(self, self.tr(
            "Nhập mật khẩu của chính bạn để cấp khóa của đơn vị cho tài khoản này (tài khoản sẽ mở khóa bằng "
            "mật khẩu của nó)."))
        if password is None:
            self.status.setText(self.tr("Đã hủy: chưa có gì thay đổi."))
            return False, None
        return True, password

    def change_own_password(self, current: str, password: str) -> bool:
        return self._run(lambda: accounts.change_own_password(self.store, self.user.username, current, password),
                         self.tr("Đã đổi mật khẩu của bạn."))

    def set_idle_minutes(self, minutes: int) -> bool:
        if minutes == accounts.idle_lock_minutes(self.store):
            return True
        return self._run(lambda: accounts.set_idle_lock_minutes(self.store, self.user, minutes),
                         self.tr("Đã lưu thời gian tự khóa (áp dụng từ lần đăng nhập sau)."))

    # ---- dialogs ----

    def _mismatch(self, first: str, second: str) -> bool:
        if first != second:
            self.status.setText(self.tr("Hai lần nhập mật khẩu không khớp. Chưa có gì thay đổi."))
            return True
        return False

    def _ask_add(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() and not self._mismatch(dialog.password.text(), dialog.again.text()):
            go_on, mine = self._grant_password(dialog.role.currentData())
            if go_on:
                self.add_user(dialog.username.text(), dialog.full_name.text(), dialog.role.currentData(),
                              dialog.password.text(), mine)

    def _need_selection(self) -> str | None:
        name = self.selected_username()
        if name is None:
            self.status.setText(self.tr("Hãy chọn một tài khoản trong danh sách."))
        return name

    def _ask_role(self) -> None:
        name = self._need_selection()
        if name is None:
            return
        labels = [self.tr(label) for label in ROLES.values()]
        choice, ok = QInputDialog.getItem(self, self.tr("Đổi vai trò"), self.tr("Vai trò mới của %1:").replace(
            "%1", name), labels, 0, False)
        if ok:
            self.change_role(name, list(ROLES)[labels.index(choice)])

    def _toggle_selected(self) -> None:
        name = self._need_selection()
        if name is None:
            return
        row = next(r for r in self.rows if r.username == name)
        verb = self.tr("Mở khóa") if row.disabled else self.tr("Khóa")
        question = self.tr("%1 tài khoản %2?").replace("%1", verb).replace("%2", name)
        if QMessageBox.question(self, self.tr("Xác nhận"), question) == QMessageBox.StandardButton.Yes:
            self.set_disabled(name, not row.disabled)

    def _ask_reset(self) -> None:
        name = self._need_selection()
        if name is None:
            return
        dialog = PasswordDialog(self.tr("Đặt lại mật khẩu cho %1").replace("%1", name), ask_current=False, parent=self)
        if dialog.exec() and not self._mismatch(dialog.password.text(), dialog.again.text()):
            target = next(r for r in self.rows if r.username == name)
            go_on, mine = self._grant_password(target.role)
            if go_on:
                self.reset_password(name, dialog.password.text(), mine)

    def _ask_own_password(self) -> None:
        dialog = PasswordDialog(self.tr("Đổi mật khẩu của tôi"), ask_current=True, parent=self)
        if dialog.exec() and dialog.current is not None and not self._mismatch(dialog.password.text(),
                                                                               dialog.again.text()):
            self.change_own_password(dialog.current.text(), dialog.password.text())
