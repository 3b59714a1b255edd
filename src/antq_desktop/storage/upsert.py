"""Dialect upserts for merged records: the only place that writes `INSERT … ON CONFLICT`.

A merged row replaces the stored one only when its revision is higher, so a package that
arrives late (or twice) can never roll a record back, whatever the order of merges.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from antq_desktop.storage.models import SyncedRecord


def upsert_newer(session: Session, model: type[SyncedRecord], rows: Sequence[dict[str, Any]]) -> None:
    """Insert new rows and overwrite stored ones with a lower revision, in one executemany."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, model.__table__)
    stmt = insert(table)
    columns = [c.name for c in table.columns if c.name != "id"]
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: stmt.excluded[name] for name in columns},
        where=table.c.revision < stmt.excluded.revision,
    )
    session.execute(stmt, list(rows))


def upsert_replace(session: Session, model: type[SyncedRecord], rows: Sequence[dict[str, Any]]) -> None:
    """Insert new rows and overwrite stored ones whatever their revision: only a commune taking in its
    office's recovery package (services/recovery/apply.py), where the office's version is the reference."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, model.__table__)
    stmt = insert(table)
    columns = [c.name for c in table.columns if c.name != "id"]
    stmt = stmt.on_conflict_do_update(index_elements=[table.c.id],
                                      set_={name: stmt.excluded[name] for name in columns})
    session.execute(stmt, list(rows))
