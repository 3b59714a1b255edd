"""The catchment of each office this office enrolled: the communes it may vouch keys for in a forward.

Recorded by the receiving office itself (never read from a key file or a package), so a cluster
cannot vouch a key for a commune outside its area, for the province, or for another office.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office_catchment',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('office_unit', sa.String(length=16), nullable=False),
    sa.Column('commune_code', sa.String(length=16), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_catchment')),
    sa.UniqueConstraint('office_unit', 'commune_code', name=op.f('uq_office_catchment_office_unit'))
    )
    with op.batch_alter_table('office_catchment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_catchment_office_unit'), ['office_unit'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('office_catchment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_catchment_office_unit'))
    op.drop_table('office_catchment')
