"""Data packages out of this unit (export) and receipts for packages received."""

from antq_desktop.services.export.build import (
    KIND_LABELS,
    ExportError,
    ExportResult,
    export_package,
    history,
    suggested_file_name,
)
from antq_desktop.services.export.receipt import ReceiptCheck, ReceiptError, issue_receipt, verify_receipt

__all__ = [
    "KIND_LABELS", "ExportError", "ExportResult", "ReceiptCheck", "ReceiptError", "export_package", "history",
    "issue_receipt", "suggested_file_name", "verify_receipt",
]
