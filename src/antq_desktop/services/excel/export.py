"""Export any table (column titles + rows) to .xlsx; streaming, so 200,000 rows stay within memory."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from antq_desktop.domain.errors import AntqError
from antq_desktop.xlsx_cells import force_text, safe_cell_value

Progress = Callable[[float, str], None]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")


class ExportError(AntqError):
    """Không ghi được tệp Excel. Hãy đóng tệp nếu đang mở trong Excel, chọn thư mục khác rồi thử lại."""


class ExportCancelled(AntqError):
    """Đã hủy xuất Excel; không có tệp nào được tạo."""


def sheet_title(title: str) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name."""
    return (_SHEET_FORBIDDEN.sub(" ", title).strip() or "Dữ liệu")[:31]


def _cell_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (int, float, str, date, datetime)) or value is None:
        return value
    return str(value)


def export_rows_to_xlsx(path: str | os.PathLike[str], title: str, columns: Sequence[str],
                        rows: Iterable[Sequence[Any]], *, total: int | None = None,
                        progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """Write a title line, a bold header and the rows; dates as dd/mm/yyyy cells. Returns the row count.

    The file is written to a temporary name first and renamed, so a failed or cancelled export
    never leaves half a workbook under the chosen name.
    """
    target = Path(path)
    temporary = target.with_name(target.name + ".part")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A3"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(50, len(column) + 6))
    heading = force_text(WriteOnlyCell(sheet, value=title))
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    sheet.append([_header_cell(sheet, column) for column in columns])
    count = 0
    for row in rows:
        sheet.append([_data_cell(sheet, value) for value in row])
        count += 1
        if count % 5000 == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(count / total if total else 0.0, f"Đã ghi {count:,} dòng…".replace(",", "."))
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"Không ghi được tệp “{target.name}”: {exc.strerror or exc}. Hãy đóng tệp nếu đang "
                          "mở trong Excel, hoặc chọn thư mục khác rồi thử lại.") from exc
    return count


def _header_cell(sheet: Any, text: str) -> Cell:
    cell = force_text(WriteOnlyCell(sheet, value=text))
    cell.font = Font(bold=True)
    cell.fill = _HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    return cell


def _data_cell(sheet: Any, value: Any) -> Any:
    value = _cell_value(value)
    if isinstance(value, (date, datetime)):
        cell = WriteOnlyCell(sheet)
        cell.value = value  # set apart: the stub of WriteOnlyCell(value=) omits date, Cell.value takes it
        cell.number_format = "dd/mm/yyyy"
        return cell
    return safe_cell_value(sheet, value)  # a name like "=HYPERLINK(…)" stays text, never a formula
