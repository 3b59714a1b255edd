"""Cấp trên: the communes overview — one row per commune against the year's targets, with drill-down."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from antq_desktop.domain import catalog as catalogs
from antq_desktop.services import office
from antq_desktop.services.office import CommuneRow
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import explain_load_failure
from antq_desktop.ui.formatting import format_date, format_int, format_percent

_MISSED = QBrush(QColor("#fde2e1"))
_LATE = QBrush(QColor("#fff4ce"))
_Index = QModelIndex | QPersistentModelIndex


class CommunesModel(QAbstractTableModel):
    """At most a few hundred communes: a plain list, reset on refresh."""

    FIXED = ("Mã", "Xã, phường", "Gói gần nhất", "Ngày nhận", "Tình trạng", "Khu dân cư", "Hộ gia đình")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CommuneRow] = []
        self.indicators: list[str] = []

    def set_rows(self, rows: list[CommuneRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        seen: dict[str, None] = {}
        for row in rows:
            for target in row.targets:
                seen.setdefault(target.indicator, None)
        self.indicators = list(seen)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIXED) + len(self.indicators)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role not in shown or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(self.FIXED):
            return self.tr(self.FIXED[section])
        indicator = self.indicators[section - len(self.FIXED)]
        labels = catalogs.load_indicators()
        return labels[indicator].label if indicator in labels else indicator

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _status(self, row: CommuneRow) -> str:
        if row.missing:
            return self.tr("Chưa gửi dữ liệu")
        return self.tr("Chậm gửi") if row.late else self.tr("Đúng hạn")

    def _text(self, row: CommuneRow, column: int) -> str:
        fixed = [row.unit_code, row.unit_name, f"#{row.last_sequence}" if row.last_sequence else "—",
                 format_date(row.last_received) if row.last_received else "—", self._status(row),
                 format_int(row.counts.get("residential_areas")) if row.counts else "—",
                 format_int(row.counts.get("households")) if row.counts else "—"]
        if column < len(fixed):
            return fixed[column]
        target = self._target(row, column)
        return format_percent(target.actual) if target and target.actual is not None else "—"

    def _target(self, row: CommuneRow, column: int):  # type: ignore[no-untyped-def]
        indicator = self.indicators[column - len(self.FIXED)]
        return next((t for t in row.targets if t.indicator == indicator), None)

    def _background(self, row: CommuneRow, column: int) -> QBrush | None:
        if column == 4 and (row.missing or row.late):
            return _MISSED if row.missing else _LATE
        if column >= len(self.FIXED):
            target = self._target(row, column)
            return _MISSED if target is not None and not target.met else None
        return None


class CommunesPage(QWidget):
    """Every commune this office expects or holds data for; double-click opens its records read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CommunesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._open_selected)
        self.summary = QLabel()
        refresh = QPushButton(self.tr("Làm mới"))
        refresh.clicked.connect(self.refresh)
        drill = QPushButton(self.tr("Xem dữ liệu của xã…"))
        drill.clicked.connect(self._open_selected)
        top = QHBoxLayout()
        title = self.tr("Tình hình các xã")
        top.addWidget(QLabel(f"<h2>{title}</h2>"))
        top.addStretch(1)
        top.addWidget(drill)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        context.events.changed.connect(lambda _changes: self.refresh())
        context.events.year_changed.connect(lambda _year: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.summary.setText(self.tr("Đang tính số liệu các xã…"))
        store, year = self.context.store, self.context.year
        job = self.context.jobs.start(lambda _p, _c: office.commune_rows(store, year=year),
                                      title=self.tr("Tình hình các xã"), parent=self, show_progress=False)
        job.succeeded.connect(self._show)
        job.failed.connect(self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        message = self.tr("Không tính được số liệu các xã: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, "
                          "hãy chạy “antq check” hoặc báo cán bộ kỹ thuật.")
        explain_load_failure(self.summary, exc, message, "Communes overview not computed")

    def _show(self, rows: list[CommuneRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        # Indicator names are long; the full name is in the header's tooltip.
        for column in range(len(self.model.FIXED), self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 170))
        missing = sum(r.missing for r in rows)
        late = sum(r.late and not r.missing for r in rows)
        missed = sum(bool(r.targets_missed) for r in rows)
        self.summary.setToolTip("")
        self.summary.setText(self.tr("%1 xã · %2 chưa gửi dữ liệu · %3 chậm gửi · %4 xã chưa đạt ít nhất một chỉ tiêu")
                             .replace("%1", format_int(len(rows))).replace("%2", format_int(missing))
                             .replace("%3", format_int(late)).replace("%4", format_int(missed)))

    def _open_selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.rows[rows[0].row()]
        from antq_desktop.ui.pages.commune_records_dialog import CommuneRecordsDialog

        dialog = CommuneRecordsDialog(self.context, row.unit_code, row.unit_name, self)
        dialog.exec()  # the records load on the worker thread while the dialog shows a busy bar
        dialog.deleteLater()
