"""Auto-lock after an idle period: covers every window and asks for the password again.

Nothing is closed or reset: open forms keep what was typed, the lock only puts an opaque cover
over each top-level window (personal data must not stay on screen of a shared laptop) and shows a
modal sign-in. Sign-in goes through accounts.sign_in, so failures count towards the lockout and
both outcomes are in the audit trail.

Install once the main window is up:
    lock = IdleLock(window, store, user, minutes=accounts.idle_lock_minutes(store))
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import accounts
from antq_desktop.services.accounts import UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TabletPress}


class _Cover(QWidget):
    """An opaque sheet over a window: hides the data, keeps the widgets (and their unsaved text) alive."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleLockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#idleLockCover { background: #2b3a4a; } QLabel { color: white; font-size: 14pt; }")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Đã khóa màn hình. Nhập mật khẩu để tiếp tục."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class LockDialog(QDialog):
    """Modal re-login; cannot be dismissed except by the right password."""

    def __init__(self, store: Store, user: UserInfo, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Màn hình đã khóa"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        text = self.tr("Chương trình đã tự khóa sau %1 phút không dùng. Dữ liệu đang nhập vẫn được giữ "
                       "nguyên. Hãy nhập mật khẩu của %2 (%3) để tiếp tục.")
        info = QLabel(text.replace("%1", str(minutes)).replace("%2", user.full_name).replace("%3", user.username))
        info.setWordWrap(True)
        layout.addWidget(info)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("lockPassword")
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setStyleSheet(colours.text_style("error"))
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)

    def try_unlock(self) -> bool:
        try:
            accounts.sign_in(self.store, username=self.user.username, password=self.password.text())
        except AntqError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            return False
        finally:
            self.password.clear()  # never keep the password in a widget longer than needed
        self.accept()
        return True

    def reject(self) -> None:  # Esc must not unlock
        pass

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()


class IdleLock(QObject):
    """Watches input application-wide; after `minutes` without any, locks (0 minutes = never)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, store: Store, user: UserInfo, *, minutes: int = 10,
                 parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window, self.store, self.user = window, store, user
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        self.timer.stop()
        if self.minutes and not self.is_locked:
            self.timer.start(self.minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and not self.is_locked and self.minutes:
            self.timer.start()  # restart the countdown; the event itself goes on unchanged
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.timer.stop()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, LockDialog)]
        self._covers = [_Cover(w) for w in windows]
        self.dialog = LockDialog(self.store, self.user, self.minutes, self.window)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.open()
        self.locked.emit()

    def _unlocked(self) -> None:
        for cover in self._covers:
            owner = cover.parentWidget()
            if owner is not None:
                owner.removeEventFilter(cover)
            cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        self.unlocked.emit()


def install_idle_lock(window: QWidget, store: Store, user: UserInfo) -> IdleLock:
    """The one call start-up needs: the admin-configured minutes (default 10; 0 = never)."""
    from antq_desktop.services import accounts

    return IdleLock(window, store, user, minutes=accounts.idle_lock_minutes(store))
