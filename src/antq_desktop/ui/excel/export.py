"""The "Xuất Excel" action any table page can offer: ask where to save, write, say where it went.

Pages call `export_table(...)` with column titles and rows, `export_model(...)` with their table
model, or put `make_export_action(...)` in a toolbar. Large tables are written by the job runner
when an AppContext is given, so the window stays responsive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from antq_desktop.domain.errors import AntqError
from antq_desktop.services.excel import ExportCancelled, export_rows_to_xlsx
from antq_desktop.ui.formatting import format_int

__all__ = ["export_rows_to_xlsx", "export_table", "export_model", "export_record_model", "make_export_action",
           "suggested_file_name"]

TableProvider = Callable[[], tuple[Sequence[str], Iterable[Sequence[Any]]]]
_LAST_FOLDER_KEY = "excel/last_export_folder"



def suggested_file_name(title: str) -> str:
    """"Danh sách hộ gia đình" → "Danh sách hộ gia đình 21-11-2026.xlsx" (no characters Windows refuses)."""
    safe = re.sub(r'[<>:"/\\|?*]+', " ", title).strip() or "du-lieu"
    return f"{safe} {date.today():%d-%m-%Y}.xlsx"


def ask_export_path(parent: QWidget | None, title: str) -> str | None:
    folder = str(QSettings().value(_LAST_FOLDER_KEY, str(Path.home())))
    suggestion = str(Path(folder) / suggested_file_name(title))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExcelExport", "Xuất Excel"), suggestion,
                                          QCoreApplication.translate("ExcelExport", "Tệp Excel (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    QSettings().setValue(_LAST_FOLDER_KEY, str(Path(path).parent))
    return path


def _report_done(parent: QWidget | None, path: str, count: int) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("ExcelExport", "Đã xuất Excel"),
                            QCoreApplication.translate("ExcelExport", "Đã xuất %1 dòng ra tệp:\n%2")
                            .replace("%1", format_int(count)).replace("%2", path))


def _report_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, ExportCancelled):
        return
    unexpected = QCoreApplication.translate("ExcelExport", "Lỗi không mong đợi: %1").replace("%1", str(exc))
    message = exc.message if isinstance(exc, AntqError) else unexpected
    QMessageBox.warning(parent, QCoreApplication.translate("ExcelExport", "Chưa xuất được Excel"), message)


def export_table(parent: QWidget | None, title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                 path: str | None = None, context: Any = None, total: int | None = None) -> str | None:
    """Ask for a file (unless `path` is given) and write the table; returns the path or None."""
    path = path or ask_export_path(parent, title)
    if not path:
        return None
    if context is None:
        try:
            count = export_rows_to_xlsx(path, title, columns, rows, total=total)
        except AntqError as exc:
            _report_error(parent, exc)
            return None
        _report_done(parent, path, count)
        return path

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        return export_rows_to_xlsx(path, title, columns, rows, total=total, progress=progress,
                                   cancelled=cancel.is_set)

    job = context.jobs.start(work, title=QCoreApplication.translate("ExcelExport", "Đang xuất Excel…"), parent=parent,
                             writes=True)
    job.succeeded.connect(lambda count: _report_done(parent, path, int(count)))
    job.failed.connect(lambda exc: _report_error(parent, exc))
    return path


def model_table(model: QAbstractItemModel) -> tuple[list[str], list[list[Any]]]:
    """Header titles and display texts of every row (fetching lazily loaded rows first)."""
    root = QModelIndex()
    while model.canFetchMore(root):
        model.fetchMore(root)
    columns = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
               for c in range(model.columnCount(root))]
    rows = [[model.data(model.index(r, c, root), Qt.ItemDataRole.DisplayRole) for c in range(len(columns))]
            for r in range(model.rowCount(root))]
    return columns, rows


def export_model(parent: QWidget | None, title: str, model: QAbstractItemModel, *,
                 path: str | None = None) -> str | None:
    """What a page without its own query shows is what is exported."""
    columns, rows = model_table(model)
    return export_table(parent, title, columns, rows, path=path)


def record_model_table(model: Any, *, page_size: int = 2000) -> tuple[list[str], Iterable[list[str]], int]:
    """Every row matching a `RecordTableModel`'s query (not only the rows scrolled to), read page by
    page from `services.records` as the file is written, shown as the table shows them."""
    from antq_desktop.services import records

    columns = [QCoreApplication.translate("RecordPages", column.title) for column in model.columns]
    store, record_type, query = model.store, model.record_type, model.query
    total = records.count_rows(store, record_type, query)

    def rows() -> Iterable[list[str]]:
        offset = 0
        while True:
            page = records.list_rows(store, record_type, query, offset=offset, limit=page_size)
            if not page:
                return
            for row in page:
                yield [model.display(column, row) for column in model.columns]
            offset += len(page)

    return columns, rows(), total


def export_record_model(parent: QWidget | None, title: str, model: Any, *, context: Any = None,
                        path: str | None = None) -> str | None:
    """The "Xuất Excel" of a list page: all matching records, written in the background when a context
    is given (200,000 households take a while)."""
    columns, rows, total = record_model_table(model)
    return export_table(parent, title, columns, rows, path=path, context=context, total=total)


def make_export_action(parent: QWidget, title: str, provider: TableProvider, context: Any = None) -> QAction:
    """A "Xuất Excel" action (Ctrl+E) for a toolbar or context menu; `provider` returns (columns, rows)."""
    action = QAction(QCoreApplication.translate("ExcelExport", "Xuất Excel"), parent)
    action.setToolTip(QCoreApplication.translate("ExcelExport", "Lưu bảng đang xem thành tệp Excel (.xlsx)"))
    action.setShortcut("Ctrl+E")
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only on the page that owns it

    def run() -> None:
        columns, rows = provider()
        export_table(parent, title, columns, rows, context=context)

    action.triggered.connect(run)
    return action
