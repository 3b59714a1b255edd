"""The unit's keys in the GUI: own fingerprint, export the public key file, import the upper office's key.

Used on the exchange page, in the settings page (``register_settings_section("keys", ...)``)
and, as ``RecipientWizardPage``, in the first-run wizard. The password for the private keys
is asked with ``ui.password_prompt.ask_password`` (the GUI's one prompt; tests replace it there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from antq_desktop.services import keys
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.storage.db import Store
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error


def own_fingerprint(store: Store) -> str | None:
    return keys.own_fingerprint(store)


def recipient_text(store: Store) -> str | None:
    """"Cụm công an khu vực 1 (CUM-01) — vân tay XXXX-…" or None when no upper-office key was imported."""
    row = keys.recipient(store)
    return None if row is None else f"{row.unit_name} ({row.unit_code}) — mã vân tay {row.fingerprint}"


def import_recipient(parent: QWidget, store: Store, actor: str, path: str) -> str | None:
    """Import an .antqkey as the upper office's key; returns its fingerprint or None (error shown)."""
    try:
        data = read_user_file(path, what="tệp khóa công khai (.antqkey)", error=keys.KeyProblem)  # never a FIFO/device
        row = keys.set_recipient(store, data, actor=actor)
        fingerprint = row.fingerprint
    except OSError:
        QMessageBox.warning(parent, parent.tr("Không đọc được tệp"),
                            parent.tr("Không đọc được tệp khóa. Hãy kiểm tra USB rồi chọn lại tệp."))
        return None
    except keys.KeyProblem as exc:
        show_error(parent, exc)
        return None
    return fingerprint


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KeysBox(QGroupBox):
    """Fingerprint of this unit, the upper office's key, and the two buttons."""

    changed = Signal()

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Khóa của đơn vị"))
        self.store, self.actor = store, actor
        form = QFormLayout(self)
        self.own_label = _selectable("")
        self.own_label.setObjectName("own_fingerprint")
        self.recipient_label = _selectable("")
        self.recipient_label.setObjectName("recipient_status")
        form.addRow(self.tr("Mã vân tay của đơn vị:"), self.own_label)
        form.addRow(self.tr("Khóa của cấp trên:"), self.recipient_label)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Xuất tệp khóa công khai…"))
        self.import_button = QPushButton(self.tr("Nhập khóa của cấp trên…"))
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> KeysBox:
        return cls(context.store, context.actor)

    def refresh(self) -> None:
        self.own_label.setText(own_fingerprint(self.store) or self.tr("chưa có khóa (quản trị viên hãy tạo khóa)"))
        text = recipient_text(self.store)
        self.recipient_label.setText(text or self.tr("CHƯA CÓ — hãy nhập tệp .antqkey do cấp trên gửi để có thể "
                                                     "xuất dữ liệu đã mã hóa."))

    def export_public_key(self, path: str, password: str) -> bool:
        try:
            data = keys.public_key_file(self.store, password, self.actor)
            Path(path).write_bytes(data)
        except keys.KeyProblem as exc:
            show_error(self, exc)
            return False
        except OSError:
            QMessageBox.warning(self, self.tr("Không ghi được tệp"),
                                self.tr("Không ghi được tệp khóa. Hãy kiểm tra USB hoặc thư mục rồi thử lại."))
            return False
        return True

    def import_key(self, path: str) -> str | None:
        fingerprint = import_recipient(self, self.store, self.actor, path)
        if fingerprint is not None:
            self.refresh()
            self.changed.emit()
        return fingerprint

    def _choose_export(self) -> None:
        path = file_dialogs.save_file(self, file_dialogs.PACKAGES, self.tr("Lưu tệp khóa công khai"),
                                      "khoa-don-vi.antqkey",
                                              self.tr("Tệp khóa ANTQ (*.antqkey)"))
        password = password_prompt.ask_password(self) if path else None
        if path and password and self.export_public_key(path, password):
            QMessageBox.information(self, self.tr("Đã xuất khóa"), self.tr(
                "Đã lưu tệp khóa công khai. Hãy in mã vân tay {0}, ký xác nhận và gửi kèm tệp cho cấp trên "
                "để đối chiếu.").format(own_fingerprint(self.store)))

    def _choose_import(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn tệp khóa của cấp trên"),
                                              self.tr("Tệp khóa ANTQ (*.antqkey)"))
        if path and (fingerprint := self.import_key(path)):
            QMessageBox.information(self, self.tr("Đã nhập khóa cấp trên"), self.tr(
                "Mã vân tay của khóa cấp trên: {0}. Hãy đối chiếu với bản giấy do cấp trên gửi; nếu khác, "
                "không xuất dữ liệu và báo ngay.").format(fingerprint))


class RecipientWizardPage(QWizardPage):
    """First-run wizard slot: a commune may import the upper office's key now, or later in Settings."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wizard_ref = wizard
        self.setTitle(self.tr("Khóa của đơn vị cấp trên"))
        self.setSubTitle(self.tr("Để gửi dữ liệu đã mã hóa lên cấp trên, hãy nhập tệp khóa công khai (.antqkey) "
                                 "do cấp trên gửi. Có thể bỏ qua và làm sau trong Cài đặt."))
        layout = QVBoxLayout(self)
        self.status = _selectable(self.tr("Chưa nhập khóa của cấp trên."))
        self.status.setObjectName("wizard_recipient_status")
        self.button = QPushButton(self.tr("Chọn tệp khóa của cấp trên…"))
        self.button.clicked.connect(self._choose)
        layout.addWidget(self.status)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def import_key(self, path: str) -> str | None:
        user = self.wizard_ref.signed_in_user
        fingerprint = import_recipient(self, self.wizard_ref.store, user.username if user else "admin", path)
        if fingerprint is not None:
            self.status.setText(self.tr("Đã nhập khóa cấp trên, mã vân tay {0}. Hãy đối chiếu với bản giấy.")
                                .format(fingerprint))
        return fingerprint

    def _choose(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn tệp khóa của cấp trên"),
                                              self.tr("Tệp khóa ANTQ (*.antqkey)"))
        if path:
            self.import_key(path)


def build_recipient_page(wizard: Any) -> QWizardPage:
    """Builder for ``setup_wizard.EXTRA_PAGES``."""
    return RecipientWizardPage(wizard)
