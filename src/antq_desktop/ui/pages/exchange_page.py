"""Gửi – nhận dữ liệu: export a signed, encrypted package for the upper office, see the history, check receipts.

The export runs on the job runner (off the GUI thread) with progress and "Hủy"; a cancelled
export leaves no file and no history row. The page never changes records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.local_time import local_time_text
from antq_desktop.services import export
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.jobs import Job
from antq_desktop.ui.widgets.keys_box import KeysBox, recipient_text
from antq_desktop.ui.widgets.plan_send_box import PlanReceiveBox, PlanSendBox
from antq_desktop.ui.widgets.recovery_box import RecoveryReceiveBox

HISTORY_COLUMNS = (N("ExchangePage", "Số"), N("ExchangePage", "Thời điểm"), N("ExchangePage", "Kiểu"),
                   N("ExchangePage", "Bản ghi"), N("ExchangePage", "Biên nhận"), N("ExchangePage", "Tệp"))


class ExchangePage(QWidget):
    exported = Signal(object)  # ExportResult

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_result: export.ExportResult | None = None
        self.last_error: BaseException | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Gửi dữ liệu lên cấp trên"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(title)
        self.keys_box = KeysBox(context.store, context.actor)
        self.keys_box.changed.connect(self.refresh)
        layout.addWidget(self.keys_box)
        layout.addWidget(self._export_box())
        office = context.profile.role != "commune"  # offices send the year's plan down, communes receive it
        layout.addWidget(PlanSendBox(context) if office else PlanReceiveBox(context))
        if not office:  # after a lost laptop or an old backup: the office's copy of the commune's data
            layout.addWidget(RecoveryReceiveBox(context))
        layout.addWidget(self._history_box(), 1)
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> ExchangePage:
        return cls(context)

    # ---- building ----

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Xuất gói dữ liệu"))
        layout = QVBoxLayout(box)
        self.incremental = QRadioButton(self.tr("Phần thay đổi từ lần xuất trước (thường dùng)"))
        self.full = QRadioButton(self.tr("Đầy đủ: toàn bộ dữ liệu của đơn vị (lần đầu, hoặc khi cấp trên yêu cầu)"))
        self.incremental.setChecked(True)
        group = QButtonGroup(box)
        for button in (self.incremental, self.full):
            group.addButton(button)
            layout.addWidget(button)
        self.exclude_ids = QCheckBox(self.tr("Không gửi số định danh cá nhân của chủ hộ"))
        layout.addWidget(self.exclude_ids)
        row = QHBoxLayout()
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("Nơi lưu tệp gói (.antq), ví dụ trên USB"))
        browse = QPushButton(self.tr("Chọn nơi lưu…"))
        browse.clicked.connect(self._choose_destination)
        row.addWidget(self.destination, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.export_button = QPushButton(self.tr("Xuất gói dữ liệu"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("export_status")
        layout.addWidget(self.export_button)
        layout.addWidget(self.status)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lịch sử xuất dữ liệu"))
        layout = QVBoxLayout(box)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setHorizontalHeaderLabels([self.tr(c) for c in HISTORY_COLUMNS])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # dates stay on one line
        header.setSectionResizeMode(len(HISTORY_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().setVisible(False)
        layout.addWidget(self.history)
        self.receipt_button = QPushButton(self.tr("Kiểm tra biên nhận của cấp trên…"))
        self.receipt_button.clicked.connect(self._choose_receipt)
        layout.addWidget(self.receipt_button)
        return box

    # ---- state ----

    def refresh(self) -> None:
        self.keys_box.refresh()
        rows = export.history(self.context.store)
        self.history.setRowCount(len(rows))
        for index, r in enumerate(rows):
            values = (str(r.sequence), local_time_text(r.created_at), self.tr(export.KIND_LABELS.get(r.kind, r.kind)),
                      f"{r.total_records:,}".replace(",", "."),
                      local_time_text(r.receipt_verified_at) or self.tr("chưa"), r.file_name)
            for column, value in enumerate(values):
                self.history.setItem(index, column, QTableWidgetItem(value))
        self.export_button.setEnabled(self.context.can_write)

    def suggested_path(self, folder: str = "") -> str:
        name = export.suggested_file_name(self.context.store)
        return str(Path(folder) / name) if folder else name

    def _choose_destination(self) -> None:
        path = file_dialogs.save_file(self, file_dialogs.PACKAGES, self.tr("Lưu gói dữ liệu"), self.suggested_path(),
                                              self.tr("Gói dữ liệu ANTQ (*.antq)"))
        if path:
            self.destination.setText(path)

    # ---- export ----

    def _on_export_clicked(self) -> None:
        # Checks that need no password come first: no upper-office key means no encrypted package.
        if recipient_text(self.context.store) is None:
            QMessageBox.warning(self, self.tr("Chưa có khóa của cấp trên"), self.tr(
                "Chưa xuất được gói dữ liệu: máy này chưa có khóa của cấp trên để mã hóa gói. Hãy bấm "
                "“Nhập khóa của cấp trên…” ở khung “Khóa của đơn vị” phía trên, chọn tệp .antqkey do cấp "
                "trên gửi (so mã vân tay với bản giấy), rồi bấm “Xuất gói dữ liệu” lại."))
            return
        path = self.destination.text().strip()
        if not path:
            self._choose_destination()
            path = self.destination.text().strip()
        if not path:
            return
        password = password_prompt.ask_password(self)
        if password:
            self.start_export(path, password)

    def start_export(self, path: str, password: str) -> Job:
        """Run the export on the job runner; the result arrives by signal (``exported``)."""
        kind = "full" if self.full.isChecked() else "incremental"
        exclude = self.exclude_ids.isChecked()
        store, actor = self.context.store, self.context.actor

        def work(progress: Any, cancel: Any) -> export.ExportResult:
            return export.export_package(store, path, password=password, actor=actor, kind=kind,
                                         exclude_citizen_ids=exclude, progress=progress, cancel=cancel)

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Đang xuất gói dữ liệu…"))
        job = self.context.jobs.start(work, title=self.tr("Đang xuất gói dữ liệu"), parent=self, writes=True)
        job.succeeded.connect(self._on_exported)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self.refresh)
        return job

    def _on_exported(self, result: export.ExportResult) -> None:
        self.last_result = result
        total = f"{sum(result.counts.values()):,}".replace(",", ".")
        text = self.tr("Đã xuất gói số {0} ({1} bản ghi) vào {2}.").format(result.sequence, total, result.path)
        if result.note:
            text = f"{result.note} {text}"
        if result.announced_key:
            text += " " + self.tr("Gói này thông báo khóa mới của đơn vị cho cấp trên.")
        self.status.setText(text)
        self.context.apply_changes(result.changes)
        self.exported.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        code = getattr(exc, "code", "")
        self.status.setText(self.tr("Chưa xuất được gói dữ liệu ({0}).").format(code) if code else "")
        show_error(self, exc, self.tr("Không xuất được gói dữ liệu"))

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Đã hủy xuất dữ liệu. Không có tệp nào được tạo."))

    # ---- receipts ----

    def _choose_receipt(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn tệp biên nhận của cấp trên"),
                                              self.tr("Biên nhận ANTQ (*.antqrcpt)"))
        if path:
            self.check_receipt(path)

    def check_receipt(self, path: str) -> export.ReceiptCheck | None:
        try:
            data = read_user_file(path, what="tệp biên nhận", error=lambda m: export.ReceiptError(m, "NOT_A_FILE"))
            check = export.verify_receipt(self.context.store, data, actor=self.context.actor)
        except OSError:
            QMessageBox.warning(self, self.tr("Không đọc được tệp"),
                                self.tr("Không đọc được tệp biên nhận. Hãy kiểm tra USB rồi chọn lại."))
            return None
        except export.ReceiptError as exc:
            show_error(self, exc, self.tr("Biên nhận không được công nhận"))
            return None
        if check.matches == "current":
            text = self.tr("Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu hiện tại của đơn vị.")
        else:
            text = self.tr("Biên nhận hợp lệ: số liệu cấp trên khớp với dữ liệu tại lần xuất số {0}; dữ liệu đã thay "
                           "đổi sau đó, hãy gửi phần thay đổi ở lần tới.").format(check.matched_sequence)
        self.refresh()
        QMessageBox.information(self, self.tr("Biên nhận của {0}").format(check.issuer), text)
        return check
