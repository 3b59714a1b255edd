"""Dialect upserts for merged records: the only place that writes `INSERT … ON CONFLICT`.

A merged row replaces the stored one only when its revision is higher, so a package that
arrives late (or twice) can never roll a record back, whatever the order of merges.

`write_merged` is the merge's fast path (issue 18): the statement is compiled by SQLAlchemy once
per table, dialect and kind, and the rows go to the DBAPI cursor's `executemany` as plain tuples
made with the columns' own bind processors — the same values SQLAlchemy would send, without its
per-batch compilation and parameter handling (as driver SQL, so cursor events and exception
classes stay SQLAlchemy's). Rows the merge already classified as new (under
the producer's lock, inside this transaction) take a plain INSERT. `upsert_newer` stays the
reference path; tests/services/merge/test_fast_write.py keeps the two writing identical rows.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, delete
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql.schema import ColumnDefault

from antq_desktop.storage.models import SyncedRecord


def _newer_statement(table: Table, dialect_name: str) -> Any:
    insert = pg_insert if dialect_name == "postgresql" else sqlite_insert
    stmt = insert(table)
    columns = [c.name for c in table.columns if c.name != "id"]
    return stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: stmt.excluded[name] for name in columns},
        where=table.c.revision < stmt.excluded.revision,
    )


def _absent_statement(table: Table, dialect_name: str) -> Any:
    insert = pg_insert if dialect_name == "postgresql" else sqlite_insert
    return insert(table).on_conflict_do_nothing(index_elements=[table.c.id])


def upsert_newer(session: Session, model: type[SyncedRecord], rows: Sequence[dict[str, Any]]) -> None:
    """Insert new rows and overwrite stored ones with a lower revision, in one executemany."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    session.execute(_newer_statement(table, session.get_bind().dialect.name), list(rows))


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


_MISSING = object()


@dataclass(frozen=True)
class _Prepared:
    """One compiled statement and how to turn a row dict into its parameters."""

    sql: str
    positional: bool
    names: tuple[str, ...]  # column of each parameter, in the statement's order
    processors: tuple[Callable[[Any], Any] | None, ...]
    defaults: tuple[Any, ...]  # a column's scalar default when the row leaves it out (as SQLAlchemy would)
    getter: Callable[[dict[str, Any]], tuple[Any, ...]]
    processed: tuple[tuple[int, Callable[[Any], Any]], ...]  # only the columns with a bind processor

    def params(self, row: dict[str, Any]) -> tuple[Any, ...]:
        if len(row) == len(self.names):  # every column given (the merge's rows): one C-level lookup
            try:
                values = list(self.getter(row))
            except KeyError:
                return self._params_with_defaults(row)
            for index, process in self.processed:
                if values[index] is not None:
                    values[index] = process(values[index])
            return tuple(values)
        return self._params_with_defaults(row)

    def _params_with_defaults(self, row: dict[str, Any]) -> tuple[Any, ...]:
        values = []
        for name, process, default in zip(self.names, self.processors, self.defaults, strict=True):
            value = row.get(name, default)
            if value is _MISSING:
                raise KeyError(name)
            values.append(value if process is None or value is None else process(value))
        return tuple(values)


_PREPARED: dict[tuple[str, str, str, bool], _Prepared] = {}


def _scalar_default(table: Table, name: str) -> Any:
    default = table.c[name].default
    if default is None:
        return None
    if isinstance(default, ColumnDefault) and default.is_scalar:
        return default.arg
    return _MISSING  # a callable default (ids, times): merged rows always carry these


def _sqlite_datetime(fallback: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite DATETIME's bind processor for a naive datetime, 3× faster: `isoformat` gives the very text of
    its default storage format (`%04d-%02d-%02d %02d:%02d:%02d.%06d`). Anything else (an aware datetime, a
    date, a subclass, a wrong type) goes to SQLAlchemy's own processor, so the stored text and every error
    stay SQLAlchemy's (issue 18: the processor was a tenth of a merge's main process)."""
    def process(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return fallback(value)
    return process


def _sqlite_date(fallback: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite DATE's bind processor for a plain date (`%04d-%02d-%02d`, what `isoformat` gives); as above."""
    def process(value: Any) -> Any:
        if type(value) is date:
            return value.isoformat()
        return fallback(value)
    return process


def _bind_processor(table: Table, name: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column's bind processor, or its faster equivalent for SQLite's default date and time formats."""
    column_type = table.c[name].type
    process = column_type._cached_bind_processor(dialect)
    if process is None or dialect.name != "sqlite":
        return process
    # pysqlite's own subclasses of DATETIME and DATE change only how results are read back
    stored = dialect.type_descriptor(column_type)
    if isinstance(stored, sqlite.DATETIME) and stored._storage_format == sqlite.DATETIME._storage_format:
        return _sqlite_datetime(process)
    if isinstance(stored, sqlite.DATE) and stored._storage_format == sqlite.DATE._storage_format:
        return _sqlite_date(process)
    return process


def _prepared(table: Table, dialect: Dialect, kind: str) -> _Prepared:
    key = (table.name, dialect.name, kind, dialect.positional)
    found = _PREPARED.get(key)
    if found is not None:
        return found
    if kind == "newer":
        stmt = _newer_statement(table, dialect.name)
    elif kind == "absent":
        stmt = _absent_statement(table, dialect.name)
    else:
        stmt = table.insert()
    names = [c.name for c in table.columns]
    compiled = stmt.compile(dialect=dialect, column_keys=names)
    order = tuple(compiled.positiontup or ()) if compiled.positional else tuple(names)
    assert sorted(order) == sorted(names) == sorted(compiled.binds), (order, names)  # one per column, no other
    processors = tuple(_bind_processor(table, name, dialect) for name in order)
    found = _Prepared(compiled.string, bool(compiled.positional), order, processors,
                      tuple(_scalar_default(table, name) for name in order), itemgetter(*order),
                      tuple((i, p) for i, p in enumerate(processors) if p is not None))
    _PREPARED[key] = found
    return found


def write_merged(session: Session, model: type[SyncedRecord], new_rows: Sequence[dict[str, Any]],
                 newer_rows: Sequence[dict[str, Any]]) -> None:
    """Plain INSERT of `new_rows` (none stored yet), upsert-if-newer of `newer_rows`, through the cursor.
    On PostgreSQL the new rows go by COPY (see `_copy_new`)."""
    table = cast(Table, model.__table__)
    connection = session.connection()
    for kind, rows in (("insert", new_rows), ("newer", newer_rows)):
        if not rows:
            continue
        prepared = _prepared(table, connection.dialect, kind)
        params: list[Any] = [prepared.params(row) for row in rows]
        if kind == "insert" and connection.dialect.name == "postgresql" and len(params) >= COPY_MIN_ROWS:
            _copy_new(connection, table, prepared, params)
            continue
        if not prepared.positional:
            params = [dict(zip(prepared.names, values, strict=True)) for values in params]
        # Driver SQL: no compilation or type handling per batch, but SQLAlchemy's cursor events and
        # exception classes (a full disk is still an OperationalError the pipeline turns into IO_ERROR).
        connection.exec_driver_sql(prepared.sql, params)


def insert_if_all_new(session: Session, model: type[SyncedRecord], rows: Sequence[dict[str, Any]],
                      change_seqs: range) -> bool:
    """Insert every row, or none and return False when any cannot be (its id stored already, or twice in
    `rows`; a missing parent): the store is then as before. `change_seqs`: the rows' fresh change numbers,
    used by no other row (services/merge/apply.write_if_all_new).

    SQLite: `INSERT … ON CONFLICT DO NOTHING` and the count of rows it inserted; when short (or a foreign
    key fails), the rows it did insert are the ones carrying these change numbers, deleted again. No
    savepoint: SQLite copies every page a savepoint's statements touch into its sub-journal (measured
    +20 % on the inserts), a cost paid on every batch for a failure that is rare. PostgreSQL: the same
    COPY or INSERT as `write_merged` inside a savepoint (a subtransaction, cheap there): a COPY cannot
    skip a row, and a failed statement must be rolled back before the transaction goes on. At most
    PG_SAVEPOINTS_MAX of them per transaction; past that, False without trying."""
    if not rows:
        return True
    table = cast(Table, model.__table__)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        if not may_insert_all_new(session):
            return False  # not tried: the caller's look-up path writes this batch
        _SAVEPOINTS[_transaction(session)] += 1
        try:
            with session.begin_nested():
                write_merged(session, model, rows, ())
        except IntegrityError:
            return False
        return True
    prepared = _prepared(table, connection.dialect, "absent")
    params: list[Any] = [prepared.params(row) for row in rows]
    if not prepared.positional:
        params = [dict(zip(prepared.names, values, strict=True)) for values in params]
    try:
        inserted = connection.exec_driver_sql(prepared.sql, params).rowcount
    except IntegrityError:
        inserted = -1
    if inserted == len(rows):
        return True
    connection.execute(delete(table).where(table.c.change_seq.between(change_seqs.start, change_seqs.stop - 1)))
    return False


# PostgreSQL keeps the ids of a transaction's first 64 subtransactions that wrote (released ones too) in shared
# memory; past that, every other session's snapshot looks them up in pg_subtrans while the transaction lasts (the
# office's other clerks slow down). One savepoint per all-new batch of 2,000 rows would pass 64 in a package of
# ~128,000 records; past this many in one transaction the batches take the look-up path instead (margin for any
# other savepoint of the transaction).
PG_SAVEPOINTS_MAX = 48
_SAVEPOINTS: weakref.WeakKeyDictionary[SessionTransaction, int] = weakref.WeakKeyDictionary()


def _transaction(session: Session) -> SessionTransaction:
    transaction = session.get_transaction()
    assert transaction is not None  # a merge writes inside its package's transaction
    return transaction


def may_insert_all_new(session: Session) -> bool:
    """Whether `insert_if_all_new` may still try a batch in this transaction: always on SQLite, within
    PG_SAVEPOINTS_MAX savepoints on PostgreSQL. Asked first, so that past the cap a batch is not prepared
    (keys, change numbers) for nothing."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return _SAVEPOINTS.setdefault(_transaction(session), 0) < PG_SAVEPOINTS_MAX


# Below this many new rows an executemany (one pipeline round trip) costs about what a COPY does.
COPY_MIN_ROWS = 50


def _copy_new(connection: Connection, table: Table, prepared: _Prepared, params: list[tuple[Any, ...]]) -> None:
    """PostgreSQL: the rows classified new, by COPY into the table itself, in this transaction.

    COPY takes the same tuples the INSERT would (the columns' bind processors applied, psycopg's
    own dumpers for each value), fires the same constraints, foreign keys and triggers, and lands
    or rolls back with the package's transaction; the server parses one stream instead of one
    INSERT per row (issue 18: the INSERTs were half of a PostgreSQL merge's write time). Errors are
    raised as SQLAlchemy's exception classes, like the executemany path's."""
    columns = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in prepared.names)
    sql = f"COPY {connection.dialect.identifier_preparer.format_table(table)} ({columns}) FROM STDIN"
    driver = connection.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for values in params:
                copy.write_row(values)
    except connection.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, connection.dialect.loaded_dbapi.Error) from exc
