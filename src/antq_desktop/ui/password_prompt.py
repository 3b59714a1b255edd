"""The one password prompt of the GUI (unlocking the unit's key, a backup, the receiving key).

Every page asks through `ask_password`, looked up on this module at call time, so a test replaces
the prompt in one place: `monkeypatch.setattr(password_prompt, "ask_password", ...)`.
The sign-in, lock and setup dialogs keep their own password fields: those are forms, not prompts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from antq_desktop.ui.i18n import N

# The key holder is the admin who set this machine up; most prompts unlock that key.
KEY_HOLDER = N("PasswordPrompt", "Nhập mật khẩu của bạn (tài khoản đang đăng nhập mở khóa của đơn vị):")


def ask_password(parent: QWidget, reason: str | None = None, title: str | None = None) -> str | None:
    """The typed password (never shown), or None when cancelled or left empty.

    `reason` says whose password and what it opens (already translated); the default is the key holder's.
    """
    title = title or QCoreApplication.translate("PasswordPrompt", "Mật khẩu mở khóa")
    reason = reason or QCoreApplication.translate("PasswordPrompt", KEY_HOLDER)
    text, ok = QInputDialog.getText(parent, title, reason, QLineEdit.EchoMode.Password)
    return text if ok and text else None
