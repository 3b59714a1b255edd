"""Excel: rows out to .xlsx, rows in from a sheet (preview, then import the valid ones)."""

from antq_desktop.services.excel.export import ExportCancelled, export_rows_to_xlsx
from antq_desktop.services.excel.import_rows import (
    FIELDS,
    ImportField,
    PreviewRow,
    Sheet,
    cell_text,
    guess_mapping,
    import_valid_rows,
    preview,
    read_sheet,
    sheet_names,
)

__all__ = [
    "FIELDS", "ExportCancelled", "ImportField", "PreviewRow", "Sheet", "cell_text", "export_rows_to_xlsx",
    "guess_mapping", "import_valid_rows", "preview", "read_sheet", "sheet_names",
]
