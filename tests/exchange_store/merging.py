"""Merge at the upper office for these tests: B2's merge when present, else a minimal stand-in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, insert
from tests.conftest import PASSWORD

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import import_log
from antq_desktop.storage.canonical import exported_columns
from antq_desktop.storage.models import MODEL_BY_TYPE


def merge(office, path) -> None:
    try:
        from antq_desktop.services.merge.run import merge_packages
    except ImportError:
        _stand_in(office, path)
        return
    results = merge_packages(office, [path], actor="admin", password=PASSWORD)
    assert [r.status for r in results] == ["merged"], results


def _value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def _stand_in(office, path) -> None:
    """Insert new records and log the attempt as merged (enough for receipts; no updates)."""
    with office.session() as session:
        lookup, blob = keys.trusted_lookup(session), keys.active_blob(session)
        package = package_reader.verify(path, lookup, my_receiving_key_id=keys.own_receiving_key_id(session))
        with KeyStore.unlock(blob, PASSWORD) as unlocked:
            for record in package_reader.iter_records(package, unlocked):
                model = MODEL_BY_TYPE.get(record["type"])
                if model is None:
                    continue
                row = {c.name: _value(c, record[c.name]) for c in exported_columns(model)}
                session.execute(insert(model).values(**row))
        import_log.log_attempt(session, actor="admin", path=path, result="merged", header=package.header,
                               file_sha256_hex=package.package_sha256)
