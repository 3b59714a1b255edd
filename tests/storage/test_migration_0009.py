"""Migration 0009 (issue 20) adds the activity tables to a store of the previous schema, rows kept,
and goes back down cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store

TABLES = {"movement_models", "festival_days", "briefings", "commendations", "security_teams",
          "security_team_ratings"}


def test_0008_store_upgrades_with_its_rows_and_downgrades(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "previous.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0008")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO residential_areas (id, origin_unit, created_at, updated_at, revision, deleted, "
                          "change_seq, name, kind, search_key, sort_key) VALUES ('a', '00004', '2025-01-01', "
                          "'2025-01-01', 1, 0, 3, 'Thôn Đông', 'thon', 'thon dong', 'thon dong')"))
    assert not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    store = open_store(path)  # opening upgrades to head
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert TABLES <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM residential_areas")).scalars().all() == ["Thôn Đông"]
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(migrate.alembic_config(engine), "0008")
    assert not TABLES & set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM residential_areas")).scalar() == 1
    engine.dispose()
