import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from antq_desktop.domain.errors import NewerDatabaseError, StorageError
from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import Base
from antq_desktop.storage.search import is_engine_specific

FIXTURES = Path(__file__).parent / "fixtures"


def test_empty_file_is_migrated_to_head(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"households", "pledges", "assessments", "audit_log", "users", "unit_profile"} <= tables


def test_migrations_match_the_models(tmp_path):
    """A model change without a migration fails here, not on an officer's laptop."""
    store = open_store(tmp_path / "new.sqlite3")
    options = {"include_name": lambda name, type_, _p: not is_engine_specific(name, type_)}
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts=options), Base.metadata)
    assert diff == []


def test_single_migration_head():
    from alembic.script import ScriptDirectory

    assert len(ScriptDirectory.from_config(migrate.alembic_config()).get_heads()) == 1


def test_sqlite_pragmas_are_set(tmp_path):
    store = open_store(tmp_path / "p.sqlite3")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_new_file_another_process_is_switching_to_wal_is_waited_for(tmp_path):
    """Two PCs opening one new, empty file at once (issue 17): while one holds the file's write lock to
    switch it to WAL, SQLite answers the other's switch "database is locked" at once, without its busy
    handler. The second open must wait for the lock, not fail."""
    path = tmp_path / "shared.sqlite3"
    path.touch()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the other process, mid-switch: the write lock of a rollback-mode file
    releaser = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    releaser.start()
    try:
        store = open_store(path)
    finally:
        releaser.join()
        other.close()
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        store.close()


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(NewerDatabaseError, match="phiên bản mới hơn"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="không phải cơ sở dữ liệu"):
        open_store(path)


@pytest.mark.parametrize("frozen", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.name)
def test_upgrade_from_every_released_schema(tmp_path, frozen):
    """Each released schema is kept as a small file; opening it must upgrade it with its data intact."""
    path = tmp_path / frozen.name
    shutil.copy(frozen, path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT count(*) FROM households").fetchone()[0]
    store = open_store(path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM households").scalar() == before > 0


def test_upgrade_to_0004_sorts_numbered_names_by_value(tmp_path):
    """Keys stored by the 0003 release put "số 10" before "số 2"; the upgrade recomputes them."""
    path = tmp_path / "schema_0003.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    with sqlite3.connect(path) as conn:
        stale = [name for (name,) in conn.execute("SELECT name FROM residential_areas ORDER BY sort_key")]
        households = conn.execute("SELECT id, sort_key FROM households ORDER BY id").fetchall()
    assert stale.index("Tổ dân phố số 10") < stale.index("Tổ dân phố số 2")  # the fixture shows the old order
    store = open_store(path)
    with store.engine.connect() as conn:
        names = [name for (name,) in conn.exec_driver_sql("SELECT name FROM residential_areas ORDER BY sort_key")]
        indexes = {name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'households'")}
        after = conn.exec_driver_sql("SELECT id, sort_key FROM households ORDER BY id").all()
    assert names == [f"Tổ dân phố số {n}" for n in (1, 2, 3, 10, 11, 20)]
    assert [tuple(row) for row in after] == households  # names without digits keep their keys
    assert "ix_households_sort_search" in indexes and "ix_households_sort_key" not in indexes


def test_upgrade_to_0004_removes_a_leftover_search_mirror(tmp_path):
    """A pre-release 0003 build added an FTS5 mirror with triggers that slowed merges; 0004 drops it."""
    path = tmp_path / "schema_0003.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIRTUAL TABLE households_fts USING fts5(search_key, content='households', "
                     "content_rowid='rowid', tokenize='trigram')")
        conn.execute("CREATE TRIGGER households_fts_ai AFTER INSERT ON households BEGIN "
                     "INSERT INTO households_fts(rowid, search_key) VALUES (new.rowid, new.search_key); END")
    store = open_store(path)
    with store.engine.connect() as conn:
        left = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'households_fts%'").all()
    store.close()
    assert left == []
