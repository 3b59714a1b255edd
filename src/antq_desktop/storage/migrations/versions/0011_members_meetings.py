"""Household members, review meetings and recognition decisions as synced records (issue 15, points 1, 2, 5).

Three new tables, nothing else changes: a store of the previous schema gains them empty.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('origin_unit', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
    ]


def _indexes(table: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        'household_members',
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('full_name', sa.String(length=200), nullable=False),
        sa.Column('birth_year', sa.Integer(), nullable=True),
        sa.Column('relation', sa.String(length=20), nullable=False),
        sa.Column('citizen_id', sa.String(length=12), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['household_id'], ['households.id'],
                                name=op.f('fk_household_members_household_id_households')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_household_members')),
    )
    _indexes('household_members', ['household_id', 'origin_unit', 'change_seq'])
    op.create_table(
        'meetings',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('subject_kind', sa.String(length=20), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=True),
        sa.Column('organization_id', sa.String(length=36), nullable=True),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('start_time', sa.String(length=5), nullable=True),
        sa.Column('end_time', sa.String(length=5), nullable=True),
        sa.Column('place', sa.String(length=400), nullable=True),
        sa.Column('chair', sa.String(length=200), nullable=True),
        sa.Column('secretary', sa.String(length=200), nullable=True),
        sa.Column('invited', sa.Integer(), nullable=True),
        sa.Column('present', sa.Integer(), nullable=True),
        sa.Column('absent', sa.Integer(), nullable=True),
        sa.Column('discussion', sa.Text(), nullable=False),
        sa.Column('votes_for', sa.Integer(), nullable=True),
        sa.Column('votes_against', sa.Integer(), nullable=True),
        sa.Column('conclusion', sa.Text(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['area_id'], ['residential_areas.id'],
                                name=op.f('fk_meetings_area_id_residential_areas')),
        sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'],
                                name=op.f('fk_meetings_organization_id_organizations')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    )
    _indexes('meetings', ['area_id', 'organization_id', 'year', 'origin_unit', 'change_seq'])
    op.create_table(
        'recognition_decisions',
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=60), nullable=False),
        sa.Column('decided_on', sa.Date(), nullable=False),
        sa.Column('issuing_body', sa.String(length=300), nullable=True),
        sa.Column('subjects', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_decisions')),
    )
    _indexes('recognition_decisions', ['year', 'origin_unit', 'change_seq'])


def downgrade() -> None:
    for table in ('recognition_decisions', 'meetings', 'household_members'):
        op.drop_table(table)
