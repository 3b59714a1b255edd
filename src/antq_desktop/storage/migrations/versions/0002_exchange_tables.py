"""exchange keys, trust registry, export and import history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('export_history',
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('file_name', sa.String(length=400), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=False),
    sa.Column('recipient_key_id', sa.String(length=64), nullable=True),
    sa.Column('encrypted', sa.Boolean(), nullable=False),
    sa.Column('record_counts', sa.Text(), nullable=False),
    sa.Column('from_change_seq', sa.Integer(), nullable=False),
    sa.Column('to_change_seq', sa.Integer(), nullable=False),
    sa.Column('prev_package_sha256', sa.String(length=64), nullable=True),
    sa.Column('audit_head', sa.String(length=64), nullable=True),
    sa.Column('receipt_verified_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('package_uuid', name=op.f('pk_export_history')),
    sa.UniqueConstraint('sequence', name=op.f('uq_export_history_sequence'))
    )
    op.create_table('held_packages',
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('producer_unit', sa.String(length=16), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('prev_package_sha256', sa.String(length=64), nullable=True),
    sa.Column('stored_path', sa.String(length=600), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('package_uuid', name=op.f('pk_held_packages'))
    )
    with op.batch_alter_table('held_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_held_packages_producer_unit'), ['producer_unit'], unique=False)

    op.create_table('import_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('file_name', sa.String(length=400), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('producer_unit', sa.String(length=16), nullable=True),
    sa.Column('package_uuid', sa.String(length=36), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=True),
    sa.Column('result', sa.String(length=12), nullable=False),
    sa.Column('error_code', sa.String(length=30), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_log'))
    )
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_log_file_sha256'), ['file_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_log_package_uuid'), ['package_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_log_producer_unit'), ['producer_unit'], unique=False)

    op.create_table('known_keys',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('unit_code', sa.String(length=16), nullable=False),
    sa.Column('unit_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('signing_public', sa.String(length=100), nullable=False),
    sa.Column('receiving_public', sa.String(length=100), nullable=False),
    sa.Column('fingerprint', sa.String(length=40), nullable=False),
    sa.Column('is_recipient', sa.Boolean(), nullable=False),
    sa.Column('is_trusted', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('replaces_key_id', sa.String(length=64), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('enrolled_by', sa.String(length=60), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_by', sa.String(length=60), nullable=True),
    sa.Column('revoke_reason', sa.String(length=400), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_known_keys')),
    sa.UniqueConstraint('key_id', name=op.f('uq_known_keys_key_id'))
    )
    with op.batch_alter_table('known_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_known_keys_unit_code'), ['unit_code'], unique=False)

    op.create_table('local_keys',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=40), nullable=False),
    sa.Column('blob', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.Column('retired_reason', sa.String(length=400), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_keys')),
    sa.UniqueConstraint('key_id', name=op.f('uq_local_keys_key_id'))
    )
    op.create_table('merge_conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('producer_unit', sa.String(length=16), nullable=False),
    sa.Column('record_type', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('stored_sha256', sa.String(length=64), nullable=False),
    sa.Column('incoming_sha256', sa.String(length=64), nullable=False),
    sa.Column('incoming_record', sa.Text(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_conflicts'))
    )
    with op.batch_alter_table('merge_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merge_conflicts_package_uuid'), ['package_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_merge_conflicts_record_id'), ['record_id'], unique=False)

    op.create_table('producer_state',
    sa.Column('producer_unit', sa.String(length=16), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.Column('last_package_uuid', sa.String(length=36), nullable=False),
    sa.Column('last_package_sha256', sa.String(length=64), nullable=False),
    sa.Column('last_merged_at', sa.DateTime(), nullable=False),
    sa.Column('last_audit_head', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('producer_unit', name=op.f('pk_producer_state'))
    )



def downgrade() -> None:

    op.drop_table('producer_state')
    with op.batch_alter_table('merge_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merge_conflicts_record_id'))
        batch_op.drop_index(batch_op.f('ix_merge_conflicts_package_uuid'))

    op.drop_table('merge_conflicts')
    op.drop_table('local_keys')
    with op.batch_alter_table('known_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_known_keys_unit_code'))

    op.drop_table('known_keys')
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_log_producer_unit'))
        batch_op.drop_index(batch_op.f('ix_import_log_package_uuid'))
        batch_op.drop_index(batch_op.f('ix_import_log_file_sha256'))

    op.drop_table('import_log')
    with op.batch_alter_table('held_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_held_packages_producer_unit'))

    op.drop_table('held_packages')
    op.drop_table('export_history')

