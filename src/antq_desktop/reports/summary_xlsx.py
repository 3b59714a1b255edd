"""The upper-office roll-up as an Excel workbook (openpyxl), for offices that merge sheets."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from antq_desktop.reports.batch import atomic_output
from antq_desktop.reports.form_data import SummaryData, SummaryRow
from antq_desktop.reports.forms.summary import (
    ACTIVITIES_NOTE,
    HEADER,
    MISSING_NOTE,
    NO_DATA_NOTE,
    has_no_data,
    missing_communes,
    summary_totals,
)
from antq_desktop.reports.text import fill, nfc
from antq_desktop.xlsx_cells import safe_row

_FONT = "Times New Roman"  # Excel on the clerks' machines has it; the PDF uses the metric clone
_WIDTHS = (6, 32, 12, 14, 14, 14, 14, 14, 14, 16, 12, 20, 16, 16)
_PERCENT_COLUMNS = {i for i, label in enumerate(HEADER, 1) if label.endswith("(%)")}
_DATE_COLUMN = HEADER.index("Gói dữ liệu gần nhất") + 1
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _frac(value: float | None) -> float | str:
    """Excel percentages are fractions shown with the '0.0%' format; "-" (as in the PDF, explained
    under the table) when there is nothing to measure yet."""
    return "-" if value is None else value / 100


def _values(no: object, r: SummaryRow) -> list[object]:
    return [
        no,
        nfc(r.commune),
        r.areas,
        _frac(r.registered_pct),
        _frac(r.recognised_pct),
        _frac(r.classified_good_pct),
        _frac(r.pledge_coverage_pct),
        r.models,
        r.festivals,
        _frac(r.briefed_pct),
        r.commendations,
        _frac(r.teams_completed_pct),
        r.last_package,
        MISSING_NOTE if r.missing_targets else None,
    ]


def _write_title(ws, data: SummaryData) -> None:
    for line in (data.parent_body, data.issuing_body, data.title, fill(data.subject, year=data.year)):
        ws.append(safe_row(ws, [nfc(line)]))
    for row in range(1, 5):
        ws.cell(row, 1).font = Font(name=_FONT, size=13, bold=row != 1)
    ws.append([])


def _style_row(ws, row: int, bold: bool = False) -> None:
    for col in range(1, len(HEADER) + 1):
        c = ws.cell(row, col)
        c.font = Font(name=_FONT, size=12, bold=bold)
        c.border = _BOX
        if col in _PERCENT_COLUMNS:
            c.number_format = "0.0%"
        elif col == _DATE_COLUMN:
            c.number_format = "DD/MM/YYYY"
        if col != 2:
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def print_setup(ws, header_row: int, last_row: int, columns: int) -> None:
    """A4 landscape, one page wide, header row repeated on every printed page, and a filter on the table."""
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def write_summary_xlsx(output: Path, data: SummaryData) -> Path:
    """Write the roll-up (rows, totals, communes missing targets) to ``output`` atomically."""
    wb = Workbook()
    ws = wb.worksheets[0]  # the new workbook's only sheet (wb.active is typed as possibly None)
    ws.title = "Tổng hợp"
    _write_title(ws, data)
    ws.append(safe_row(ws, HEADER))
    header_row = ws.max_row
    _style_row(ws, header_row, bold=True)
    for i, r in enumerate(data.rows, 1):
        ws.append(safe_row(ws, _values(i, r)))  # commune names come from key files
        _style_row(ws, ws.max_row)
    last_commune = ws.max_row
    ws.append(safe_row(ws, _values(None, summary_totals(data.rows))))
    _style_row(ws, ws.max_row, bold=True)
    print_setup(ws, header_row, last_commune, len(HEADER))  # the filter leaves the totals row out
    missing = missing_communes(data.rows)
    if missing:
        ws.append([])
        ws.append(safe_row(ws, [f"Đơn vị chưa đạt chỉ tiêu ({len(missing)}): {', '.join(missing)}."]))
    if has_no_data(data.rows):
        ws.append(safe_row(ws, [NO_DATA_NOTE]))
    ws.append(safe_row(ws, [ACTIVITIES_NOTE]))
    for col, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"C{header_row + 1}"  # rows above and columns A–B stay in view
    with atomic_output(Path(output)) as tmp:
        wb.save(tmp)
    return Path(output)
