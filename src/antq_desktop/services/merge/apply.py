"""Writing one package's records inside its transaction, and the checks on the end state.

Writes go in batches (executemany upserts); the caller commits only after the package's
iterator ended cleanly and `check_end_state` passed, so a package lands whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, func, insert, select
from sqlalchemy.orm import Session, aliased

from antq_desktop.exchange.errors import VALIDATION_ERROR
from antq_desktop.services.merge.incoming import CHUNK, Batch, check_references, refuse
from antq_desktop.services.records.rules import ACTIVITY_LINKS, PARENT_LABELS, UNIQUE_KEYS
from antq_desktop.services.records.writes import next_change_seq
from antq_desktop.storage.canonical import canonical_json, canonical_record
from antq_desktop.storage.id_match import ids_in
from antq_desktop.storage.locks import give_back
from antq_desktop.storage.models import MODEL_BY_TYPE, MergeConflict, SyncedRecord, utcnow
from antq_desktop.storage.upsert import insert_if_all_new, may_insert_all_new, write_merged

# (child type, column, parent type, label): a live child must point at a live parent.
_LINKS = (
    ("organization", "area_id", "residential_area", "khu dân cư"),
    ("household", "area_id", "residential_area", "khu dân cư"),
    ("pledge", "household_id", "household", "hộ gia đình"),
    ("pledge", "organization_id", "organization", "cơ quan, doanh nghiệp, trường học"),
    ("registration", "area_id", "residential_area", "khu dân cư"),
    ("registration", "organization_id", "organization", "cơ quan, doanh nghiệp, trường học"),
    ("assessment", "area_id", "residential_area", "khu dân cư"),
    ("assessment", "organization_id", "organization", "cơ quan, doanh nghiệp, trường học"),
    ("plan_target", "plan_id", "plan", "kế hoạch"),
    ("household_member", "household_id", "household", "hộ gia đình"),
    ("meeting", "area_id", "residential_area", "khu dân cư"),
    ("meeting", "organization_id", "organization", "cơ quan, doanh nghiệp, trường học"),
    *((child, column, parent, PARENT_LABELS[parent]) for child, column, parent, _ in ACTIVITY_LINKS),
)
_UNIQUE_LABELS = {"pledge": "bản cam kết", "registration": "đăng ký", "assessment": "bản tự đánh giá",
                  "meeting": "biên bản họp cùng loại", "security_team_rating": "kết quả xếp loại"}


def write_batch(session: Session, batch: Batch, *, package_uuid: str, producer: str) -> None:
    """Upsert the newer rows (with fresh change numbers) and record the conflicts."""
    model = MODEL_BY_TYPE[batch.record_type]
    if batch.to_write:
        # A block of the store-wide counter: upper-office lists and later forwarding see the change.
        first = next_change_seq(session, len(batch.to_write))
        for offset, row in enumerate(batch.to_write):
            row["change_seq"] = first + offset
        new = [row for row in batch.to_write if row["id"] in batch.new_ids]
        newer = [row for row in batch.to_write if row["id"] not in batch.new_ids]
        write_merged(session, model, new, newer)
    if batch.conflicts:
        session.execute(insert(MergeConflict), [_conflict_row(model, row, ours, theirs, package_uuid, producer)
                                                for row, ours, theirs in batch.conflicts])


def write_if_all_new(session: Session, batch: Batch, derive: Callable[[], None], *, package_uuid: str,
                     producer: str) -> bool:
    """Write every row of `batch` as new when none is stored yet, letting the primary key prove it (issue 18).

    Classification looks each id up, and for a batch of new rows (a commune's first package; the rest of a
    type whose first batch was all new) finds nothing. Here the rows are inserted as new at once
    (`upsert.insert_if_all_new`); if any cannot be (an id already stored, this unit's or another's; an id
    twice in the batch; a missing parent) nothing of the batch stays, its change numbers are given back,
    and this returns False: the caller classifies and writes the batch as always, so every refusal,
    conflict and count is the one the look-up gives. An insert of every row proves every row new and
    distinct, exactly what classification would have found; the reference checks then run on the same
    rows, and a refusal there rolls the whole package back as it would have before the write."""
    if not may_insert_all_new(session):
        return False
    model = MODEL_BY_TYPE[batch.record_type]
    batch.to_write, batch.new_ids = list(batch.rows), {row["id"] for row in batch.rows}
    derive()
    first = next_change_seq(session, len(batch.to_write))
    for offset, row in enumerate(batch.to_write):
        row["change_seq"] = first + offset
    if not insert_if_all_new(session, model, batch.to_write, range(first, first + len(batch.to_write))):
        give_back(session, "change_seq", first, len(batch.to_write))
        batch.to_write, batch.new_ids = [], set()
        return False
    check_references(session, batch)
    return True


def _conflict_row(model: type[SyncedRecord], row: dict[str, Any], ours: str, theirs: str,
                  package_uuid: str, producer: str) -> dict[str, Any]:
    return {"at": utcnow(), "package_uuid": package_uuid, "producer_unit": producer,
            "record_type": model.RECORD_TYPE, "record_id": row["id"], "revision": row["revision"],
            "stored_sha256": ours, "incoming_sha256": theirs,
            "incoming_record": canonical_json(canonical_record(model, row))}


def check_end_state(session: Session, producer: str, types: set[str],
                    tombstoned: dict[str, set[str]] | None = None) -> None:
    """After all of a package's rows are written: no live record of this unit points at a deleted
    one, and no "once a year" rule is broken. Checked on the end state, so the order of records
    inside the package (a deletion before or after its children) does not matter.

    `tombstoned` (the merge's own call): the ids of each type the package wrote deleted. A broken link
    can then only start at one of them: before the package none existed (every merge, conflict choice
    and recovery ended with this check), and each live row the package wrote had a live parent when it
    was written (`incoming.check_references`, which looks past the rows this transaction deleted). So
    only the unit's live children of those parents are looked for (issue 18: joining every live child
    of the unit to its parent was 5 % of a merge). Without it (conflicts, plans, recovery): the whole join."""
    for child_type, column, parent_type, label in _LINKS:
        if tombstoned is not None:
            if tombstoned.get(parent_type):
                _check_link_from(session, producer, child_type, column, sorted(tombstoned[parent_type]), label)
        elif child_type in types or parent_type in types:
            _check_link(session, producer, child_type, column, parent_type, label)
    for record_type in sorted(types & set(UNIQUE_KEYS)):
        _check_unique(session, producer, record_type)


def _check_link(session: Session, producer: str, child_type: str, column: str, parent_type: str,
                label: str) -> None:
    child, parent = MODEL_BY_TYPE[child_type], aliased(MODEL_BY_TYPE[parent_type])
    stmt = (select(child.id).join(parent, parent.id == getattr(child, column))
            .where(child.origin_unit == producer, child.deleted.is_(False), parent.deleted.is_(True)).limit(1))
    _refuse_if_found(session.execute(stmt).scalar(), child_type, label)


def _check_link_from(session: Session, producer: str, child_type: str, column: str, parent_ids: list[str],
                     label: str) -> None:
    """The unit's live children of these deleted parents (by the child's index on the reference column)."""
    child = MODEL_BY_TYPE[child_type]
    for start in range(0, len(parent_ids), CHUNK):
        chunk = parent_ids[start:start + CHUNK]
        stmt = (select(child.id).where(ids_in(session, getattr(child, column), chunk), child.origin_unit == producer,
                                       child.deleted.is_(False)).limit(1))
        _refuse_if_found(session.execute(stmt).scalar(), child_type, label)


def _refuse_if_found(found: str | None, child_type: str, label: str) -> None:
    if found:
        raise refuse(VALIDATION_ERROR, f"Sau khi nhập, bản ghi {child_type} {found} sẽ trỏ tới {label} đã bị xóa. "
                                       "Gói không nhất quán; hãy đề nghị đơn vị gửi kiểm tra rồi xuất một gói đầy đủ.")


def _check_unique(session: Session, producer: str, record_type: str) -> None:
    """The GUI's `record_rules.UNIQUE_KEYS`, as one GROUP BY over this unit's live rows."""
    model = MODEL_BY_TYPE[record_type]
    columns = [getattr(model, k) for k in UNIQUE_KEYS[record_type]]
    conditions = [model.origin_unit == producer, model.deleted.is_(False)]
    if record_type == "pledge":
        conditions.append(model.__table__.c.signer_kind != "person")
    stmt = (select(*columns, func.count()).where(and_(*conditions)).group_by(*columns)
            .having(func.count() > 1).limit(1))
    clash = session.execute(stmt).first()
    if clash is not None:
        year = clash[-2]
        raise refuse(VALIDATION_ERROR, f"Sau khi nhập, một đối tượng sẽ có hai {_UNIQUE_LABELS[record_type]} năm "
                                       f"{year}. Gói không nhất quán; hãy đề nghị đơn vị gửi kiểm tra rồi xuất lại.")


def counts_json(counts: dict[str, dict[str, int]]) -> str:
    return json.dumps(counts, sort_keys=True, separators=(",", ":"))
