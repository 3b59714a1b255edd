"""Opening the store: engine, SQLite pragmas, migrations at start-up. The only module that knows dialects."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from antq_desktop.domain.errors import NewerDatabaseError, NotInitialisedError, StorageError
from antq_desktop.storage import migrate
from antq_desktop.storage.location import resolve_url as resolve_url  # re-exported: callers import it from here
from antq_desktop.storage.models import UnitProfile


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Python's sqlite3 opens transactions lazily; let SQLAlchemy emit BEGIN itself so that
    # BEGIN IMMEDIATE can be used for writers.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _switch_to_wal(cur)
    for pragma in ("foreign_keys=ON", "synchronous=FULL", "cache_size=-65536"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


BUSY_TIMEOUT_MS = 10_000
_WAL_RETRY_PAUSE_S = 0.02


def _switch_to_wal(cur: sqlite3.Cursor) -> None:
    """Switching a new, empty file to WAL needs its write lock, which a second process opening the same
    new file at that moment (two PCs, issue 17) may hold. SQLite does not call its busy handler for this
    lock (waiting could deadlock two connections that both read first), so "database is locked" comes at
    once whatever busy_timeout says: wait here instead, as long as busy_timeout would."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(_WAL_RETRY_PAUSE_S)


# The window's connections: SQLite keeps up to cache_size of pages per connection for the process's
# life; the overview's counts over 200,000 households filled the default 64 MiB (a third of the
# window's memory, issue 18). Pages not cached are read again from the OS's file cache.
WINDOW_CACHE_KIB = 8192


def _window_cache(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA cache_size=-{WINDOW_CACHE_KIB}")
    cur.close()


WRITE_OPTION = "antq_write"


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    # Writers take the write lock up front (no mid-transaction lock upgrade that fails with
    # "database is locked"); readers start a deferred transaction: a WAL snapshot that blocks nobody.
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


PRIVATE_FILE_MODE = 0o600  # the store holds citizens' personal data: no other account may read it
PRIVATE_DIR_MODE = 0o700


def private_folder(path: Path) -> None:
    """Create a data folder readable by its owner only (an existing folder is left as the user set it)."""
    if not path.exists():
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)


def private_file(path: Path) -> None:
    """Create the store file owner-only before SQLite opens it, whatever the umask; SQLite gives its
    -wal and -shm files the mode of the database file. An existing store is narrowed to owner-only
    (stores made by earlier versions were 0644). Windows has no such mode bits: nothing to do."""
    if os.name == "nt":
        return
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate == path and not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                os.chmod(candidate, candidate.stat().st_mode & 0o700)
        except FileExistsError:
            pass  # another process created it a moment ago; SQLite opens it as it is
        except PermissionError:
            pass  # a read-only or foreign file: opening it will say what is wrong


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
        private_folder(Path(parsed.database).parent)
        private_file(Path(parsed.database))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


@dataclass
class Store:
    """An open database: the engine and a session factory. Services take a Store."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]  # reads (and snapshots); writes go through session()
    write_factory: sessionmaker[Session]
    # A PostgreSQL read replica (hot standby) or a role with default_transaction_read_only: every
    # write fails, so callers that write only as a side effect (sign-in's audit entry) can skip it.
    read_only: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = make_url(self.url).database
        return Path(database) if self.is_sqlite and database and database != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work that writes: committed on success, rolled back on any error."""
        with self.write_factory() as session, session.begin():
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A consistent read that never takes the write lock (long indicator queries, exports)."""
        with self.session_factory() as session, session.begin():
            yield session

    def profile(self) -> UnitProfile:
        with self.session_factory() as session:
            profile = session.get(UnitProfile, 1)
            if profile is None:
                raise NotInitialisedError()
            session.expunge(profile)
            return profile

    def is_initialised(self) -> bool:
        with self.session_factory() as session:
            return session.get(UnitProfile, 1) is not None

    def close(self) -> None:
        if self.is_sqlite:
            _optimize(self.engine)
        self.engine.dispose()

    def limit_page_cache(self) -> None:
        """Cap SQLite's page cache at WINDOW_CACHE_KIB per connection (the GUI; the CLI keeps the
        larger cache its merges and exports use). Pooled connections are closed so that every
        connection from now on has the cap; PostgreSQL caches in its server: nothing to do."""
        if self.sqlite_path is None or event.contains(self.engine, "connect", _window_cache):
            return  # (an in-memory database lives in its one connection: closing it would lose it)
        event.listen(self.engine, "connect", _window_cache)
        self.engine.dispose()

    def refresh_statistics(self) -> None:
        """After a bulk write (a merge): the planner's statistics may describe a much smaller store
        (a new office's were taken on empty tables), and then it picks slow plans until the app
        closes. A sampled ANALYZE takes milliseconds. PostgreSQL's autovacuum does this itself."""
        if not self.is_sqlite:
            return
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        except DatabaseError:
            pass  # best effort, as on close


MIGRATE_URL_ENV = "ANTQ_DB_MIGRATE_URL"


def open_store(db: str | os.PathLike[str] | None = None, *, backup_before_upgrade: bool = True,
               on_wait: Callable[[str], None] | None = None) -> Store:
    """Open (creating if needed) and migrate to the newest schema; refuse a newer database.

    Another process migrating the same database at the same moment is waited for; `on_wait`
    receives the Vietnamese line to show meanwhile. ANTQ_DB_MIGRATE_URL names the owner role's
    connection when the app's own role may not change the schema (docs/postgresql.md)."""
    url = resolve_url(db)
    engine = make_engine(url)
    try:
        _check_readable(engine)
        _migrate(engine, backup_before_upgrade, on_wait)
    except (NewerDatabaseError, StorageError):
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _open_error(engine, exc) from exc
    if engine.dialect.name == "sqlite":
        _analyze_once(engine)
    write_engine = engine.execution_options(**{WRITE_OPTION: True})
    return Store(url, engine, sessionmaker(engine, expire_on_commit=False),
                 sessionmaker(write_engine, expire_on_commit=False), read_only=_is_read_only(engine))


def _is_read_only(engine: Engine) -> bool:
    """True on a PostgreSQL hot standby or a read-only role: nothing written at open then (no
    migration was needed, or opening would have failed). SQLite files are opened for writing."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"


def _migrate(engine: Engine, backup: bool, on_wait: Callable[[str], None] | None) -> None:
    migrate_url = os.environ.get(MIGRATE_URL_ENV) if engine.dialect.name != "sqlite" else None
    if migrate_url and not migrate.needs_upgrade(engine):
        migrate_url = None  # every start but the first after an update: no second connection
    migrate_engine = make_engine(migrate_url) if migrate_url else None
    try:
        migrate.upgrade_if_needed(engine, before=(lambda: _backup_sqlite_file(engine)) if backup else None,
                                  on_wait=on_wait, migrate_engine=migrate_engine)
    finally:
        if migrate_engine is not None:
            migrate_engine.dispose()


def _open_error(engine: Engine, exc: Exception) -> StorageError:
    """What went wrong, in words that fit the engine: a file's path, rights and disk, or the server."""
    detail = getattr(exc, "orig", None) or exc
    if engine.dialect.name == "sqlite":
        return StorageError(f"Không mở được cơ sở dữ liệu ({detail}). "
                            "Hãy kiểm tra đường dẫn tệp, quyền ghi và dung lượng ổ đĩa.")
    return StorageError(f"Không mở được cơ sở dữ liệu trên máy chủ ({detail}). Hãy kiểm tra máy chủ còn chạy, "
                        "mạng tới máy chủ, tên đăng nhập và mật khẩu cơ sở dữ liệu; nếu vẫn lỗi, hãy báo "
                        "quản trị viên máy chủ.")


def _analyze_once(engine: Engine) -> None:
    """Give the query planner statistics once (a second or so on 200,000 households); later,
    PRAGMA optimize on close keeps them current. The write lock is taken before the check (BEGIN
    IMMEDIATE): two processes opening a new file at once would otherwise both read "no statistics"
    in a snapshot and the second's ANALYZE fail at once with "database is locked" (a snapshot
    cannot become a writer once another process wrote). Statistics are an optimisation: a file
    still busy after the timeout opens without them."""
    try:
        with engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
            if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar():
                return
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    except DatabaseError:
        pass


def _optimize(engine: Engine) -> None:
    """SQLite's advice: PRAGMA optimize before closing refreshes the statistics that drifted."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            conn.exec_driver_sql("PRAGMA optimize")
            conn.commit()
    except DatabaseError:
        pass  # best effort: a busy or read-only file keeps its old statistics


def _check_readable(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master"))
    except DatabaseError as exc:
        if "not a database" not in str(exc) and "malformed" not in str(exc):
            raise
        raise StorageError(
            "Tệp này không phải cơ sở dữ liệu của ANTQ Desktop hoặc đã bị hỏng. "
            "Hãy chọn đúng tệp hoặc khôi phục từ bản sao lưu."
        ) from exc


def _backup_sqlite_file(engine: Engine) -> None:
    """Copy the file aside before a schema upgrade, so a failed upgrade loses nothing."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    path = Path(database)
    if not path.exists() or not inspect(engine).get_table_names():
        return
    target = path.with_name(f"{path.stem}.before-upgrade-{migrate.current_revision(engine) or 'none'}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        private_file(target)  # a full copy of the store: as private as the store
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()


def copy_file(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
