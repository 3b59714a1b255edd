"""The canonical, exported form of a synced record: what packages carry and digests hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from antq_desktop.storage.models import SyncedRecord

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import KeyedColumnElement


def exported_columns(model: type[SyncedRecord]) -> list[KeyedColumnElement[Any]]:
    return [c for c in model.__table__.columns if c.name not in model.LOCAL_COLUMNS]


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_record(model: type[SyncedRecord], row: Mapping[Any, Any]) -> dict[str, Any]:
    """Record dict with "type" and every exported column, JSON-ready. `row` is a mapping of columns
    (by name; a RowMapping, whose keys may also be Column objects, is one)."""
    record: dict[str, Any] = {"type": model.RECORD_TYPE}
    for column in exported_columns(model):
        record[column.name] = to_json_value(row[column.name])
    return record


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def digest_records(records: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 over canonical JSON lines; callers pass records in a fixed (type, UUID) order."""
    hasher = hashlib.sha256()
    for record in records:
        hasher.update(canonical_json(record).encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()
