"""Conflicts an upper office recorded while merging (same record, same revision, other content: the
stored copy was kept), shown side by side and resolved by the officer (`antq conflicts`, the import
page's "Xung đột dữ liệu", the dashboard's to-do list).

Resolving at the office (docs/merge.md): "keep stored" only marks the conflict resolved. "Keep
incoming" writes the incoming content as the stored record AT THE SAME REVISION (the record is the
commune's, signed by the commune: the office may not invent a newer revision of it), in one
transaction with the mark and an audit entry. The commune's next edit (a higher revision) still wins
everywhere; a forward carries the commune's own signed package, so the province decides the same way.
Keeping incoming is refused when the stored record changed since (its revision is no longer the
conflict's): that conflict is stale, keep stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from antq_desktop.domain import units
from antq_desktop.domain.errors import AntqError, NotFoundError
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.exchange.errors import PackageError
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.merge.apply import check_end_state
from antq_desktop.services.merge.incoming import check_shape, validated_rows
from antq_desktop.services.records.rules import derived_keys
from antq_desktop.services.records.writes import next_change_seq
from antq_desktop.storage import audit
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import MODEL_BY_TYPE, KnownKey, MergeConflict, utcnow

KEEP = ("stored", "incoming")
_BOOKKEEPING = ("type", "id", "origin_unit", "created_at", "updated_at", "revision")

TYPE_LABELS = {"residential_area": "Khu dân cư", "organization": "Cơ quan, doanh nghiệp, trường học",
               "household": "Hộ gia đình", "pledge": "Bản cam kết", "registration": "Đăng ký",
               "assessment": "Tự đánh giá", "plan": "Kế hoạch", "plan_target": "Chỉ tiêu"}
FIELD_LABELS = {
    "name": "Tên", "kind": "Loại", "head_name": "Người đứng đầu / chủ hộ", "head_phone": "Điện thoại người đứng đầu",
    "households_declared": "Số hộ khai báo", "population": "Số nhân khẩu", "address": "Địa chỉ", "note": "Ghi chú",
    "org_type": "Loại hình", "in_scope": "Thuộc diện xây dựng tiêu chuẩn", "area_id": "Khu dân cư",
    "phone": "Điện thoại", "staff_count": "Số cán bộ, nhân viên", "citizen_id": "Số định danh cá nhân",
    "members": "Số nhân khẩu", "signer_kind": "Bên ký", "household_id": "Hộ gia đình",
    "organization_id": "Cơ quan, doanh nghiệp, trường học", "person_name": "Người ký", "template_code": "Mẫu",
    "year": "Năm", "signed_on": "Ngày ký", "status": "Trạng thái", "subject_kind": "Đối tượng",
    "registered_on": "Ngày đăng ký", "catalog_code": "Bộ tiêu chí", "catalog_version": "Phiên bản bộ tiêu chí",
    "answers": "Kết quả từng tiêu chí", "outcome": "Kết quả", "score": "Điểm", "level": "Xếp loại",
    "assessor": "Người đánh giá", "assessed_on": "Ngày đánh giá", "title": "Tiêu đề", "document_ref": "Căn cứ",
    "issued_on": "Ngày ban hành", "plan_id": "Kế hoạch", "indicator": "Chỉ tiêu", "comparator": "So sánh",
    "threshold": "Mức yêu cầu", "deleted": "Đã xóa",
}


class ConflictError(AntqError):
    """A resolution that cannot be made (unknown id, already resolved, stale, invalid content)."""


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    stored: Any
    incoming: Any


@dataclass(frozen=True)
class ConflictRow:
    id: int
    at: datetime
    producer_unit: str
    producer_name: str
    record_type: str
    type_label: str
    record_id: str
    revision: int
    package_id: str
    stored_revision: int | None  # the record's revision now (None: no longer stored)
    differences: tuple[FieldDiff, ...]
    resolved_at: datetime | None
    changes: Changes = field(default=NO_CHANGES, compare=False)  # set by `resolve`

    @property
    def stale(self) -> bool:
        return self.stored_revision != self.revision


def _name(code: str, known: dict[str, str]) -> str:
    commune = units.find_commune(code) if code.isdigit() else None
    return commune.name if commune else known.get(code, code)


def _stored(session: Session, conflict: MergeConflict) -> dict[str, Any] | None:
    model = MODEL_BY_TYPE[conflict.record_type]
    row = session.execute(select(model.__table__).where(model.__table__.c.id == conflict.record_id)).mappings().first()
    return canonical_record(model, dict(row)) if row is not None else None


def differences(stored: dict[str, Any] | None, incoming: dict[str, Any]) -> tuple[FieldDiff, ...]:
    """The fields whose values differ, labelled in Vietnamese (bookkeeping fields left out)."""
    stored = stored or {}
    return tuple(FieldDiff(key, FIELD_LABELS.get(key, key), stored.get(key), incoming.get(key))
                 for key in sorted(set(stored) | set(incoming))
                 if key not in _BOOKKEEPING and stored.get(key) != incoming.get(key))


def _row(session: Session, conflict: MergeConflict, known: dict[str, str]) -> ConflictRow:
    stored = _stored(session, conflict)
    incoming = json.loads(conflict.incoming_record)
    return ConflictRow(conflict.id, conflict.at, conflict.producer_unit, _name(conflict.producer_unit, known),
                       conflict.record_type, TYPE_LABELS.get(conflict.record_type, conflict.record_type),
                       conflict.record_id, conflict.revision, conflict.package_uuid,
                       stored["revision"] if stored else None, differences(stored, incoming), conflict.resolved_at)


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictRow]:
    """Unresolved conflicts (or all), oldest first."""
    with store.read_session() as session:
        stmt = select(MergeConflict).order_by(MergeConflict.id)
        if not include_resolved:
            stmt = stmt.where(MergeConflict.resolved_at.is_(None))
        known = dict(session.execute(select(KnownKey.unit_code, KnownKey.unit_name)).all())
        return [_row(session, c, known) for c in session.execute(stmt).scalars()]


def unresolved_count(store: Store) -> int:
    from sqlalchemy import func

    with store.read_session() as session:
        return int(session.execute(select(func.count()).select_from(MergeConflict)
                                   .where(MergeConflict.resolved_at.is_(None))).scalar() or 0)


def resolve(store: Store, conflict_id: int, keep: str, *, actor: str) -> ConflictRow:
    """Keep the stored copy or write the incoming one (same revision), mark resolved, audit; one transaction."""
    if keep not in KEEP:
        raise ConflictError(f"Cách giải quyết không hợp lệ: {keep}. Chọn giữ bản đang lưu hoặc bản nhận được.")
    with store.session() as session:
        conflict = session.get(MergeConflict, conflict_id, with_for_update=True)
        if conflict is None:
            raise NotFoundError(f"Không có xung đột số {conflict_id}. Hãy xem danh sách xung đột rồi chọn lại.")
        if conflict.resolved_at is not None:
            raise ConflictError(f"Xung đột số {conflict_id} đã được giải quyết lúc "
                                f"{local_time_text(conflict.resolved_at)}; không cần làm gì thêm.")
        if keep == "incoming":
            _write_incoming(session, conflict)
        conflict.resolved_at = utcnow()
        audit.append(session, actor=actor, action="conflict_resolve", record_type=conflict.record_type,
                     record_id=conflict.record_id,
                     details={"conflict": conflict.id, "keep": keep, "revision": conflict.revision,
                              "producer": conflict.producer_unit, "package": conflict.package_uuid,
                              "incoming_sha256": conflict.incoming_sha256, "stored_sha256": conflict.stored_sha256})
        session.flush()
        known = dict(session.execute(select(KnownKey.unit_code, KnownKey.unit_name)).all())
        # Keeping the stored copy writes no record, but the record is no longer in conflict: its views
        # and the dashboard's count of unresolved conflicts redraw either way.
        return replace(_row(session, conflict, known),
                       changes=Changes.records(conflict.record_type, ids=[conflict.record_id]))


def _write_incoming(session: Session, conflict: MergeConflict) -> None:
    """The incoming content replaces the stored record at the conflict's revision, checked like a merge."""
    model = MODEL_BY_TYPE[conflict.record_type]
    stored = _stored(session, conflict)
    if stored is None or stored["revision"] != conflict.revision:
        raise ConflictError(f"Bản ghi đã thay đổi sau xung đột số {conflict.id} (nay là phiên bản "
                            f"{stored['revision'] if stored else '—'}): bản nhận được đã cũ. Hãy chọn giữ bản đang "
                            "lưu.")
    incoming = json.loads(conflict.incoming_record)
    try:
        meta = check_shape(incoming, conflict.producer_unit)
        (row,) = validated_rows(session, conflict.record_type, [incoming], [meta])
    except PackageError as exc:
        raise ConflictError(f"Bản nhận được không hợp lệ, không thể dùng: {exc.message_vi}") from None
    row.update(derived_keys(conflict.record_type, row))
    row["change_seq"] = next_change_seq(session)  # the office's lists and its next forward see the change
    session.execute(update(model).where(model.id == conflict.record_id).values(
        **{k: v for k, v in row.items() if k != "id"}))
    try:
        check_end_state(session, conflict.producer_unit, {conflict.record_type})
    except PackageError as exc:
        raise ConflictError(f"Không thể dùng bản nhận được: {exc.message_vi}") from None


def as_dict(row: ConflictRow) -> dict[str, Any]:
    return {"id": row.id, "at": row.at.isoformat(), "producer": row.producer_unit, "producer_name": row.producer_name,
            "record_type": row.record_type, "record_id": row.record_id, "revision": row.revision,
            "stored_revision": row.stored_revision, "package_id": row.package_id, "stale": row.stale,
            "resolved_at": row.resolved_at.isoformat() if row.resolved_at else None,
            "differences": [{"field": d.field, "label": d.label, "stored": d.stored, "incoming": d.incoming}
                            for d in row.differences]}
