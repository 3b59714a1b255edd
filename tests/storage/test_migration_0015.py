"""Migration 0015 (a household's members and pledges indexed by unit, then household): from empty and from
the previous schema, rows kept and the old random-key indexes gone."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect
from tests.storage.migration_steps import previous

from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store

FIXTURES = Path(__file__).parent / "fixtures"
NEW = {("household_members", "ix_household_members_unit_household", ("origin_unit", "household_id")),
       ("pledges", "ix_pledges_unit_household", ("origin_unit", "household_id"))}
GONE = {("household_members", "ix_household_members_household_id"),
        ("household_members", "ix_household_members_origin_unit"), ("pledges", "ix_pledges_household_id"),
        ("pledges", "ix_pledges_origin_unit"), ("pledges", "ix_pledges_year_household")}


def _indexes(engine) -> dict[tuple[str, str], tuple[str, ...]]:  # type: ignore[no-untyped-def]
    found = inspect(engine)
    return {(table, ix["name"]): tuple(ix["column_names"]) for table in ("household_members", "pledges")
            for ix in found.get_indexes(table)}


def test_empty_store_has_the_unit_led_indexes(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    indexes = _indexes(store.engine)
    assert {(t, name, cols) for (t, name), cols in indexes.items()} >= NEW
    assert not GONE & set(indexes)
    # what the origin_unit index answered is still answered by an index (every other table keeps its own)
    assert ("households", "ix_households_origin_unit") in {("households", ix["name"])
                                                            for ix in inspect(store.engine).get_indexes("households")}


def test_store_of_the_previous_schema_is_reindexed_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, previous("0015"))
    assert GONE <= set(_indexes(engine))
    engine.dispose()
    with sqlite3.connect(path) as conn:
        pledges = conn.execute("SELECT id, household_id, origin_unit FROM pledges ORDER BY id").fetchall()
    store = open_store(path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    indexes = _indexes(store.engine)
    assert {(t, name, cols) for (t, name), cols in indexes.items()} >= NEW
    assert not GONE & set(indexes)
    with store.engine.connect() as conn:
        after = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT id, household_id, origin_unit FROM pledges ORDER BY id")]
        analysed = {i for (i,) in conn.exec_driver_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'pledges'")}
    assert after == pledges and pledges
    assert "ix_pledges_unit_household" in analysed  # the planner knows the new index at once
