"""Migration 0011 (household members, meetings, recognition decisions): from empty and from the previous schema."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect
from tests.storage.migration_steps import previous

from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store

FIXTURES = Path(__file__).parent / "fixtures"
NEW_TABLES = {"household_members", "meetings", "recognition_decisions"}


def test_empty_store_has_the_new_tables(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    assert NEW_TABLES <= set(inspect(store.engine).get_table_names())
    columns = {c["name"] for c in inspect(store.engine).get_columns("household_members")}
    assert {"household_id", "full_name", "birth_year", "relation", "citizen_id"} <= columns


def test_store_of_the_previous_schema_gains_them_and_keeps_its_rows(tmp_path):
    """A 0003 store taken to the revision just before 0011, then to head: rows kept, new tables empty."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, previous("0011"))
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    with sqlite3.connect(path) as conn:
        households = conn.execute("SELECT id, head_name FROM households ORDER BY id").fetchall()
    store = open_store(path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        after = [tuple(r) for r in conn.exec_driver_sql("SELECT id, head_name FROM households ORDER BY id")]
        empty = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in sorted(NEW_TABLES)]
    assert after == households and households
    assert empty == [0, 0, 0]
