"""Keys revoked here because an office reported the revocation up in its forward (issue 14, point 3).

The rows are written by services/merge/received_revocations.py; here they are read for what the
officer sees: the trust list's state ("thu hồi — do CUM-01 báo lên, ngày 03/12/2026") and the
refusal of a package signed by such a key, which says what the commune must do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.fronts import hint
from antq_desktop.domain.local_time import local_date_text
from antq_desktop.storage.models import ReceivedRevocation


@dataclass(frozen=True)
class Report:
    """Who reported a key's revocation, and when that office revoked it."""

    office_unit: str
    revoked_at: datetime


def reports(session: Session) -> dict[str, Report]:
    """Key id → the first office that reported its revocation."""
    rows = session.execute(select(ReceivedRevocation).order_by(ReceivedRevocation.id)).scalars()
    found: dict[str, Report] = {}
    for row in rows:
        found.setdefault(row.key_id, Report(row.office_unit, row.revoked_at))
    return found


def state_label(report: Report) -> str:
    return f"thu hồi — do {report.office_unit} báo lên, ngày {local_date_text(report.revoked_at)}"


def refusal(unit_code: str, report: Report) -> str:
    """The refusal of a package signed by a key an office revoked and reported: what the commune must do."""
    new_key = hint(gui="(trang Cài đặt → “Thiết lập lại đơn vị…” → tạo cặp khóa mới)",
                   cli="(“antq key rotate --new-enrolment”)")
    return (f"Gói được ký bằng khóa của đơn vị {unit_code} mà {report.office_unit} đã thu hồi ngày "
            f"{local_date_text(report.revoked_at)} và báo lên (máy bị mất hoặc lộ khóa): gói có thể do người giữ máy "
            f"bị mất làm ra. Không nhập gói này. Xã {unit_code} cần tạo khóa mới {new_key} và đăng ký khóa mới với "
            f"{report.office_unit}; dữ liệu của xã sẽ lên đây qua gói chuyển tiếp của {report.office_unit}.")
