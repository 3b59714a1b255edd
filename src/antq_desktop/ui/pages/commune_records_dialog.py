"""Read-only drill-down into one commune's records at the upper office (they are the commune's to edit).

The counts and first rows of the four lists are read on the worker thread (`context.jobs`): about a
second at province scale. The tabs appear only when every list is in.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import records
from antq_desktop.services.records import ListQuery
from antq_desktop.storage.db import Store
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import explain_load_failure
from antq_desktop.ui.formatting import format_date, format_int
from antq_desktop.ui.jobs import JobCancelled

PAGE_SIZE = 500  # the first rows of each list; the commune's own app has the full, searchable lists
TABS = (
    ("residential_area", "Khu dân cư", (("name", "Tên"), ("head_name", "Trưởng thôn/tổ"),
                                        ("household_count", "Số hộ"))),
    ("organization", "Cơ quan – DN – trường học", (("name", "Tên"), ("org_type", "Loại"), ("area_name", "Khu dân cư"))),
    ("household", "Hộ gia đình", (("head_name", "Chủ hộ"), ("area_name", "Khu dân cư"), ("members", "Nhân khẩu"))),
    ("assessment", "Tự đánh giá", (("subject_name", "Đối tượng"), ("outcome", "Kết quả"), ("level", "Xếp loại"),
                                   ("assessed_on", "Ngày"))),
)


@dataclass(frozen=True)
class CommuneList:
    record_type: str
    total: int
    rows: list[dict[str, object]]


def load_lists(store: Store, unit_code: str, year: int, cancel: threading.Event | None = None) -> list[CommuneList]:
    """Counts and first rows of each tab (reads only); stops between lists when cancelled."""
    out = []
    for record_type, _title, _columns in TABS:
        if cancel is not None and cancel.is_set():
            raise JobCancelled()
        query = ListQuery(origin_unit=unit_code, year=year if record_type == "assessment" else None)
        total = records.count_rows(store, record_type, query)
        out.append(CommuneList(record_type, total, records.list_rows(store, record_type, query, limit=PAGE_SIZE)))
    return out


def _cell(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    if hasattr(value, "strftime"):
        return format_date(value)  # type: ignore[arg-type]
    return "" if value is None else str(value)


class CommuneRecordsDialog(QDialog):
    def __init__(self, context: AppContext, unit_code: str, unit_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dữ liệu của %1 (chỉ xem)").replace("%1", unit_name))
        self.resize(900, 600)
        self.tabs = QTabWidget()
        self.tabs.hide()  # nothing half-filled: the tabs appear with every list in
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.status = QLabel(self.tr("Đang tải dữ liệu của xã…"))
        self.status.setWordWrap(True)
        note = QLabel(self.tr("Dữ liệu do xã lập và gửi lên; cấp trên chỉ xem, không sửa. "
                              "Hiển thị tối đa %1 dòng đầu mỗi danh sách.").replace("%1", format_int(PAGE_SIZE)))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        store, year = context.store, context.year
        self.job: Any = context.jobs.start(lambda _progress, cancel: load_lists(store, unit_code, year, cancel),
                                           title=self.tr("Dữ liệu của xã"), parent=self, show_progress=False)
        self.job.succeeded.connect(self._on_loaded)
        self.job.failed.connect(self._on_failed)
        self.finished.connect(self._stop_loading)

    @property
    def loading(self) -> bool:
        return self.job is not None and self.job.is_running

    def _stop_loading(self, _result: int = 0) -> None:
        if self.loading:
            self.job.cancel()  # closed before the lists came in: the worker stops between lists

    def _on_loaded(self, lists: list[CommuneList]) -> None:
        titles = {record_type: (title, columns) for record_type, title, columns in TABS}
        for item in lists:
            title, columns = titles[item.record_type]
            self.tabs.addTab(self._table(item.rows, columns), f"{self.tr(title)} ({format_int(item.total)})")
        self.busy.hide()
        self.status.hide()
        self.tabs.show()

    def _on_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        message = self.tr("Không tải được dữ liệu của xã: %1. Hãy đóng cửa sổ này rồi mở lại; nếu vẫn lỗi, "
                          "hãy chạy “antq check” hoặc báo cán bộ kỹ thuật.")
        explain_load_failure(self.status, exc, message, "Commune records not loaded")

    def _table(self, rows: list[dict[str, object]], columns: tuple[tuple[str, str], ...]) -> QTableWidget:
        table = QTableWidget(len(rows), len(columns))
        table.setHorizontalHeaderLabels([self.tr(title) for _, title in columns])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, (key, _) in enumerate(columns):
                table.setItem(r, c, QTableWidgetItem(_cell(row.get(key))))
        table.resizeColumnsToContents()
        return table
