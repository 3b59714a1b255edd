"""Text written to .xlsx stays text: the one rule every workbook writer uses (formula injection).

Names, user names and notes come from commune packages, Excel imports and even failed sign-ins, so a
value like ``=HYPERLINK("http://x","bấm")`` must not become a live formula in an office's export.
openpyxl turns any str that starts with ``=`` into a formula (and ``#N/A`` into an error value).
Instead of prefixing an apostrophe (which would change the saved value), such a cell is written as a
plain string cell with Excel's own "quote prefix" flag — what Excel stores when someone types
``'=...`` — so the file holds exactly the text the user saw, and editing the cell in Excel keeps it
text. Numbers (negative ones too), dates and None pass through unchanged.

Lives at the package top (not in ``reports`` or ``services``) because both layers write workbooks and
importing ``antq_desktop.reports`` would pull ReportLab into every export.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell

# OWASP "CSV injection": characters a spreadsheet may read as the start of a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def needs_text_guard(value: object) -> bool:
    """True for a str that a spreadsheet could read as a formula or an error value."""
    return isinstance(value, str) and (value.startswith(FORMULA_TRIGGERS) or value in ERROR_CODES)


def force_text(cell: Cell) -> Cell:
    """After ``cell.value = ...``: keep a risky str as a string cell (no ``<f>``, no apostrophe added)."""
    if needs_text_guard(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_cell_value(sheet: Any, value: Any) -> Any:
    """The value for ``sheet.append``: unchanged, or a string cell when it is risky text.

    Works for write-only and normal worksheets (openpyxl's append accepts a Cell in both).
    """
    if not needs_text_guard(value):
        return value
    return force_text(WriteOnlyCell(sheet, value=value))


def safe_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A whole row for ``sheet.append``, every risky str guarded."""
    return [safe_cell_value(sheet, value) for value in values]


def set_text_safe(cell: Cell, value: Any) -> Cell:
    """For writers that address cells directly (``ws.cell(r, c)``)."""
    cell.value = value
    return force_text(cell)
