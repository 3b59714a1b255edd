"""The pledges' year index also carries unit, household, status and tombstone: the upper office's
overview counts every commune's pledged households from this index alone (0.47 s -> 0.16 s on
465,000 pledges of 100 communes).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_pledges_year', table_name='pledges')
    op.create_index('ix_pledges_year_unit_household', 'pledges',
                    ['year', 'origin_unit', 'household_id', 'status', 'deleted'])


def downgrade() -> None:
    op.drop_index('ix_pledges_year_unit_household', table_name='pledges')
    op.create_index('ix_pledges_year', 'pledges', ['year'])
