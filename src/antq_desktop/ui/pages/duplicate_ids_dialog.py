"""Cấp trên: citizen IDs found in households of more than one commune — a list to review, not errors."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from antq_desktop.services import records
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import explain_load_failure
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP

COLUMNS = (QT_TRANSLATE_NOOP("DuplicateIds", "Số định danh (4 số cuối)"), QT_TRANSLATE_NOOP("DuplicateIds", "Số hộ"),
           QT_TRANSLATE_NOOP("DuplicateIds", "Các xã"))


class DuplicateIdsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicate_ids_dialog")
        self.setWindowTitle(self.tr("Số định danh có ở nhiều xã"))
        self.context = context
        self.summary = QLabel(self.tr("Đang tìm…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("duplicate_ids_table")
        self.table.setAccessibleName(self.tr("Số định danh có ở nhiều xã"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
        store = context.store
        self.job = context.jobs.start(lambda _p, _c: records.cross_commune_citizen_ids(store),
                                      title=self.windowTitle(), parent=self, show_progress=False)
        self.job.succeeded.connect(self._show)
        self.job.failed.connect(self._failed)

    def _show(self, found: object) -> None:
        rows: list[records.CrossCommuneId] = list(found)  # type: ignore[call-overload]
        self.table.setRowCount(len(rows))
        for r, item in enumerate(rows):
            communes = ", ".join(f"{name} ({code})" for code, name in zip(item.units, item.unit_names, strict=True))
            for c, text in enumerate((item.citizen_id, str(item.households), communes)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%1 số định danh có ở hộ của hơn một xã. Đây là danh sách để rà soát, không phải lỗi: gia đình "
                    "có thể đã chuyển nơi ở, hoặc hai xã cùng nhập một hộ. Hãy báo các xã liên quan kiểm tra.")
            .replace("%1", str(len(rows))) if rows else
            self.tr("Không có số định danh nào xuất hiện ở hơn một xã."))

    def _failed(self, exc: BaseException) -> None:
        explain_load_failure(self.summary, exc, self.tr("Không tìm được danh sách: %1. Hãy đóng cửa sổ rồi mở lại."),
                             "Cross-commune citizen IDs not computed")
