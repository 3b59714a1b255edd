"""The producer's audit chain head across its packages: what the upper office can and cannot tell.

A package carries only the head of the producer's audit chain (`header.audit_head`, read before
the export), not the entries, so the office cannot prove that a new head descends from the one it
stored. Two things it can prove (see docs/merge.md, "Audit chain head"):

* every export appends its own audit entry (with the history row, in one transaction) after
  reading the head, so in honest use two packages of one producer never carry the same head:
  the head of an earlier merged package coming back means the entries written since that export
  were cut off (the last head is in `ProducerState`; earlier ones in the office's own `merge`
  audit entries, which record each merged package's head);
* every set-up store has at least its `init` entry, so the empty-chain head (GENESIS) means the
  whole log was emptied.

Both refuse the package. Neither can be produced by a restore from a backup, a key rotation or a
re-installation (those append entries), so refusing blocks no legitimate case.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.storage.audit import GENESIS
from antq_desktop.storage.models import AuditEntry, ProducerState

AUDIT_HEAD_REPEATED = "AUDIT_HEAD_REPEATED"
AUDIT_LOG_EMPTY = "AUDIT_LOG_EMPTY"
HEAD_LENGTH = 64  # ProducerState.last_audit_head; the app writes 64 hex digits
_APP_HEAD = re.compile(r"[0-9a-f]{64}")

_REPEATED = ("Nhật ký thao tác ở máy của {unit} đã bị cắt bớt: gói số {sequence} mang mã cuối nhật ký trùng với gói "
             "số {previous} đã nhập trước, nghĩa là các dòng nhật ký ghi từ lần xuất gói số {previous} (kể cả dòng ghi "
             "việc xuất gói đó) đã bị xóa. Gói không được nhập, dữ liệu ở đây không thay đổi; việc từ chối đã được ghi "
             "lại. Hãy báo ngay lãnh đạo đơn vị và đề nghị xã kiểm tra máy bằng lệnh “antq check” và "
             "“antq audit --expect-head {head}”, giải trình bằng văn bản, rồi xuất một gói mới.")
_EMPTY = ("Nhật ký thao tác ở máy của {unit} trống hoàn toàn (gói số {sequence}), trong khi máy nào đã thiết lập cũng "
          "có ít nhất một dòng nhật ký: nhật ký đã bị xóa hoặc dữ liệu đã bị làm lại không đúng quy trình. Gói không "
          "được nhập, dữ liệu ở đây không thay đổi; việc từ chối đã được ghi lại. Hãy báo ngay lãnh đạo đơn vị, đề "
          "nghị xã khôi phục dữ liệu từ bản sao lưu mã hóa gần nhất, rồi xuất một gói mới.")


def claimed_head(header: PackageHeader) -> str | None:
    """The head as the office stores it (an opaque value, cut to the column's length)."""
    return (header.audit_head or "")[:HEAD_LENGTH] or None


def check_audit_head(session: Session, header: PackageHeader, state: ProducerState | None) -> None:
    """Raise AUDIT_LOG_EMPTY or AUDIT_HEAD_REPEATED; call after the sequence checks passed."""
    head = claimed_head(header)
    if head is None:
        return  # the format allows no head; nothing to compare (the stored one is kept, see next_head)
    unit, sequence = header.producer.unit_name, header.sequence
    if head == GENESIS:
        raise PackageError(AUDIT_LOG_EMPTY, _EMPTY.format(unit=unit, sequence=sequence),
                           detail="audit_head is the empty-chain head")
    if state is not None and state.last_audit_head == head:
        previous: int | None = state.last_sequence
    else:
        previous = earlier_package_with(session, header.producer.unit_code, head)
    if previous is not None:
        message = _REPEATED.format(unit=unit, sequence=sequence, previous=previous, head=head[:16])
        raise PackageError(AUDIT_HEAD_REPEATED, message, detail=f"audit_head equals the head of package {previous}")


def earlier_package_with(session: Session, producer: str, head: str) -> int | None:
    """The sequence of an earlier merged package of `producer` that carried `head`, from this office's
    `merge` audit entries (only heads in the app's form are looked up: no LIKE wildcards get in)."""
    if not _APP_HEAD.fullmatch(head):
        return None
    stmt = select(AuditEntry.details).where(AuditEntry.action == "merge", AuditEntry.record_type == "package",
                                            AuditEntry.details.like(f'%"audit_head":"{head}"%'))
    for text in session.execute(stmt).scalars():
        details = json.loads(text)
        if details.get("producer") == producer and details.get("audit_head") == head:
            return int(details.get("sequence") or 0)
    return None


def next_head(header: PackageHeader, state: ProducerState | None) -> str | None:
    """What to store after a merge: a package without a head never erases the last known one."""
    return claimed_head(header) or (state.last_audit_head if state is not None else None)
