"""Recovery after a lost or restored laptop (issue 14 point 4), in the GUI.

At the office, the trust page's "Gửi gói khôi phục cho xã…" (`send_recovery`): a save dialog, the key
holder's password, then the package. At the commune, the exchange page's box (`RecoveryReceiveBox`):
choosing (or double-clicking) the file shows the preview in a dialog; only "Nhận dữ liệu khôi phục"
applies it. The package is written, checked and taken in as background jobs with a progress dialog and
"Hủy" (a commune's data can take several seconds); a cancel before the commit changes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import recovery
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.jobs import Job


class RecoveryPreviewDialog(QDialog):
    """What taking the package in changes; "Nhận dữ liệu khôi phục" accepts, "Huỷ" changes nothing."""

    def __init__(self, preview: recovery.RecoveryPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xem trước dữ liệu khôi phục"))
        layout = QVBoxLayout(self)
        self.text = QLabel("\n".join(recovery.preview_lines(preview)))
        self.text.setObjectName("recovery_preview_text")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        warning = QLabel(self.tr("Dữ liệu của xã trên máy này sẽ được thay bằng dữ liệu cấp trên đang giữ. Chưa có gì "
                                 "thay đổi cho đến khi bấm “Nhận dữ liệu khôi phục”."))
        warning.setWordWrap(True)
        layout.addWidget(warning)
        buttons = QDialogButtonBox()
        accept_role, reject_role = QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole
        self.accept_button = buttons.addButton(self.tr("Nhận dữ liệu khôi phục"), accept_role)
        self.accept_button.setObjectName("recovery_accept_button")
        self.cancel_button = buttons.addButton(self.tr("Huỷ"), reject_role)
        self.cancel_button.setObjectName("recovery_cancel_button")
        self.cancel_button.setDefault(True)  # Enter never replaces the commune's data by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def confirm(preview: recovery.RecoveryPreview, parent: QWidget | None) -> bool:
    """The preview dialog, modal (tests patch this function)."""
    return RecoveryPreviewDialog(preview, parent).exec() == QDialog.DialogCode.Accepted


class RecoveryReceiveBox(QGroupBox):
    """At a commune: take in the recovery package the upper office sent."""

    # Once per receive(): the RecoveryApplied, or None when cancelled or refused (then nothing changed).
    settled = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nhận dữ liệu khôi phục của cấp trên"), parent)
        self.context = context
        self.last_result: recovery.RecoveryApplied | None = None
        self.busy = False
        layout = QHBoxLayout(self)
        self.status = QLabel(self.tr("Sau khi mất máy hoặc khôi phục bản sao lưu cũ: chọn gói khôi phục (.antq) do "
                                     "cấp trên gửi; xem trước rồi mới nhận."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status, 1)
        self.receive_button = QPushButton(self.tr("Nhận dữ liệu khôi phục…"))
        self.receive_button.setObjectName("recovery_receive_button")
        self.receive_button.setEnabled(context.can_write)
        self.receive_button.clicked.connect(self._on_clicked)
        layout.addWidget(self.receive_button)

    def _on_clicked(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn gói khôi phục của cấp trên"),
                                      self.tr("Gói dữ liệu ANTQ (*.antq)"))
        if path:
            self.receive(path)

    def receive(self, path: str) -> Job | None:
        """Check and preview (a job), ask, apply (a job); `settled` tells the end. None: no password given, or
        another package is being taken in (a file double-clicked meanwhile waits for the officer's next try)."""
        if self.busy:
            self.context.events.status_message.emit(self.tr("Đang nhận một gói khôi phục: hãy chờ xong rồi mở tệp "
                                                            "này lại."))
            return None
        password = password_prompt.ask_password(self, self.tr("Mật khẩu của bạn (mở khóa của đơn vị bằng tài khoản "
                                                              "đang đăng nhập):"))
        if password is None:
            return None
        store, actor = self.context.store, self.context.actor
        self.busy = True  # one package at a time
        self.receive_button.setEnabled(False)
        job = self.context.jobs.start(
            lambda progress, cancel: recovery.preview_recovery(store, path, password=password, actor=actor,
                                                               progress=progress, cancel=cancel),
            title=self.tr("Đang kiểm tra gói khôi phục"), parent=self)
        job.succeeded.connect(lambda preview: self._previewed(path, password, preview))
        self._on_end(job)
        return job

    def _previewed(self, path: str, password: str, preview: recovery.RecoveryPreview) -> None:
        if not confirm(preview, self):
            self._settle(None, self.tr("Đã hủy: dữ liệu trên máy này không thay đổi."))
            return
        store, actor = self.context.store, self.context.actor
        job = self.context.jobs.start(
            lambda progress, cancel: recovery.apply_recovery(store, path, password=password, actor=actor,
                                                             progress=progress, cancel=cancel),
            title=self.tr("Đang nhận dữ liệu khôi phục"), parent=self, writes=True)
        job.succeeded.connect(self._applied)
        self._on_end(job)

    def _on_end(self, job: Job) -> None:
        job.failed.connect(self._refused)
        job.cancelled.connect(lambda: self._settle(None, self.tr("Đã hủy: dữ liệu trên máy này không thay đổi.")))

    def _applied(self, result: recovery.RecoveryApplied) -> None:
        self.last_result = result
        self.context.apply_changes(result.changes)
        self._settle(result, self.tr("Đã nhận dữ liệu khôi phục của %1. Lần gửi tiếp theo là gói số %2.")
                     .replace("%1", result.office_name).replace("%2", str(result.next_sequence)))

    def _refused(self, exc: BaseException) -> None:
        unexpected = self.tr("Không nhận gói khôi phục: dữ liệu trên máy này không thay đổi.")
        self._settle(None, exc.message if isinstance(exc, AntqError) else unexpected)
        show_error(self, exc, self.tr("Không nhận gói khôi phục"))

    def _settle(self, result: recovery.RecoveryApplied | None, status: str) -> None:
        self.status.setText(status)
        self.busy = False
        self.receive_button.setEnabled(self.context.can_write)
        self.settled.emit(result)


def send_recovery(parent: QWidget, context: Any, unit_code: str, unit_name: str) -> Job | None:
    """At the office: write the recovery package for `unit_code` where the clerk chooses (a job; None: not asked)."""
    question = parent.tr("Gửi cho %1 (%2) gói khôi phục: toàn bộ dữ liệu của xã như đơn vị này đang giữ, mã hóa cho "
                         "khóa còn hiệu lực của xã. Dùng khi xã mất máy hoặc đã khôi phục bản sao lưu cũ. Tiếp tục?")
    if QMessageBox.question(parent, parent.tr("Gửi gói khôi phục cho xã"),
                            question.replace("%1", unit_name or unit_code).replace("%2", unit_code)) \
            != QMessageBox.StandardButton.Yes:
        return None
    path = file_dialogs.save_file(parent, file_dialogs.PACKAGES, parent.tr("Lưu gói khôi phục"),
                                  f"khoi-phuc-{unit_code}.antq", parent.tr("Gói dữ liệu ANTQ (*.antq)"))
    if not path:
        return None
    password = password_prompt.ask_password(parent)
    if password is None:
        return None
    store, actor = context.store, context.actor
    job: Job = context.jobs.start(
        lambda progress, cancel: recovery.build_recovery(store, unit_code, path, password=password, actor=actor,
                                                         progress=progress, cancel=cancel),
        title=parent.tr("Đang tạo gói khôi phục cho xã"), parent=parent, writes=True)
    job.succeeded.connect(lambda result: _built(parent, result))
    job.failed.connect(lambda exc: show_error(parent, exc, parent.tr("Không tạo được gói khôi phục")))
    job.cancelled.connect(lambda: context.events.status_message.emit(
        parent.tr("Đã hủy tạo gói khôi phục: không có tệp nào được tạo.")))
    return job


def _built(parent: QWidget, result: recovery.RecoveryBuildResult) -> None:
    QMessageBox.information(parent, parent.tr("Gửi gói khôi phục cho xã"), parent.tr(
        "Đã tạo gói khôi phục số %1 cho %2: %3 bản ghi. Chép tệp cho xã; ở xã, trên trang Gửi – nhận dữ liệu bấm "
        "“Nhận dữ liệu khôi phục…”, xem trước rồi nhận.").replace("%1", str(result.sequence))
        .replace("%2", result.unit_name).replace("%3", str(sum(result.counts.values()))))
