"""Cài đặt → "Thiết lập lại đơn vị…": the setup wizard again, for an admin, filled in with the current setup.

Nothing is written until the last page: the officer confirms with their password and
`setup.redo_setup` applies every change in one transaction (cancel or an error leaves the store
as it was). The unit and the role are fixed once the store holds the unit's data (records carry
the unit code, sent packages are signed with the unit's key); the pages say why and how to start a
new data file instead. `launch` is the one entry point; tests drive the returned wizard.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.services import keys, setup
from antq_desktop.services.accounts import UserInfo
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.storage.db import Store
from antq_desktop.ui import file_dialogs
from antq_desktop.ui.setup_wizard import RolePage, UnitPage
from antq_desktop.ui.widgets.field_error import FieldErrorLabel


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class RedoOfficerPage(QWizardPage):
    """The admin's own name (the account and its password stay; Tài khoản manages those)."""

    def __init__(self, snapshot: setup.SetupSnapshot) -> None:
        super().__init__()
        self.setTitle(self.tr("Cán bộ quản trị"))
        self.setSubTitle(self.tr("Họ tên in trên thanh trạng thái và ghi trong nhật ký. Tên đăng nhập và mật khẩu "
                                 "đổi ở trang Tài khoản."))
        form = QFormLayout(self)
        self.full_name = QLineEdit(snapshot.officer_name)
        self.full_name.setObjectName("full_name")
        self.full_name.textChanged.connect(lambda _t: self.completeChanged.emit())
        form.addRow(self.tr("Họ và tên cán bộ:"), self.full_name)
        form.addRow(self.tr("Tên đăng nhập:"), _note(snapshot.username))

    def isComplete(self) -> bool:
        return bool(self.full_name.text().strip())


class RedoKeysPage(QWizardPage):
    """New key pair for the unit, and the upper office's key file (imported or replaced)."""

    def __init__(self, snapshot: setup.SetupSnapshot) -> None:
        super().__init__()
        self.recipient_file: bytes | None = None
        self.setTitle(self.tr("Khóa của đơn vị và của cấp trên"))
        self.setSubTitle(self.tr("Không bắt buộc: tạo khóa mới cho đơn vị, hoặc nhập hay thay tệp khóa của cấp trên."))
        layout = QVBoxLayout(self)
        own = snapshot.own_fingerprint or self.tr("chưa có")
        layout.addWidget(_note(self.tr("Mã vân tay khóa của đơn vị: %1").replace("%1", own)))
        self.rotate = QCheckBox(self.tr("Tạo cặp khóa mới cho đơn vị"))
        self.rotate.setObjectName("rotate_keys")
        layout.addWidget(self.rotate)
        layout.addWidget(_note(self.tr(
            "Dùng khi nghi mật khẩu hoặc khóa bị lộ. Khóa cũ vẫn được giữ để các gói đã gửi vẫn kiểm tra được; "
            "gói xuất tiếp theo được ký bằng khóa cũ và báo cho cấp trên biết khóa mới.")))
        current = snapshot.recipient or self.tr("chưa có")
        layout.addWidget(_note(self.tr("Khóa của cấp trên đang dùng: %1").replace("%1", current)))
        self.recipient_status = _note(name="redo_recipient_status")
        layout.addWidget(self.recipient_status)
        row = QHBoxLayout()
        choose = QPushButton(self.tr("Chọn tệp khóa của cấp trên…"))
        choose.clicked.connect(self._choose)
        self.clear_button = QPushButton(self.tr("Bỏ chọn"))
        self.clear_button.clicked.connect(lambda: self.set_recipient_file(None))
        self.clear_button.hide()
        row.addWidget(choose)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def set_recipient_file(self, path: str | None) -> bool:
        """Read and check the key file now; it is imported only when the changes are saved."""
        self.error.show_message(None)
        self.recipient_file = None
        self.recipient_status.setText("")
        self.clear_button.hide()
        if path is None:
            return True
        try:
            data = read_user_file(path, what="tệp khóa công khai (.antqkey)", error=keys.KeyProblem)  # no FIFO
            record = keys.parse_key_file(data)
        except OSError:
            self.error.show_message(self.tr("Không đọc được tệp khóa. Hãy kiểm tra USB rồi chọn lại tệp."))
            return False
        except keys.KeyProblem as exc:
            self.error.show_message(exc.message)
            return False
        self.recipient_file = data
        self.recipient_status.setText(
            self.tr("Sẽ dùng khóa mới của cấp trên: %1 (%2) — mã vân tay %3. Hãy đối chiếu với bản giấy.")
            .replace("%1", record.unit_name).replace("%2", record.unit_code).replace("%3", record.fingerprint))
        self.clear_button.show()
        return True

    def _choose(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn tệp khóa của cấp trên"),
                                              self.tr("Tệp khóa ANTQ (*.antqkey)"))
        if path:
            self.set_recipient_file(path)


class RedoConfirmPage(QWizardPage):
    """What will change, and the admin's password: the only page that writes."""

    def __init__(self, wizard: RedoSetupWizard) -> None:
        super().__init__()
        self.redo = wizard
        self.setTitle(self.tr("Xác nhận thay đổi"))
        self.setSubTitle(self.tr("Nhập mật khẩu đăng nhập của bạn để lưu. Bấm “Hủy” thì không có gì thay đổi."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Lưu thay đổi"))
        form = QFormLayout(self)
        self.summary = _note(name="changes_summary")
        self.password = QLineEdit()
        self.password.setObjectName("confirm_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.error = FieldErrorLabel()
        form.addRow(self.summary)
        form.addRow(self.tr("Mật khẩu của bạn:"), self.password)
        form.addRow(self.error)

    def initializePage(self) -> None:
        self.error.show_message(None)
        lines = self.redo.planned_changes()
        self.summary.setText("<br>".join(f"• {line}" for line in lines) if lines
                             else self.tr("Không có thay đổi nào. Bấm “Hủy” để đóng."))

    def isComplete(self) -> bool:
        return bool(self.password.text())

    def validatePage(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # new keys take a second or two
        try:
            self.redo.save(self.password.text())
        except AntqError as exc:
            self.error.show_message(exc.message)
            self.password.clear()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True


class RedoDonePage(QWizardPage):
    def __init__(self, wizard: RedoSetupWizard) -> None:
        super().__init__()
        self.redo = wizard
        self.setTitle(self.tr("Đã lưu"))
        layout = QVBoxLayout(self)
        self.summary = _note(name="summary")
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.redo.redo_result
        self.redo.setOption(QWizard.WizardOption.NoCancelButton, True)  # saved: nothing left to cancel
        if result is None:
            return
        lines = [self.tr("Đã lưu các thay đổi và ghi vào nhật ký.") if result.changes
                 else self.tr("Không có thay đổi nào.")]
        if result.new_fingerprint:
            lines.append(self.tr("Mã vân tay khóa mới của đơn vị: <b>%1</b>.").replace("%1", result.new_fingerprint))
        if result.unit_changed:
            unit = result.profile
            lines.append(self.tr("Đơn vị mới: <b>%1</b> (mã %2). Hãy xuất tệp khóa công khai mới (trang Gửi – nhận "
                                 "dữ liệu) gửi cấp trên, rồi đóng và mở lại chương trình để mọi trang dùng đơn vị "
                                 "mới.").replace("%1", unit.unit_name).replace("%2", unit.unit_code))
        elif result.new_fingerprint:
            lines.append(self.tr("Lần xuất dữ liệu tiếp theo sẽ báo khóa mới cho cấp trên."))
        self.summary.setText("<br><br>".join(lines))


class RedoSetupWizard(QWizard):
    """The first-run wizard's role and unit pages, filled in; officer name; keys; confirm with the password."""

    def __init__(self, store: Store, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.snapshot = setup.setup_snapshot(store, user.username)
        self.redo_result: setup.RedoResult | None = None
        self.setWindowTitle(self.tr("Thiết lập lại đơn vị — ANTQ Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Tiếp theo >")),
                             (QWizard.WizardButton.BackButton, self.tr("< Quay lại")),
                             (QWizard.WizardButton.FinishButton, self.tr("Hoàn tất")),
                             (QWizard.WizardButton.CancelButton, self.tr("Hủy"))):
            self.setButtonText(button, text)
        info, lock = self.snapshot.profile, self.snapshot.unit_lock
        self.role_page = RolePage()
        self.role_page.setTitle(self.tr("Thiết lập lại đơn vị"))
        self.role_page.setSubTitle(self.tr("Các trang đã điền sẵn thiết lập hiện tại; chỉ sửa những gì cần đổi. "
                                           "Chưa có gì được lưu cho đến khi bạn xác nhận ở trang cuối."))
        self.role_page.prefill(info.role, lock)
        self.unit_page = UnitPage(self.role_page)
        self.unit_page.prefill(info, lock)
        self.officer_page = RedoOfficerPage(self.snapshot)
        self.keys_page = RedoKeysPage(self.snapshot)
        self.confirm_page = RedoConfirmPage(self)
        for page in (self.role_page, self.unit_page, self.officer_page, self.keys_page, self.confirm_page,
                     RedoDonePage(self)):
            self.addPage(page)
        self.resize(720, 560)

    def chosen(self) -> dict[str, Any]:
        """The service's keyword arguments for what the pages show now."""
        role = self.role_page.role()
        return {"role": role, "unit_code": self.unit_page.unit_code(),
                "unit_name": self.unit_page.office_name.text() if role == "district" else None,
                "officer_name": self.officer_page.full_name.text(),
                "recipient_key_file": self.keys_page.recipient_file,
                "rotate_keys": self.keys_page.rotate.isChecked()}

    def planned_changes(self) -> list[str]:
        """One line per change, for the confirmation page (the service decides; this only describes)."""
        info, chosen = self.snapshot.profile, self.chosen()
        lines = []
        try:
            code, name, _province, _parent = setup.resolve_unit(chosen["role"], chosen["unit_code"],
                                                                  chosen["unit_name"])
        except ValidationError:
            code, name = info.unit_code, info.unit_name
        if chosen["role"] != info.role:
            lines.append(self.tr("Cấp: %1 → %2").replace("%1", setup.ROLES[info.role])
                         .replace("%2", setup.ROLES[chosen["role"]]))
        if (code, name) != (info.unit_code, info.unit_name):
            lines.append(self.tr("Đơn vị: %1 (%2) → %3 (%4)").replace("%1", info.unit_name)
                         .replace("%2", info.unit_code).replace("%3", name).replace("%4", code))
        if code != info.unit_code or chosen["role"] != info.role:
            lines.append(self.tr("Tạo cặp khóa mới cho đơn vị mới (tệp khóa cũ mang mã đơn vị cũ)."))
        elif chosen["rotate_keys"]:
            lines.append(self.tr("Tạo cặp khóa mới cho đơn vị."))
        if chosen["officer_name"].strip() != self.snapshot.officer_name:
            lines.append(self.tr("Họ tên cán bộ: %1 → %2").replace("%1", self.snapshot.officer_name)
                         .replace("%2", chosen["officer_name"].strip()))
        if chosen["recipient_key_file"] is not None:
            lines.append(self.keys_page.recipient_status.text())
        return lines

    def save(self, password: str) -> setup.RedoResult:
        self.redo_result = setup.redo_setup(self.store, actor=self.user.username, password=password,
                                              **self.chosen())
        return self.redo_result


def apply_to_session(context: Any, result: setup.RedoResult) -> None:
    """The signed-in session sees the change: context, then whoever shows the profile (status bar)."""
    context.user = replace(context.user, full_name=result.officer_name)
    context.profile = result.profile
    context.apply_changes(result.app_changes)
    context.events.status_message.emit(QCoreApplication.translate("RedoSetupWizard", "Đã lưu thiết lập đơn vị."))


def launch(parent: QWidget, context: Any, on_saved: Any = None) -> RedoSetupWizard | None:
    """Open the wizard (window-modal) for the signed-in admin; ``on_saved(result)`` runs after a saved change."""
    if context is None or context.user.role != "admin":
        QMessageBox.information(parent, QCoreApplication.translate("RedoSetupWizard", "Thiết lập lại đơn vị"),
                                QCoreApplication.translate("RedoSetupWizard", "Chỉ quản trị viên đã đăng nhập mới "
                                                           "được thiết lập lại đơn vị. Hãy nhờ quản trị viên."))
        return None
    wizard = RedoSetupWizard(context.store, context.user, parent)

    def finished(_code: int) -> None:
        result = wizard.redo_result
        if result is not None and result.changes:
            apply_to_session(context, result)
            if on_saved is not None:
                on_saved(result)

    wizard.finished.connect(finished)
    wizard.open()
    return wizard
