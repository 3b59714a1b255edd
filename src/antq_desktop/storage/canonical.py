"""The canonical, exported form of a synced record: what packages carry and digests hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from antq_desktop.exchange.canonical_dump import orjson_canonical
from antq_desktop.storage.models import SyncedRecord

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import KeyedColumnElement


def exported_columns(model: type[SyncedRecord]) -> list[KeyedColumnElement[Any]]:
    return [c for c in model.__table__.columns if c.name not in model.LOCAL_COLUMNS]


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None and value.year >= 1000:
            # The same text as the strftime below, twice as fast: both write four-digit years from 1000 on
            # (strftime writes "999" for the year 999, isoformat "0999"), and a naive time has no offset.
            return value.isoformat(timespec="seconds") + "Z"
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _converter(column: KeyedColumnElement[Any]) -> Callable[[Any], Any] | None:
    """``to_json_value`` for this column's values, or None where it is known to leave them as they are: a
    column typed text, number or boolean hands back str, int, bool, float or None, never a date."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return to_json_value
    return None if kind in (str, int, bool, float) else to_json_value


@dataclass(frozen=True)
class RecordShape:
    """One synced model's exported form, compiled once, for rows read from the database: select ``columns``
    and pass each row's values (in that order) to ``record``; the result equals ``canonical_record``."""

    record_type: str
    columns: tuple[KeyedColumnElement[Any], ...]
    keys: tuple[str, ...]  # "type", then the column names
    conversions: tuple[tuple[str, int, Callable[[Any], Any]], ...]  # (name, index in the row, converter)
    optional: tuple[str, ...]

    def record(self, values: Sequence[Any]) -> dict[str, Any]:
        record = dict(zip(self.keys, (self.record_type, *values), strict=True))
        for name, index, convert in self.conversions:
            record[name] = convert(values[index])
        for name in self.optional:
            if record[name] is None:
                del record[name]  # unset optional fields are left out: the same record, digest and package
        return record


@cache
def record_shape(model: type[SyncedRecord]) -> RecordShape:
    columns = tuple(exported_columns(model))
    conversions = tuple((c.name, i, convert) for i, c in enumerate(columns) if (convert := _converter(c)))
    optional = tuple(c.name for c in columns if c.name in model.OPTIONAL_COLUMNS)
    return RecordShape(model.RECORD_TYPE, columns, ("type", *(c.name for c in columns)), conversions, optional)


@cache
def _exported_names(model: type[SyncedRecord]) -> tuple[tuple[str, bool], ...]:
    return tuple((c.name, c.name in model.OPTIONAL_COLUMNS) for c in exported_columns(model))


def canonical_record(model: type[SyncedRecord], row: Mapping[Any, Any]) -> dict[str, Any]:
    """Record dict with "type" and every exported column, JSON-ready. `row` is a mapping of columns
    (by name; a RowMapping, whose keys may also be Column objects, is one) of any origin: every value
    goes through ``to_json_value`` (rows read from the database: ``record_shape``, the same result)."""
    record: dict[str, Any] = {"type": model.RECORD_TYPE}
    for name, optional in _exported_names(model):
        value = row.get(name) if optional else row[name]
        if value is None and optional:
            continue  # unset optional fields are left out: the same record, digest and package as before
        record[name] = to_json_value(value)
    return record


def canonical_json(value: Any) -> str:
    fast = orjson_canonical(value)  # proved byte-identical where it answers (exchange/canonical_dump.py)
    if fast is not None:
        return fast.decode("utf-8")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def canonical_bytes(value: Any) -> bytes:
    """``canonical_json(value)`` in UTF-8."""
    fast = orjson_canonical(value)
    if fast is not None:
        return fast
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def digest_records(records: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 over canonical JSON lines; callers pass records in a fixed (type, UUID) order."""
    hasher = hashlib.sha256()
    for record in records:
        hasher.update(canonical_bytes(record))
        hasher.update(b"\n")
    return hasher.hexdigest()
