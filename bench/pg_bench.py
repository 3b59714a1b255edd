"""PostgreSQL for the benchmarks: a throwaway server (tests/pg_server.py, durable like an office's),
a database holding the upper-office template's rows, copies of it, and the server's CPU time.

Not a benchmark module itself (bench/run.py runs only bench_*.py).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def start_server() -> Any:
    """A throwaway cluster with fsync on (tests use fsync off): the SQLite store it is compared
    with runs synchronous=FULL, and an office's server keeps its commits on disk."""
    import sys

    sys.path.insert(0, str(HERE.parent))
    from tests.pg_server import PostgresServer

    server = PostgresServer(durable=True)
    server.start()
    return server


def conninfo(server: Any, name: str) -> str:
    return f"host=127.0.0.1 port={server.port} user=antq dbname={name}"


def url(server: Any, name: str) -> str:
    return f"postgresql+psycopg://antq@127.0.0.1:{server.port}/{name}"


def admin(server: Any, sql: str) -> None:
    import psycopg

    with psycopg.connect(conninfo(server, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def clone(server: Any, template: str, name: str) -> str:
    """A new database copied from `template` (no one may be connected to it); its SQLAlchemy URL."""
    admin(server, f'DROP DATABASE IF EXISTS "{name}"')
    admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return url(server, name)


def drop(server: Any, name: str) -> None:
    admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def template_store(folder: Path, server: Any, name: str | None = None, source: Path | None = None) -> Any:
    """A fresh PostgreSQL database (migrated by open_store) holding the SQLite template's rows
    (profile, users, keys, trust registry), or every row of `source`, a SQLite store."""
    from sqlalchemy import insert, select

    from antq_desktop.storage.db import open_store
    from antq_desktop.storage.models import Base

    store = open_store(server.create_database(name or f"antq_scale_{int(time.time())}"))
    template = open_store(str(source or folder / "upper-template.sqlite3"))
    try:
        with template.engine.connect() as read, store.engine.begin() as write:
            for table in reversed(Base.metadata.sorted_tables):
                write.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                result = read.execution_options(stream_results=True).execute(select(table)).mappings()
                while rows := [dict(r) for r in result.fetchmany(20_000)]:
                    write.execute(insert(table), rows)
                _reset_sequence(write, table)
    finally:
        template.close()
    if source is not None:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return store


def _reset_sequence(conn: Any, table: Any) -> None:
    """Rows were copied with their ids: move PostgreSQL's id sequence past them."""
    from sqlalchemy import Integer, text

    pk = list(table.primary_key.columns)
    if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].autoincrement in (True, "auto"):
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                          f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))


def server_cpu(server: Any) -> float:
    """CPU seconds used so far by the whole server: the postmaster, its ended children (reaped
    into its cutime/cstime) and its live ones (backends, WAL writer, checkpointer, autovacuum)."""
    tick = os.sysconf("SC_CLK_TCK")
    postmaster = int((server.dir / "data" / "postmaster.pid").read_text().split()[0])
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile: its time is in the postmaster's cutime now
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == postmaster:
            total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
        elif ppid == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick
