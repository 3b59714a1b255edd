"""“Gửi kế hoạch xuống xã” (upper office: writes the year's plan package on the job runner) and
“Nhận kế hoạch của cấp trên” (commune: imports it). Shown on the exchange page by role."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import plans
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.jobs import Job


class PlanSendBox(QGroupBox):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gửi kế hoạch xuống xã"), parent)
        self.context = context
        self.last_result: plans.PublishResult | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tạo một gói kế hoạch có ký số (kế hoạch, chỉ tiêu, bộ tiêu chí, mẫu cam kết) để chép "
                               "cho mọi xã; xã nhận ở mục “Nhận kế hoạch của cấp trên” của trang Gửi – nhận dữ liệu."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(context.year)
        row.addWidget(QLabel(self.tr("Năm kế hoạch:")))
        row.addWidget(self.year)
        self.send_button = QPushButton(self.tr("Gửi kế hoạch xuống xã…"))
        self.send_button.setObjectName("plan_send_button")
        self.send_button.clicked.connect(self._on_clicked)
        self.send_button.setEnabled(context.can_write)
        row.addStretch(1)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def _on_clicked(self) -> None:
        name = f"ke-hoach-{self.year.value()}.antq"
        path = file_dialogs.save_file(self, file_dialogs.PACKAGES, self.tr("Lưu gói kế hoạch"), name,
                                              self.tr("Gói dữ liệu ANTQ (*.antq)"))
        password = password_prompt.ask_password(self) if path else None
        if path and password:
            self.start(path, password)

    def start(self, path: str, password: str) -> Job:
        store, actor, year = self.context.store, self.context.actor, self.year.value()

        def work(_progress: Any, _cancel: Any) -> plans.PublishResult:
            return plans.publish_plan(store, path, year=year, password=password, actor=actor)

        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Đang tạo gói kế hoạch…"))
        job = self.context.jobs.start(work, title=self.tr("Đang tạo gói kế hoạch"), parent=self, writes=True)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.finished.connect(lambda *_: self.send_button.setEnabled(self.context.can_write))
        return job

    def _on_done(self, result: plans.PublishResult) -> None:
        self.last_result = result
        self.status.setText(self.tr("Đã tạo gói kế hoạch năm {0} (gói số {1}) tại {2}. Hãy chép tệp này cho các xã.")
                            .format(result.year, result.sequence, result.path))
        self.context.apply_changes(result.changes)

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Chưa tạo được gói kế hoạch."))
        show_error(self, exc, self.tr("Không tạo được gói kế hoạch"))


class PlanReceiveBox(QGroupBox):
    """At a commune: import the plan package from the upper office (small file: checked in the GUI thread)."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nhận kế hoạch của cấp trên"), parent)
        self.context = context
        self.last_result: plans.PlanImportResult | None = None
        layout = QHBoxLayout(self)
        self.status = QLabel(self.tr("Chọn tệp gói kế hoạch (.antq) do cấp trên gửi; chữ ký được kiểm tra trước khi "
                                     "nhận. Dữ liệu của xã không bị thay đổi."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status, 1)
        self.receive_button = QPushButton(self.tr("Nhận kế hoạch…"))
        self.receive_button.setObjectName("plan_receive_button")
        self.receive_button.setEnabled(context.can_write)
        self.receive_button.clicked.connect(self._on_clicked)
        layout.addWidget(self.receive_button)

    def _on_clicked(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn gói kế hoạch của cấp trên"),
                                              self.tr("Gói dữ liệu ANTQ (*.antq)"))
        if path:
            self.receive(path)

    def receive(self, path: str) -> plans.PlanImportResult:
        result = plans.import_plan(self.context.store, path, actor=self.context.actor)
        self.last_result = result
        self.status.setText(result.message)
        if result.status == "imported":
            self.context.apply_changes(result.changes)
        else:
            QMessageBox.warning(self, self.tr("Không nhận gói kế hoạch"), result.message)
        return result
