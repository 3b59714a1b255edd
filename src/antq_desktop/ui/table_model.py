"""A table model over `records.list_rows`: rows arrive in pages as the officer scrolls.

No proxy model: searching and sorting 200,000 households in a QSortFilterProxyModel takes seconds,
so the query (search, filters, order) goes to SQL and the model only holds what was scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from antq_desktop.services import records
from antq_desktop.services.records import ListQuery
from antq_desktop.storage.db import Store

Index = QModelIndex | QPersistentModelIndex


def format_count(value: int | None) -> str:
    """Vietnamese thousands separator: 200000 → "200.000"."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def format_day(value: date | datetime | str | None) -> str:
    """dd/MM/yyyy; SQLite may hand dates back as ISO text."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Column:
    key: str  # key of the row dict
    title: str  # Vietnamese source text, translated in context "RecordPages"
    sort: str | None = None  # ListQuery.order_by for a header click; None = not sortable
    show: Callable[[dict[str, Any]], str] | None = None
    numeric: bool = False
    width: int = 160


class RecordTableModel(QAbstractTableModel):
    PAGE_SIZE = 500

    def __init__(self, store: Store, record_type: str, columns: list[Column], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.store, self.record_type, self.columns = store, record_type, columns
        self.query = ListQuery()
        self.rows: list[dict[str, Any]] = []
        self.total = 0

    # ---- loading ----

    MAX_FETCH = 5000

    def set_query(self, query: ListQuery) -> None:
        """Run a new query: count the matches, load the first page."""
        self.query = query
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Re-run the query; `keep_loaded` reloads as many rows as were loaded (after an edit, so the
        officer's place in a long list is kept)."""
        limit = min(max(self.PAGE_SIZE, len(self.rows)), self.MAX_FETCH * 4) if keep_loaded else self.PAGE_SIZE
        self.beginResetModel()
        self.rows = records.list_rows(self.store, self.record_type, self.query, limit=limit)
        # A page that is not full is the whole answer: a narrow search (the slow case of the count,
        # which scans every key) then costs one query per keystroke instead of two.
        full_page = len(self.rows) == limit
        self.total = records.count_rows(self.store, self.record_type, self.query) if full_page else len(self.rows)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 — Qt's default argument
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        # Lists in name order continue after the last row through the sort index; other orders skip
        # rows with OFFSET, which costs more the deeper it goes: bigger pages further down keep
        # reaching row 100,000 to a few dozen queries.
        size = min(self.MAX_FETCH, max(self.PAGE_SIZE, len(self.rows) // 4))
        more = records.list_rows(self.store, self.record_type, self.query, offset=len(self.rows), limit=size,
                                 after=self.rows[-1] if self.rows else None)
        if not more:
            self.total = len(self.rows)  # rows vanished meanwhile; stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: ORDER BY in SQL; a column without a sort key falls back to the default order."""
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        self.set_query(replace(self.query, order_by=key, descending=order == Qt.SortOrder.DescendingOrder))

    # ---- Qt model ----

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, row = self.columns[index.column()], self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip: a narrow column's whole text
            return self.display(column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        return None

    @staticmethod
    def display(column: Column, row: dict[str, Any]) -> str:
        if column.show is not None:
            return column.show(row)
        value = row.get(column.key)
        if isinstance(value, bool):
            return "✓" if value else ""
        if isinstance(value, int):
            return format_count(value)
        if isinstance(value, date):
            return format_day(value)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RecordPages", self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return format_count(section + 1)
        return None

    # ---- helpers for pages ----

    def row_at(self, row: int) -> dict[str, Any]:
        return self.rows[row]

    def row_of(self, record_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.get("id") == record_id), None)
