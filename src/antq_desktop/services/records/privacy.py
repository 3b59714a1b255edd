"""Personal data protection (Law 91/2025/QH15): masking, who may see ID numbers, data retention.

Retention is a soft delete through the records service on purpose: the tombstones travel in the
next package, so the upper office deletes the same records, and every deletion is in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.domain.local_time import local_date_text
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import MODEL_BY_TYPE, UnitProfile, utcnow

# Record types holding personal data, children before parents (a household with live pledges
# cannot be deleted, so its pledges go first).
PURGE_TYPES = ("pledge", "household")
PURGE_LABELS = {"pledge": "bản cam kết", "household": "hộ gia đình"}
MIN_YEARS, MAX_YEARS = 1, 100


def mask_citizen_id(value: str | None) -> str:
    """Show only the last 4 digits: "001203004567" -> "********4567". Short values are fully masked."""
    if not value:
        return ""
    text = str(value).strip()
    if len(text) <= 4:
        return "*" * len(text)
    return "*" * (len(text) - 4) + text[-4:]


def can_view_citizen_id(user: UserInfo | None) -> bool:
    """Admins and officers work with ID numbers; read-only accounts see them masked."""
    return user is not None and user.role in ("admin", "officer")


def shown_citizen_id(value: str | None, user: UserInfo | None) -> str:
    """What a list or a form shows to this user."""
    return (value or "") if can_view_citizen_id(user) else mask_citizen_id(value)


@dataclass
class PurgeResult:
    cutoff: datetime
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)  # purged (or would be) per record type
    skipped: dict[str, int] = field(default_factory=dict)  # old but still needed by newer records

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        verb = "Sẽ xóa" if self.dry_run else "Đã xóa"
        parts = [f"{self.counts.get(t, 0)} {PURGE_LABELS[t]}" for t in PURGE_TYPES]
        text = f"{verb} (đánh dấu xóa) {', '.join(parts)} không thay đổi từ trước {local_date_text(self.cutoff)}."
        kept = sum(self.skipped.values())
        if kept:
            text += f" Giữ lại {kept} bản ghi vì còn bản ghi mới hơn liên quan."
        return text


def cutoff_for(years: int, now: datetime | None = None) -> datetime:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(f"Số năm lưu trữ phải từ {MIN_YEARS} đến {MAX_YEARS}.", "years")
    now = now or utcnow()
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def _candidates(store: Store, record_type: str, cutoff: datetime) -> list[str]:
    """Own unit's live records not changed since the cutoff (other units' records are theirs to purge)."""
    model = MODEL_BY_TYPE[record_type]
    with store.session_factory() as session:
        unit = session.get(UnitProfile, 1)
        if unit is None:
            return []
        query = select(model.id).where(model.deleted.is_(False), model.updated_at < cutoff,
                                       model.origin_unit == unit.unit_code).order_by(model.id)
        return list(session.execute(query).scalars())


def purge_older_than(store: Store, *, years: int, actor: str, dry_run: bool = False,
                     now: datetime | None = None) -> PurgeResult:
    """Tombstone personal-data records unchanged for `years` years; `dry_run` only counts.

    A dry run counts every candidate; the real run may keep a few (e.g. an old household whose
    pledge was renewed recently) and reports them as skipped.
    """
    result = PurgeResult(cutoff_for(years, now), dry_run)
    for record_type in PURGE_TYPES:
        ids = _candidates(store, record_type, result.cutoff)
        if dry_run:
            result.counts[record_type] = len(ids)
            continue
        done = kept = 0
        for record_id in ids:
            try:
                records.delete(store, record_type, record_id, actor=actor)
                done += 1
            except AntqError:
                kept += 1
        result.counts[record_type], result.skipped[record_type] = done, kept
    return result


def record_citizen_id_reveal(store: Store, *, user: UserInfo, where: str) -> None:
    """Showing unmasked ID numbers is a personal-data access: allowed roles only, and audited."""
    from antq_desktop.domain.errors import PermissionDenied
    from antq_desktop.storage import audit

    if not can_view_citizen_id(user):
        raise PermissionDenied("Tài khoản chỉ xem không được xem đầy đủ số định danh.")
    with store.session() as session:
        audit.append(session, actor=user.username, action="reveal_citizen_ids", details={"where": where})
