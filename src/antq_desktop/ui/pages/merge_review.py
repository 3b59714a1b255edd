"""The import page's boxes for what merges left to look at: packages held back ("Gói đang chờ") and
conflicts ("Xung đột dữ liệu": both versions side by side, field by field, and the two decisions)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.services import merge
from antq_desktop.ui.errors import show_error

HELD_COLUMNS = ("Đơn vị gửi", "Gói số", "Chờ gói số", "Giữ từ", "Tệp", "Việc cần làm")
CONFLICT_COLUMNS = ("Số", "Đơn vị gửi", "Loại bản ghi", "Phiên bản", "Ghi nhận lúc")
DIFF_COLUMNS = ("Trường", "Bản đang lưu", "Bản nhận được")


def _table(columns: tuple[str, ...], tr: Any) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for index, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(index, column, item)
    table.resizeColumnsToContents()


def _text(value: Any) -> str:
    if value is None:
        return "(trống)"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)


class HeldBox(QGroupBox):
    """Packages that arrived before an earlier one of the same unit (they merge by themselves later)."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = _table(HELD_COLUMNS, self.tr)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        rows = merge.held_packages(self.context.store)
        self.setTitle(self.tr("Gói đang chờ gói trước (%1)").replace("%1", str(len(rows))))
        _fill(self.table, [[f"{r.producer_unit} {r.producer_name}", f"#{r.sequence}", f"#{r.waiting_for}",
                            local_time_text(r.since), self._where(r),
                            r.hint] for r in rows])
        self.setVisible(bool(rows))

    def _where(self, row: merge.HeldRow) -> str:
        if row.in_database:
            return self.tr("Trong cơ sở dữ liệu")
        return row.file if row.file_present else self.tr("(không còn tệp)")


class ConflictsBox(QGroupBox):
    """Unresolved conflicts; the selected one's differing fields side by side, and the two decisions."""

    resolved = Signal(object)  # the Changes `merge.resolve_conflict` returned

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[merge.ConflictRow] = []
        self.table = _table(CONFLICT_COLUMNS, self.tr)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.diff = _table(DIFF_COLUMNS, self.tr)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.keep_stored = QPushButton(self.tr("Giữ bản đang lưu"))
        self.keep_stored.clicked.connect(lambda: self.resolve_selected("stored"))
        self.keep_incoming = QPushButton(self.tr("Dùng bản nhận được"))
        self.keep_incoming.clicked.connect(lambda: self.resolve_selected("incoming"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.keep_stored)
        buttons.addWidget(self.keep_incoming)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.diff, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = merge.list_conflicts(self.context.store)
        self.setTitle(self.tr("Xung đột dữ liệu chưa giải quyết (%1)").replace("%1", str(len(self.rows))))
        _fill(self.table, [[str(r.id), f"{r.producer_unit} {r.producer_name}", r.type_label, str(r.revision),
                            local_time_text(r.at)] for r in self.rows])
        self.setVisible(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> merge.ConflictRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def _show_selected(self) -> None:
        row = self.selected()
        _fill(self.diff, [[d.label, _text(d.stored), _text(d.incoming)] for d in row.differences] if row else [])
        can = row is not None and self.context.can_write
        self.keep_stored.setEnabled(can)
        self.keep_incoming.setEnabled(can and row is not None and not row.stale)
        if row is None:
            self.note.setText("")
        elif row.stale:
            self.note.setText(self.tr("Bản ghi đã được xã cập nhật sau xung đột này: chỉ còn giữ bản đang lưu."))
        else:
            self.note.setText(self.tr("Cùng một bản ghi, cùng phiên bản nhưng nội dung khác (thường do xã khôi phục "
                                      "bản sao lưu cũ rồi sửa). Hỏi lại xã bản nào đúng rồi chọn."))

    def resolve_selected(self, keep: str) -> None:
        row = self.selected()
        if row is None:
            return
        if keep == "incoming":
            answer = QMessageBox.question(self, self.tr("Dùng bản nhận được"), self.tr(
                "Nội dung đang lưu của bản ghi này sẽ được thay bằng bản nhận được từ xã. Tiếp tục?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            done = merge.resolve_conflict(self.context.store, row.id, keep, actor=self.context.user.username)
        except AntqError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.resolved.emit(done.changes)
