"""Everything an office holds lives in its database (issue 17, point 2): blobs in chunks, the archive of
merged packages, and held packages pointing at their blob.

Three new tables (`blobs`, `blob_chunks`, `merged_packages`) and `held_packages` gains `blob_id` while
`stored_path` (a file in the data folder of the PC that held the package) becomes optional. Files already
in the data folders are moved into these tables by the app on first use, on each PC
(services/merge/legacy_copies.py): a migration runs once, on one PC, and cannot reach the others' folders.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'blobs',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('chunks', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_blobs')),
    )
    op.create_table(
        'blob_chunks',
        sa.Column('blob_id', sa.String(length=36), nullable=False),
        sa.Column('chunk_no', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['blob_id'], ['blobs.id'], name=op.f('fk_blob_chunks_blob_id_blobs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('blob_id', 'chunk_no', name=op.f('pk_blob_chunks')),
    )
    op.create_table(
        'merged_packages',
        sa.Column('package_uuid', sa.String(length=36), nullable=False),
        sa.Column('producer_unit', sa.String(length=16), nullable=False),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('file_sha256', sa.String(length=64), nullable=False),
        sa.Column('blob_id', sa.String(length=36), nullable=False),
        sa.Column('kept_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['blob_id'], ['blobs.id'], name=op.f('fk_merged_packages_blob_id_blobs')),
        sa.PrimaryKeyConstraint('package_uuid', name=op.f('pk_merged_packages')),
    )
    with op.batch_alter_table('merged_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merged_packages_producer_unit'), ['producer_unit'], unique=False)
    with op.batch_alter_table('held_packages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blob_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_held_packages_blob_id_blobs'), 'blobs', ['blob_id'], ['id'])
        batch_op.alter_column('stored_path', existing_type=sa.String(length=600), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('held_packages', schema=None) as batch_op:
        batch_op.alter_column('stored_path', existing_type=sa.String(length=600), nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_held_packages_blob_id_blobs'), type_='foreignkey')
        batch_op.drop_column('blob_id')
    with op.batch_alter_table('merged_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merged_packages_producer_unit'))
    op.drop_table('merged_packages')
    op.drop_table('blob_chunks')
    op.drop_table('blobs')
