"""Sign-in: username and password, with the service's Vietnamese messages (wrong password, lockout)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import accounts
from antq_desktop.services.accounts import UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui.widgets.field_error import FieldErrorLabel


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Đăng nhập — ANTQ Desktop"))
        layout = QVBoxLayout(self)
        unit = QLabel(self._unit_text())
        unit.setObjectName("unit_label")
        unit.setWordWrap(True)
        unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(unit)
        form = QFormLayout()
        self.username = QLineEdit(accounts.single_admin(store) or "")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        layout.addLayout(form)
        self.error_label = FieldErrorLabel()
        self.error_label.setObjectName("login_error")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Đăng nhập"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()
        self.setMinimumWidth(420)

    def _unit_text(self) -> str:
        try:
            info = self.store.profile()
        except AntqError:
            return ""
        return f"<h3>ANTQ Desktop</h3><b>{info.unit_name}</b>"

    def try_sign_in(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.error_label.show_message(self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        try:
            self.user = accounts.sign_in(self.store, username=self.username.text(), password=self.password.text())
        except AntqError as exc:
            self.error_label.show_message(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
