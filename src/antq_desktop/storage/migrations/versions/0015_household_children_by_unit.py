"""A household's members and pledges indexed by (origin_unit, household_id) (issue 18, province round).

Members and pledges were indexed by household_id alone (a random UUID) and by origin_unit. A commune's
package then wrote its rows on random pages across the whole household_id index, and every commit of an
office holding 100 communes rewrote most of those pages. Led by the unit, a package's rows land in one
region. The new index also answers what the origin_unit index answered, so that one goes, and so does
(year, household_id): (year, origin_unit, household_id, ...) serves the year's pledges of a household once
the query names the unit, which every query now does (a household's children are of its origin, A2).

No row changes. A store of the previous schema only has its indexes rebuilt (seconds for 2 million
members).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_household_members_household_id', table_name='household_members')
    op.drop_index('ix_household_members_origin_unit', table_name='household_members')
    op.create_index('ix_household_members_unit_household', 'household_members', ['origin_unit', 'household_id'])
    op.drop_index('ix_pledges_household_id', table_name='pledges')
    op.drop_index('ix_pledges_origin_unit', table_name='pledges')
    op.drop_index('ix_pledges_year_household', table_name='pledges')
    op.create_index('ix_pledges_unit_household', 'pledges', ['origin_unit', 'household_id'])
    if op.get_bind().dialect.name == "sqlite":
        # Without statistics for the new indexes (the old ones' went with them) SQLite takes them for
        # selective and, at a commune where every row is of its unit, reads through them and sorts. A sampled
        # ANALYZE of the two tables takes milliseconds; PostgreSQL's statistics are per column, not per index.
        op.execute("PRAGMA analysis_limit = 1000")
        op.execute("ANALYZE household_members")
        op.execute("ANALYZE pledges")


def downgrade() -> None:
    op.drop_index('ix_pledges_unit_household', table_name='pledges')
    op.create_index('ix_pledges_year_household', 'pledges', ['year', 'household_id'])
    op.create_index('ix_pledges_origin_unit', 'pledges', ['origin_unit'])
    op.create_index('ix_pledges_household_id', 'pledges', ['household_id'])
    op.drop_index('ix_household_members_unit_household', table_name='household_members')
    op.create_index('ix_household_members_origin_unit', 'household_members', ['origin_unit'])
    op.create_index('ix_household_members_household_id', 'household_members', ['household_id'])
