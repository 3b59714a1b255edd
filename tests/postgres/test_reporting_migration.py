"""Migration 0008 (reporting views): from an empty database and from every earlier schema, on both engines."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from antq_desktop.storage import migrate
from antq_desktop.storage.db import make_engine, open_store

VIEWS = {"report_unit_counts", "report_pledges_by_year", "report_registrations_by_year", "report_assessments_by_year"}
FIXTURES = Path(__file__).resolve().parents[1] / "storage" / "fixtures"


def _earlier_revisions():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return sorted(rev.revision for rev in script.walk_revisions() if rev.revision < "0008")


def _pg_views(engine):
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT table_name FROM information_schema.views "
                                     "WHERE table_schema = 'reporting'")).scalars())


@pytest.mark.parametrize("revision", [None, *_earlier_revisions()])
def test_postgresql_gets_the_views_from_every_earlier_schema(postgres_server, revision):
    url = postgres_server.create_database(f"antq_views_{revision or 'empty'}")
    if revision is not None:
        engine = make_engine(url)
        migrate.upgrade(engine, revision)
        engine.dispose()
    store = open_store(url)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert _pg_views(store.engine) == VIEWS
        with store.engine.connect() as conn:
            for view in VIEWS:
                conn.execute(text(f"SELECT * FROM reporting.{view}")).all()
    finally:
        store.close()


def test_postgresql_downgrade_below_0008_drops_the_views_and_upgrades_again(postgres_server):
    url = postgres_server.create_database("antq_views_down")
    store = open_store(url)
    try:
        migrate.upgrade(store.engine, "head")
        from alembic import command

        command.downgrade(migrate.alembic_config(store.engine), "0006")  # below 0008, whatever came after it
        assert _pg_views(store.engine) == set()
        migrate.upgrade(store.engine)
        assert _pg_views(store.engine) == VIEWS
    finally:
        store.close()


@pytest.mark.parametrize("frozen", sorted(FIXTURES.glob("schema_*.sqlite3")), ids=lambda p: p.name)
def test_sqlite_stores_upgrade_through_0008_without_views(tmp_path, frozen):
    """On SQLite 0008 only moves the revision: a view would make later batch migrations fail."""
    path = tmp_path / frozen.name
    shutil.copy(frozen, path)
    store = open_store(path)
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
        assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall() == []
