"""Revocations an office reported up in its forward (issue 14, point 3 "Revocations travel").

One new table, nothing else changes: a store of the previous schema gains it empty.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('received_revocations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('unit_code', sa.String(length=16), nullable=False),
    sa.Column('office_unit', sa.String(length=16), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_by', sa.String(length=60), nullable=False),
    sa.Column('compromised_since', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.String(length=400), nullable=True),
    sa.Column('valid_up_to_sequence', sa.Integer(), nullable=True),
    sa.Column('valid_packages', sa.Text(), nullable=False),
    sa.Column('forward_package_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_received_revocations')),
    sa.UniqueConstraint('key_id', 'office_unit', name=op.f('uq_received_revocations_key_id'))
    )
    with op.batch_alter_table('received_revocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_received_revocations_key_id'), ['key_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('received_revocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_received_revocations_key_id'))
    op.drop_table('received_revocations')
