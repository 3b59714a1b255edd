"""Sign-in: username and password, with the service's Vietnamese messages (wrong password, lockout).

At start-up the dialog is shown before the store is open (SQLAlchemy, Alembic and the services
load in the meantime): it is built without a store, with the unit name and username read ahead,
and `open_store_when_painted` runs the opener once the dialog has been painted; the opener calls
`attach_store`, which enables "Đăng nhập". Keys typed meanwhile wait in the event queue; Enter or
"Đăng nhập" before the store is attached opens it at once. Built with a store, it is ready at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.ui.widgets.field_error import FieldErrorLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPaintEvent

    from antq_desktop.services.accounts import UserInfo
    from antq_desktop.storage.db import Store

FALLBACK_OPEN_MS = 500  # open the store even if no paint event arrives (a minimised or hidden dialog)
# Nothing here touches the `Qt` namespace or QEvent before the dialog is painted: their first use
# builds ~100 Python enums (20-40 ms), a fifth of a bare window's start.


class LoginDialog(QDialog):
    def __init__(self, store: Store | None = None, parent: QWidget | None = None, *,
                 unit_name: str | None = None, username: str | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.user: UserInfo | None = None
        self._opener: Callable[[], None] | None = None
        self.setWindowTitle(self.tr("Đăng nhập — ANTQ Desktop"))
        layout = QVBoxLayout(self)
        self.unit_label = QLabel(self._unit_html(unit_name))
        self.unit_label.setObjectName("unit_label")
        self.unit_label.setWordWrap(True)
        layout.addWidget(self.unit_label)
        form = QFormLayout()
        self.username = QLineEdit(username or "")
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        layout.addLayout(form)
        self.status_label = QLabel(self.tr("Đang mở dữ liệu…"))
        self.status_label.setObjectName("login_status")
        layout.addWidget(self.status_label)
        self.error_label = FieldErrorLabel()
        self.error_label.setObjectName("login_error")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Đăng nhập"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        if store is not None:
            self.attach_store(store)
        (self.password if self.username.text() else self.username).setFocus()

    @property
    def is_ready(self) -> bool:
        return self.store is not None

    def _unit_html(self, unit_name: str | None) -> str:
        title = '<h3 align="center">ANTQ Desktop</h3>'
        return f'{title}<p align="center"><b>{unit_name}</b></p>' if unit_name else title

    def open_store_when_painted(self, opener: Callable[[], None]) -> None:
        """Run `opener` once, on the GUI thread, right after the dialog is first painted (so the
        officer sees it while the store opens); it is expected to call attach_store or close us."""
        self._opener = opener
        QTimer.singleShot(FALLBACK_OPEN_MS, self._run_opener)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._opener is not None:
            QTimer.singleShot(0, self._run_opener)  # after this paint reaches the screen

    def _run_opener(self) -> None:
        opener, self._opener = self._opener, None
        if opener is not None:
            opener()

    def done(self, result: int) -> None:
        self._opener = None  # closed before the store was opened: it never will be
        super().done(result)

    def attach_store(self, store: Store) -> None:
        """The store is open: show its unit, suggest the only account, enable "Đăng nhập"."""
        from antq_desktop.domain.errors import AntqError
        from antq_desktop.services import accounts

        self.store = store
        try:
            self.unit_label.setText(self._unit_html(store.profile().unit_name))
        except AntqError:
            pass
        if not self.username.text():
            suggested = accounts.single_admin(store)
            if suggested:
                self.username.setText(suggested)
                if self.focusWidget() is self.username:
                    self.password.setFocus()
        self.status_label.hide()
        self.sign_in_button.setEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.store is None:
            self.try_sign_in()  # Enter before the store was ready: open it now rather than drop the key
            return
        super().keyPressEvent(event)

    def try_sign_in(self) -> None:
        if self.store is None:
            self._run_opener()  # signing in before the store was ready: open it now
            if self.store is None:
                return
        if not self.username.text().strip() or not self.password.text():
            self.error_label.show_message(self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        from antq_desktop.domain.errors import AntqError
        from antq_desktop.services import accounts

        try:
            self.user = accounts.sign_in(self.store, username=self.username.text(), password=self.password.text())
        except AntqError as exc:
            self.error_label.show_message(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
