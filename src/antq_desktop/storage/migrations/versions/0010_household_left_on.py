"""The day a household moved away or no longer lives in the commune ("Chuyển đi / không còn ở địa bàn").

A household that left keeps counting in the years it was part of the commune (issue 14: past years
stay as reported); it travels in packages only when set, so records without it keep their digests.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_column('left_on')
