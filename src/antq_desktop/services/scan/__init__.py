"""Signed pledge sheets back into the store: the code printed on each prefilled sheet, and what a
scan of it does (one pledge record per sheet, or a reason it was not taken).

Front of the feature: ui/, cli/ and the forms call only what is listed in __all__.
"""

from __future__ import annotations

from antq_desktop.services.scan.codes import (
    KEY_SETTING,
    PREFIX,
    SheetCode,
    is_genuine,
    make_code,
    parse_code,
    sheet_coder,
    sheet_key,
)
from antq_desktop.services.scan.recording import TAKEN, Outcome, ScanResult, record_scan

__all__ = ["KEY_SETTING", "PREFIX", "TAKEN", "Outcome", "ScanResult", "SheetCode", "is_genuine", "make_code",
           "parse_code", "record_scan", "sheet_coder", "sheet_key"]

