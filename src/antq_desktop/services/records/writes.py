"""Creating, changing and deleting records: the one write path the GUI, CLI and imports share."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import ConflictError, FieldError, NotFoundError, PermissionDenied, ValidationError
from antq_desktop.services.changes import WrittenCount, WrittenId, WrittenIds, WrittenRevision
from antq_desktop.services.records import duplicates, members
from antq_desktop.services.records import rules as record_rules
from antq_desktop.storage import audit
from antq_desktop.storage.canonical import to_json_value
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import reserve
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    SyncedRecord,
    UnitProfile,
    new_uuid,
    utcnow,
)

RECORD_TYPES = tuple(MODEL_BY_TYPE)


@dataclass(frozen=True)
class Changes:
    """What a service call changed, so the GUI can refresh just the affected views."""

    record_type: str
    ids: tuple[str, ...] = field(default_factory=tuple)
    kind: str = "updated"  # created | updated | deleted | restored


def model_for(record_type: str) -> type[SyncedRecord]:
    try:
        return MODEL_BY_TYPE[record_type]
    except KeyError:
        raise NotFoundError(f"Loại bản ghi không tồn tại: {record_type}.") from None


def next_change_seq(session: Session, count: int = 1) -> int:
    """Reserve `count` values of the store-wide change counter (locked until the transaction ends);
    returns the first."""
    return reserve(session, "change_seq", count)


def _own_unit(session: Session) -> str:
    profile = session.get(UnitProfile, 1)
    if profile is None:
        from antq_desktop.domain.errors import NotInitialisedError
        raise NotInitialisedError()
    return profile.unit_code


def _prepare(session: Session, record_type: str, rows: list[dict[str, Any]],
             exclude_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Validate, check references and uniqueness, derive keys — for one row or a whole batch."""
    unit_types = (record_rules.assessment_unit_types(session, rows) if record_type in ("assessment", "meeting")
                  else ["area"] * len(rows))
    prepared = [_validated(record_type, values, unit_type, index, len(rows))
                for index, (values, unit_type) in enumerate(zip(rows, unit_types, strict=True))]
    record_rules.check_references(session, prepared)
    if record_type in record_rules.ACTIVITY_TYPES:
        record_rules.check_same_unit(session, record_type, prepared, _own_unit(session))
    record_rules.check_unique(session, record_type, prepared, _own_unit(session), exclude_ids)
    duplicates.check_area_names(session, record_type, prepared, exclude_ids)
    for fields in prepared:
        fields.update(record_rules.derived_keys(record_type, fields))
    return prepared


def _validated(record_type: str, values: dict[str, Any], unit_type: str, index: int, total: int) -> dict[str, Any]:
    try:
        return record_rules.validate(record_type, values, unit_type=unit_type)
    except ValidationError as exc:
        if total == 1:
            raise
        # In a batch, say which row is wrong; an officer fixes the spreadsheet line by line.
        raise ValidationError([FieldError(e.field, f"Dòng {index + 1}: {e.message}") for e in exc.errors]) from exc


def create(store: Store, record_type: str, values: dict[str, Any], *, actor: str) -> WrittenId:
    """Validate and insert one record of this unit; returns its UUID (with `.changes`). Nothing is saved on error."""
    model = model_for(record_type)
    with store.session() as session:
        (fields,) = _prepare(session, record_type, [values])
        row = model(id=new_uuid(), origin_unit=_own_unit(session), revision=1,
                    change_seq=next_change_seq(session), **fields)
        session.add(row)
        session.flush()
        audit.append(session, actor=actor, action="create", record_type=record_type, record_id=row.id,
                     details=_public(model, fields))
        return WrittenId(record_type, row.id)


def _load_own(session: Session, record_type: str, record_id: str) -> SyncedRecord:
    row = session.get(model_for(record_type), record_id)
    if row is None:
        raise NotFoundError()
    if row.origin_unit != _own_unit(session):
        raise PermissionDenied("Bản ghi này do đơn vị khác lập; chỉ đơn vị đó mới được sửa hoặc xóa.")
    return row


def update(store: Store, record_type: str, record_id: str, changes: dict[str, Any], *, actor: str,
           expected_revision: int | None = None) -> WrittenRevision:
    """Apply changes to a live record; returns the new revision (with `.changes`). ConflictError on a stale edit."""
    with store.session() as session:
        row = _load_own(session, record_type, record_id)
        if row.deleted:
            raise NotFoundError("Bản ghi đã bị xóa; hãy khôi phục trước khi sửa.")
        if expected_revision is not None and row.revision != expected_revision:
            raise ConflictError()
        submitted = getattr(row, "status", None) == "submitted"  # only assessments have a status
        if record_type == "assessment" and submitted and changes.get("status") != "draft":
            raise PermissionDenied("Bản tự đánh giá đã nộp và bị khóa; hãy mở lại (tạo phiên bản mới) để sửa.")
        changed = _update_in_session(session, record_type, row, changes, actor)
        return WrittenRevision(record_type, record_id, row.revision, changed)


def delete(store: Store, record_type: str, record_id: str, *, actor: str) -> WrittenRevision:
    """Soft delete: the tombstone travels in packages so the upper office deletes it too."""
    return _set_deleted(store, record_type, record_id, True, actor=actor)


def restore(store: Store, record_type: str, record_id: str, *, actor: str) -> WrittenRevision:
    """Undo a delete (a new revision, so the restoration travels too)."""
    return _set_deleted(store, record_type, record_id, False, actor=actor)


def _set_deleted(store: Store, record_type: str, record_id: str, deleted: bool, *,
                 actor: str) -> WrittenRevision:
    with store.session() as session:
        row = _load_own(session, record_type, record_id)
        if row.deleted == deleted:
            return WrittenRevision(record_type, record_id, row.revision, 0)
        if deleted:
            reason = record_rules.blocking_children(session, record_type, record_id)
            if reason:
                raise PermissionDenied(reason)
            if record_type == "household":
                members.tombstone_members(session, record_id, actor, next_change_seq)
        else:
            _revalidate_restored(session, record_type, row)
        row.deleted = deleted
        row.revision += 1
        row.updated_at = utcnow()
        row.change_seq = next_change_seq(session)
        audit.append(session, actor=actor, action="delete" if deleted else "restore",
                     record_type=record_type, record_id=record_id, details={"revision": row.revision})
        return WrittenRevision(record_type, record_id, row.revision)


def _revalidate_restored(session: Session, record_type: str, row: SyncedRecord) -> None:
    """A restored record must not break a rule that other records now rely on (e.g. a second pledge)."""
    fields = {c.name: getattr(row, c.name) for c in row.__table__.columns}
    record_rules.check_references(session, [fields])
    record_rules.check_unique(session, record_type, [fields], row.origin_unit, {row.id})


def create_many(store: Store, record_type: str, rows: Iterable[dict[str, Any]], *, actor: str) -> WrittenIds:
    """Validate every row, then insert all in one transaction (all or nothing); one audit entry each."""
    with store.session() as session:
        return WrittenIds(record_type, insert_batch(session, record_type, list(rows), actor=actor))


def insert_batch(session: Session, record_type: str, rows: list[dict[str, Any]], *, actor: str,
                 ids: list[str] | None = None, stamps: list[datetime] | None = None) -> list[str]:
    """Bulk insert inside the caller's transaction, with the same validation as single entries.

    `ids` and `stamps` let a reproducible generator (demo data) fix UUIDs and timestamps.
    """
    model = model_for(record_type)
    unit = _own_unit(session)
    prepared = _prepare(session, record_type, rows)
    first_seq = next_change_seq(session, len(prepared)) if prepared else 0
    now = utcnow()
    for offset, fields in enumerate(prepared):
        stamp = stamps[offset] if stamps else now
        fields.update(id=ids[offset] if ids else new_uuid(), origin_unit=unit, revision=1, deleted=False,
                      created_at=stamp, updated_at=stamp, change_seq=first_seq + offset)
    if prepared:
        session.execute(insert(model), prepared)
        audit.append_many(session, [{"action": "create", "record_type": record_type, "record_id": f["id"],
                                     "details": _public(model, f)} for f in prepared], actor=actor)
    return [fields["id"] for fields in prepared]


def update_many(store: Store, record_type: str, record_ids: Iterable[str], changes: dict[str, Any], *,
                actor: str) -> WrittenCount:
    """The same change on many records (e.g. mark a batch of pledges as signed); all or nothing."""
    changed: list[str] = []
    with store.session() as session:
        for record_id in record_ids:
            row = _load_own(session, record_type, record_id)
            if not row.deleted and _update_in_session(session, record_type, row, changes, actor):
                changed.append(record_id)
    return WrittenCount(record_type, len(changed), changed)


def _update_in_session(session: Session, record_type: str, row: SyncedRecord, changes: dict[str, Any],
                       actor: str) -> int:
    """Validate the merged values and write a new revision; returns 1 if anything changed."""
    model = model_for(record_type)
    current = {c.name: getattr(row, c.name) for c in model.__table__.columns}
    if record_type == "assessment":
        current["answers"] = json.loads(current["answers"] or "{}")
    (fields,) = _prepare(session, record_type, [{**current, **changes}], {row.id})
    diff = {k: (to_json_value(current.get(k)), to_json_value(v)) for k, v in fields.items()
            if current.get(k) != v and k not in model.LOCAL_COLUMNS}
    if record_type == "assessment" and diff.keys() == {"answers"} and \
            json.loads(fields["answers"]) == current["answers"]:
        diff = {}
    if not diff:
        return 0
    for name, value in fields.items():
        setattr(row, name, value)
    row.revision += 1
    row.updated_at = utcnow()
    row.change_seq = next_change_seq(session)
    audit.append(session, actor=actor, action="update", record_type=record_type, record_id=row.id,
                 details={"revision": row.revision, "changes": diff})
    return 1


def get(store: Store, record_type: str, record_id: str) -> dict[str, Any]:
    """One record as a plain dict (never a live ORM object)."""
    model = model_for(record_type)
    with store.session_factory() as session:
        row = session.execute(select(model.__table__).where(model.id == record_id)).mappings().first()
        if row is None:
            raise NotFoundError()
        return dict(row)


def _public(model: type[SyncedRecord], fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k not in model.LOCAL_COLUMNS and k != "id"}
