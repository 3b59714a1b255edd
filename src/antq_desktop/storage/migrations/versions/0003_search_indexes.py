"""Substring-search indexes for households (FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL);
drop the misleading single-column indexes on the boolean `deleted`

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE households_fts USING fts5(search_key, content='households', content_rowid='rowid', "
    "tokenize='trigram')",
    "INSERT INTO households_fts(households_fts) VALUES ('rebuild')",
    "CREATE TRIGGER households_fts_ai AFTER INSERT ON households BEGIN "
    "INSERT INTO households_fts(rowid, search_key) VALUES (new.rowid, new.search_key); END",
    "CREATE TRIGGER households_fts_ad AFTER DELETE ON households BEGIN "
    "INSERT INTO households_fts(households_fts, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); END",
    "CREATE TRIGGER households_fts_au AFTER UPDATE OF search_key ON households BEGIN "
    "INSERT INTO households_fts(households_fts, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
    "INSERT INTO households_fts(rowid, search_key) VALUES (new.rowid, new.search_key); END",
]
SQLITE_DOWN = ["DROP TRIGGER households_fts_au", "DROP TRIGGER households_fts_ad", "DROP TRIGGER households_fts_ai",
               "DROP TABLE households_fts"]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",  # a trusted extension: the database owner may create it
    "CREATE INDEX ix_households_search_trgm ON households USING gin (search_key gin_trgm_ops)",
]
POSTGRES_DOWN = ["DROP INDEX ix_households_search_trgm"]


SYNCED_TABLES = ("residential_areas", "organizations", "households", "pledges", "registrations", "assessments",
                 "plans", "plan_targets")


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        op.drop_index(f"ix_{table}_deleted", table_name=table)
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
    for table in SYNCED_TABLES:
        op.create_index(f"ix_{table}_deleted", table, ["deleted"])
