"""Migration 0013 (blobs, blob_chunks, merged_packages, held_packages.blob_id): from empty and from the previous
schema, where a package held by an older version keeps its row and its file path until the app moves the file in."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect
from tests.storage.migration_steps import previous

from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store

FIXTURES = Path(__file__).parent / "fixtures"
NEW_TABLES = {"blobs", "blob_chunks", "merged_packages"}


def test_empty_store_has_the_new_tables(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    assert NEW_TABLES <= set(inspect(store.engine).get_table_names())
    held = {c["name"]: c for c in inspect(store.engine).get_columns("held_packages")}
    assert "blob_id" in held and held["stored_path"]["nullable"]
    assert {"blob_id", "chunk_no", "data"} <= {c["name"] for c in inspect(store.engine).get_columns("blob_chunks")}


def test_a_held_row_of_the_previous_schema_is_kept_with_its_path(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, previous("0013"))
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO held_packages (package_uuid, producer_unit, sequence, prev_package_sha256, "
                     "stored_path, file_sha256, received_at, reason) VALUES ('p-1', '00004', 3, NULL, "
                     "'/old/held-packages/p-1.antq', 'ab', '2026-11-01 08:00:00', 'chờ')")
    store = open_store(path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT package_uuid, sequence, stored_path, blob_id, file_sha256 FROM held_packages")]
        empty = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in sorted(NEW_TABLES)]
    store.close()
    assert rows == [("p-1", 3, "/old/held-packages/p-1.antq", None, "ab")]
    assert empty == [0, 0, 0]
