"""Row locks that serialise writers on PostgreSQL (SQLite already serialises with BEGIN IMMEDIATE).

Counters (the change sequence, the audit chain) must never be read by two transactions at once,
or two clerks importing at the same time would fork the audit chain or reuse a sequence number.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from antq_desktop.storage.models import Counter


def locked_counter(session: Session, name: str) -> Counter:
    """The counter row, created if missing, locked until the transaction ends."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(Counter).values(name=name, value=0).on_conflict_do_nothing(index_elements=["name"]))
    return session.execute(select(Counter).where(Counter.name == name).with_for_update()).scalar_one()
