"""Checking incoming records before they are written: shape, origin, GUI validation, references.

Every record of a package goes through `record_rules.validate` exactly like a GUI entry, and
is then classified against the stored copy by revision (never by the laptops' clocks).
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, SessionTransaction

from antq_desktop.domain.errors import ValidationError
from antq_desktop.exchange.errors import SIGNER_MISMATCH, VALIDATION_ERROR, PackageError
from antq_desktop.services.authority.records import reference_columns
from antq_desktop.services.records import rules as record_rules
from antq_desktop.storage.canonical import canonical_json, canonical_record, exported_columns
from antq_desktop.storage.id_match import ids_in
from antq_desktop.storage.models import MODEL_BY_TYPE, SyncedRecord

CHUNK = 500  # ids per IN (...) query: under SQLite's bound-parameter limit
COUNT_KEYS = ("new", "updated", "unchanged", "older", "conflict")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_FIX = " Hãy sửa dữ liệu ở máy gửi rồi xuất lại gói."
# The exact keys of each record type's line: its exported columns and "type".
_FIELDS = {t: frozenset(c.name for c in exported_columns(m)) | {"type"} for t, m in MODEL_BY_TYPE.items()}


def refuse(code: str, text: str) -> PackageError:
    return PackageError(code, message_vi=text)


@dataclass
class Batch:
    """One record type's rows of a package, a few thousand at a time."""

    record_type: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    to_write: list[dict[str, Any]] = field(default_factory=list)
    new_ids: set[str] = field(default_factory=set)  # rows of to_write not stored yet: a plain INSERT
    conflicts: list[tuple[dict[str, Any], str, str]] = field(default_factory=list)  # (row, stored, incoming)


def new_counts() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")
_INT32_MAX = 2**31 - 1


def _timestamp(value: Any, where: str) -> datetime:
    """`YYYY-MM-DDTHH:MM:SSZ` only (a regex and datetime(): strptime is the slowest step of a merge)."""
    match = _STAMP.fullmatch(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        year, month, day, hour, minute, second = map(int, match.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise refuse(VALIDATION_ERROR, f"{where}: thời điểm tạo/sửa không đúng định dạng.{_FIX}") from None


def _check_shape_reference(record: dict[str, Any], producer: str) -> dict[str, Any]:
    """The checks one by one, each with its refusal: the reference `check_shape`'s fast path stands on.

    Every record the fast path does not prove valid comes here, so the messages, codes and the order
    of refusals are this function's alone (tests/services/merge/test_compiled_checks.py compares them)."""
    record_type = record.get("type")
    model = MODEL_BY_TYPE.get(record_type) if isinstance(record_type, str) else None
    if model is None:
        raise refuse(VALIDATION_ERROR, f"Gói có loại bản ghi không được hỗ trợ ({record_type!s:.40}).{_FIX}")
    record_id = record.get("id")
    if not isinstance(record_id, str) or not _UUID.fullmatch(record_id):
        raise refuse(VALIDATION_ERROR, f"Gói có bản ghi {record_type} với mã (UUID) không hợp lệ.{_FIX}")
    where = f"Bản ghi {record_type} {record_id}"
    expected = _FIELDS[model.RECORD_TYPE]
    if not expected - model.OPTIONAL_COLUMNS <= set(record) <= expected:
        odd = sorted(set(record) ^ expected - (model.OPTIONAL_COLUMNS - set(record)))[:5]
        raise refuse(VALIDATION_ERROR, f"{where}: thiếu hoặc thừa trường ({', '.join(odd)}).{_FIX}")
    if record["origin_unit"] != producer:
        # A commune may only send its own records; another unit's UUIDs are not its to change.
        raise refuse(SIGNER_MISMATCH, f"{where} thuộc đơn vị {record['origin_unit']!s:.20}, không phải đơn vị gửi "
                                      f"{producer}. Không nhập gói này; hãy báo cho cán bộ phụ trách.")
    revision, deleted = record["revision"], record["deleted"]
    if isinstance(revision, bool) or not isinstance(revision, int) or not 1 <= revision <= _INT32_MAX:
        raise refuse(VALIDATION_ERROR, f"{where}: số phiên bản không hợp lệ.{_FIX}")
    if not isinstance(deleted, bool):
        raise refuse(VALIDATION_ERROR, f"{where}: trạng thái xóa không hợp lệ.{_FIX}")
    created, updated = _timestamp(record["created_at"], where), _timestamp(record["updated_at"], where)
    return {"id": record_id, "origin_unit": producer, "revision": revision, "deleted": deleted,
            "created_at": created, "updated_at": updated}


# Compiled once per record type (issue 18): the exact key set, and the keys that must be there when the
# type has optional columns (None when it has none: then only the exact set passes).
_SHAPES: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    t: (_FIELDS[t], (_FIELDS[t] - m.OPTIONAL_COLUMNS) if m.OPTIONAL_COLUMNS else None)
    for t, m in MODEL_BY_TYPE.items()}
_UUID_MATCH = _UUID.fullmatch
_STAMP_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z").fullmatch
# Valid stamps already parsed (a package's records share their minutes); datetimes are immutable, so
# rows may share one. Bounded: emptied when full.
_STAMPS: dict[str, datetime] = {}
_STAMPS_MAX = 200_000


def _known_stamp(value: Any) -> datetime | None:
    """The datetime of a valid stamp, None for anything the reference path must judge."""
    if type(value) is not str:
        return None
    found = _STAMPS.get(value)
    if found is None:
        if _STAMP_SHAPE(value) is None:
            return None
        try:  # ASCII digits in exactly this layout: fromisoformat reads the same six numbers, checks the same ranges
            found = datetime.fromisoformat(value[:19])
        except ValueError:
            return None
        if len(_STAMPS) >= _STAMPS_MAX:
            _STAMPS.clear()
        _STAMPS[value] = found
    return found


def check_shape(record: dict[str, Any], producer: str) -> dict[str, Any]:
    """Type, exact field set, UUID, origin and bookkeeping fields; returns the meta columns.

    The common valid record passes a compiled fast path (one key-set comparison, exact type tests, parsed
    stamps cached); anything it cannot prove valid goes through `_check_shape_reference`, whose refusal
    (message, code, which check first) is the one raised."""
    record_type = record.get("type")
    shape = _SHAPES.get(record_type) if type(record_type) is str else None
    if shape is not None:
        exact, required = shape
        keys = record.keys()
        record_id = record.get("id")
        if ((keys == exact or (required is not None and required <= keys <= exact))
                and type(record_id) is str and _UUID_MATCH(record_id) is not None
                and record["origin_unit"] == producer):
            revision, deleted = record["revision"], record["deleted"]
            if type(revision) is int and 1 <= revision <= _INT32_MAX and type(deleted) is bool:
                created, updated = _known_stamp(record["created_at"]), _known_stamp(record["updated_at"])
                if created is not None and updated is not None:
                    return {"id": record_id, "origin_unit": producer, "revision": revision, "deleted": deleted,
                            "created_at": created, "updated_at": updated}
    return _check_shape_reference(record, producer)


def validated_rows(session: Session, record_type: str, records: list[dict[str, Any]],
                   metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The GUI's validation for each record (normalised fields plus the bookkeeping columns)."""
    unit_types = (record_rules.assessment_unit_types(session, records) if record_type in ("assessment", "meeting")
                  else ["area"] * len(records))
    validate = record_rules.validator(record_type)  # the same function `record_rules.validate` runs, bound once
    rows = []
    for record, meta, unit_type in zip(records, metas, unit_types, strict=True):
        try:
            fields = validate(record, unit_type)
        except ValidationError as exc:
            raise refuse(VALIDATION_ERROR, f"Bản ghi {record_type} {meta['id']}: {exc.message}{_FIX}") from None
        fields.update(meta)  # a fresh dict per record: the same keys, values and order as {**fields, **meta}
        rows.append(fields)
    return rows


def add_derived_keys(batch: Batch) -> None:
    """Search and sort keys, only for the rows that will be written (the GUI's own functions)."""
    for row in batch.to_write:
        row.update(record_rules.derived_keys(batch.record_type, row))


def content_hash(model: type[SyncedRecord], row: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(canonical_record(model, row)).encode("utf-8")).hexdigest()


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def stored_rows(session: Session, model: type[SyncedRecord], ids: list[str]) -> dict[str, dict[str, Any]]:
    table = model.__table__
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in session.execute(select(table).where(ids_in(session, table.c.id, chunk))).mappings():
            found[row["id"]] = dict(row)
    return found


def classify(session: Session, batch: Batch, producer: str, counts: dict[str, int]) -> None:
    """Newer revision wins; same revision and other content is a conflict; older is ignored."""
    model = MODEL_BY_TYPE[batch.record_type]
    stored = stored_rows(session, model, [r["id"] for r in batch.rows])
    seen: set[str] = set()
    for row in batch.rows:
        if row["id"] in seen:
            raise refuse(VALIDATION_ERROR,
                         f"Bản ghi {batch.record_type} {row['id']} xuất hiện hai lần trong gói.{_FIX}")
        seen.add(row["id"])
        old = stored.get(row["id"])
        if old is None:
            counts["new"] += 1
            batch.to_write.append(row)
            batch.new_ids.add(row["id"])
        elif old["origin_unit"] != producer:
            raise refuse(SIGNER_MISMATCH, f"Bản ghi {batch.record_type} {row['id']} đã có ở máy này và thuộc đơn vị "
                                          f"{old['origin_unit']}; đơn vị {producer} không được ghi đè. "
                                          "Không nhập gói này; hãy báo cho cán bộ phụ trách.")
        elif row["revision"] > old["revision"]:
            counts["updated"] += 1
            batch.to_write.append(row)
        elif row["revision"] < old["revision"]:
            counts["older"] += 1
        else:
            ours, theirs = content_hash(model, old), content_hash(model, row)
            if ours == theirs:
                counts["unchanged"] += 1
            else:
                counts["conflict"] += 1
                batch.conflicts.append((row, ours, theirs))


def _existing_ids(session: Session, model: type[SyncedRecord], ids: set[str], *, live: bool) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(ids)):
        stmt = select(model.id).where(ids_in(session, model.id, chunk))
        if live:
            stmt = stmt.where(model.deleted.is_(False))
        found.update(session.execute(stmt).scalars())
    return found


class _PackageIds:
    """What this transaction's earlier batches proved about ids (issue 18: parents are checked against the
    package's own ids first, and only the rest is looked up in the store).

    `live`: ids written live (in `to_write`, not deleted); they are stored and live until the package ends
    (an id comes once per package, so nothing later in it rewrites them; a live child of a parent the
    package deletes later is refused by `apply.check_end_state`). `stored`: every classified id (written,
    or already stored and kept), so it exists. Kept on the session for its current transaction only."""

    def __init__(self, transaction: SessionTransaction | None) -> None:
        # A weak reference: the transaction holds the session whose `info` holds this, and that cycle
        # kept every finished package's id sets (and the arenas their strings sit in) alive until a
        # full garbage collection: the merge's memory grew with the number of packages.
        self._transaction = weakref.ref(transaction) if transaction is not None else None
        self.live: dict[str, set[str]] = {}
        self.stored: dict[str, set[str]] = {}

    @classmethod
    def of(cls, session: Session) -> _PackageIds:
        transaction = session.get_transaction()
        if transaction is None:  # no transaction to tie the ids to: nothing known, nothing kept
            return cls(None)
        found = session.info.get(_PACKAGE_IDS)
        if not isinstance(found, cls) or found.transaction() is not transaction:  # a new package, a new set
            found = session.info[_PACKAGE_IDS] = cls(transaction)
        return found

    def transaction(self) -> SessionTransaction | None:
        return self._transaction() if self._transaction is not None else None

    def add(self, batch: Batch) -> None:
        live = self.live.setdefault(batch.record_type, set())
        live.update(r["id"] for r in batch.to_write if not r["deleted"])
        # (a transaction holding two packages, a forward's plans say, may delete what the first wrote live)
        live.difference_update(r["id"] for r in batch.to_write if r["deleted"])
        self.stored.setdefault(batch.record_type, set()).update(r["id"] for r in batch.rows)


_PACKAGE_IDS = "antq.merge.package_ids"  # session.info key


def check_references(session: Session, batch: Batch) -> None:
    """Rows about to be written may point only at records already stored or earlier in the package.

    Live rows need live parents (the GUI rule, `record_rules.check_references`); tombstones
    only need the parent to exist (the foreign key). Parents this package already wrote (or
    found stored) need no look-up; the rest is one IN query per chunk of ids.
    """
    known = _PackageIds.of(session)
    live = [r for r in batch.to_write if not r["deleted"]]
    columns = reference_columns(batch.record_type)  # the others are never set on this type's rows
    try:
        record_rules.check_references(session, live, known.live, fields={column for column, _ in columns})
    except ValidationError as exc:
        raise _unknown_reference(batch.record_type, exc.message) from None
    for column, ref_type in columns:
        wanted = {r[column] for r in batch.to_write if r["deleted"] and r.get(column)}
        wanted -= known.stored.get(ref_type, set())
        missing = wanted - _existing_ids(session, MODEL_BY_TYPE[ref_type], wanted, live=False) if wanted else set()
        if missing:
            raise _unknown_reference(batch.record_type, f"{ref_type} {sorted(missing)[0]} không có ở máy này.")
    known.add(batch)


def _unknown_reference(record_type: str, detail: str) -> PackageError:
    return refuse(VALIDATION_ERROR, f"Gói có bản ghi {record_type} tham chiếu tới bản ghi không có trong gói và chưa "
                                    f"có ở máy này ({detail}). Hãy nhập trước các gói còn thiếu của đơn vị gửi, hoặc "
                                    "đề nghị đơn vị gửi xuất một gói đầy đủ.")
