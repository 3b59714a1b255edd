"""Row locks that serialise writers on PostgreSQL (SQLite already serialises with BEGIN IMMEDIATE),
and the locks that let one process at a time migrate a database.

Counters (the change sequence, the audit chain) must never be read by two transactions at once,
or two clerks importing at the same time would fork the audit chain or reuse a sequence number.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, select, text, update
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


def _reserve_statement(dialect: str) -> Any:
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Counter).values(name=bindparam("name"), value=bindparam("count"))
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"value": Counter.value + stmt.excluded.value})
    return stmt.returning(Counter.value)


# One statement object per dialect: built once, so SQLAlchemy compiles it once (issue 18: built per call, it
# cost a merge more than its execution, once per batch of 2,000 rows).
_RESERVE = {name: _reserve_statement(name) for name in ("sqlite", "postgresql")}


def reserve(session: Session, name: str, count: int) -> int:
    """Add `count` to the counter (created if missing) and return the first of the `count` values
    reserved. One statement on either engine (issue 18: the merge reserves change numbers for every
    batch; the locked read and the update were three round trips to a PostgreSQL server): the
    upsert locks the row until the transaction ends (PostgreSQL's row lock on the conflict row,
    SQLite's write transaction), so two transactions never get the same numbers."""
    connection = session.connection()
    stmt = _RESERVE[connection.dialect.name]
    last = connection.execute(stmt, {"name": name, "count": count}).scalar_one()
    return int(last) - count + 1


def give_back(session: Session, name: str, first: int, count: int) -> None:
    """Return the `count` values from `first` that this transaction reserved last (nothing used them): the
    counter stays gapless. The row is still locked by this transaction, so nobody reserved after them."""
    session.execute(update(Counter).where(Counter.name == name, Counter.value == first + count - 1)
                    .values(value=first - 1))


# --- Migration locks: one process migrates, the others wait and then open the migrated database. ---

# pg_advisory_lock takes one bigint; a fixed key of our own ("ANTQ" and "MIGR" in ASCII) so that no
# other application sharing the server is likely to pick it.
MIGRATION_LOCK_KEY = 0x414E5451_4D494752  # below 2**63: a valid signed bigint


@contextmanager
def advisory_lock(engine: Engine, on_wait: Callable[[], None]) -> Iterator[None]:
    """A PostgreSQL session-level advisory lock held on its own autocommit connection: migrations
    commit as they go, and a session lock survives those commits; it is released when the block
    ends (or when the connection dies with the process). `on_wait` runs once if another session
    holds it."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        key = {"key": MIGRATION_LOCK_KEY}
        if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
            on_wait()
            conn.execute(text("SELECT pg_advisory_lock(:key)"), key)
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)


@contextmanager
def file_lock(path: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """An exclusive lock on `path` (created owner-only if missing) for SQLite, whose own locks cannot
    cover a migration made of many transactions. The operating system drops the lock when the
    process ends, so a crash never leaves a stale lock; the empty file itself stays (deleting a
    lock file while another process waits on it would let a third one lock a new file)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(fd):
            on_wait()
            _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # mypy checks each branch on its own platform only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _lock(fd: int) -> None:
        while not _try_lock(fd):  # LK_LOCK gives up after 10 s; a migration may take longer
            time.sleep(0.2)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
