"""Numbers in names sort by value ("Tổ 2" before "Tổ 10"): stored sort keys are recomputed; the
households' sort index also carries the search key, so a search walks one narrow index.

The recomputation uses today's `domain.text` functions; a later change of the order needs its own
migration that recomputes again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

from antq_desktop.domain.text import person_sort_key, sort_key

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Table, the column the key is computed from, and how.
SORTED_TABLES = (("residential_areas", "name", sort_key), ("organizations", "name", sort_key),
                 ("households", "head_name", person_sort_key))
BATCH = 5000


def _recompute_sort_keys() -> None:
    """Only rows whose key changes are written (names with digits): a few on most stores."""
    bind = op.get_bind()
    for table, source, key in SORTED_TABLES:
        rows = bind.execute(sa.text(f"SELECT id, {source}, sort_key FROM {table}"))
        changed = [{"id": row_id, "key": key(name)} for row_id, name, stored in rows if key(name) != stored]
        update = sa.text(f"UPDATE {table} SET sort_key = :key WHERE id = :id")
        for start in range(0, len(changed), BATCH):
            bind.execute(update, changed[start:start + BATCH])


# A development build of 0003 kept an FTS5 mirror of households.search_key with triggers (taken
# out before release: it made merges ~8-50x slower). Stores made by that build lose it here.
LEFTOVER_SEARCH_MIRROR = ["DROP TRIGGER IF EXISTS households_fts_ai", "DROP TRIGGER IF EXISTS households_fts_ad",
                          "DROP TRIGGER IF EXISTS households_fts_au", "DROP TABLE IF EXISTS households_fts"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in LEFTOVER_SEARCH_MIRROR:
            op.execute(statement)
    op.drop_index('ix_households_sort_key', table_name='households')
    op.create_index('ix_households_sort_search', 'households', ['sort_key', 'id', 'search_key', 'deleted'])
    _recompute_sort_keys()


def downgrade() -> None:
    # The numeric order stays in the keys: the previous release sorts them correctly too, only
    # its own new records would use the old order.
    op.drop_index('ix_households_sort_search', table_name='households')
    op.create_index('ix_households_sort_key', 'households', ['sort_key'])
