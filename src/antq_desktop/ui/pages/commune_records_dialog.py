"""Read-only drill-down into one commune's records at the upper office (they are the commune's to edit)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout

from antq_desktop.services import queries
from antq_desktop.services.queries import ListQuery
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.formatting import format_date, format_int

PAGE_SIZE = 500  # the first rows of each list; the commune's own app has the full, searchable lists
TABS = (
    ("residential_area", "Khu dân cư", (("name", "Tên"), ("head_name", "Trưởng thôn/tổ"),
                                        ("household_count", "Số hộ"))),
    ("organization", "Cơ quan – DN – trường học", (("name", "Tên"), ("org_type", "Loại"), ("area_name", "Khu dân cư"))),
    ("household", "Hộ gia đình", (("head_name", "Chủ hộ"), ("area_name", "Khu dân cư"), ("members", "Nhân khẩu"))),
    ("assessment", "Tự đánh giá", (("subject_name", "Đối tượng"), ("outcome", "Kết quả"), ("level", "Xếp loại"),
                                   ("assessed_on", "Ngày"))),
)


def _cell(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    if hasattr(value, "strftime"):
        return format_date(value)  # type: ignore[arg-type]
    return "" if value is None else str(value)


class CommuneRecordsDialog(QDialog):
    def __init__(self, context: AppContext, unit_code: str, unit_name: str, parent: QDialog | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dữ liệu của %1 (chỉ xem)").replace("%1", unit_name))
        self.resize(900, 600)
        tabs = QTabWidget()
        year = context.year
        for record_type, title, columns in TABS:
            query = ListQuery(origin_unit=unit_code, year=year if record_type == "assessment" else None)
            total = queries.count_rows(context.store, record_type, query)
            rows = queries.list_rows(context.store, record_type, query, limit=PAGE_SIZE)
            tabs.addTab(self._table(rows, columns), f"{self.tr(title)} ({format_int(total)})")
        note = QLabel(self.tr("Dữ liệu do xã lập và gửi lên; cấp trên chỉ xem, không sửa. "
                              "Hiển thị tối đa %1 dòng đầu mỗi danh sách.").replace("%1", format_int(PAGE_SIZE)))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _table(self, rows: list[dict[str, object]], columns: tuple[tuple[str, str], ...]) -> QTableWidget:
        table = QTableWidget(len(rows), len(columns))
        table.setHorizontalHeaderLabels([self.tr(title) for _, title in columns])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, (key, _) in enumerate(columns):
                table.setItem(r, c, QTableWidgetItem(_cell(row.get(key))))
        table.resizeColumnsToContents()
        return table
