"""The movement's activities as synced records (issue 20): models, the festival day, briefings,
commendations, grassroots security force teams and their yearly ratings.

New tables only: nothing existing is rebuilt, so an older store keeps every row and the reporting
views of 0008 (PostgreSQL) stay valid. Columns are written out here, not imported from the models:
a migration keeps doing what it did when released.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# Creation order: a table before the tables that refer to it; dropped in reverse.
TABLES = ("movement_models", "festival_days", "briefings", "commendations", "security_teams",
          "security_team_ratings")


def _synced(table: str, *columns: sa.Column) -> None:
    """A synced table: the bookkeeping columns every SyncedRecord has, then `columns`."""
    op.create_table(
        table,
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('origin_unit', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    )
    op.create_index(op.f(f'ix_{table}_origin_unit'), table, ['origin_unit'])
    op.create_index(op.f(f'ix_{table}_change_seq'), table, ['change_seq'])


def _ref(table: str, column: str, target: str) -> sa.Column:
    return sa.Column(column, sa.String(length=36),
                     sa.ForeignKey(f'{target}.id', name=op.f(f'fk_{table}_{column}_{target}')), nullable=True)


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f'ix_{table}_{column}'), table, [column])


def upgrade() -> None:
    t = "movement_models"
    _synced(t, sa.Column('name', sa.String(length=300), nullable=False),
            sa.Column('kind', sa.String(length=20), nullable=False),
            _ref(t, 'area_id', 'residential_areas'), _ref(t, 'organization_id', 'organizations'),
            sa.Column('field_of_work', sa.String(length=300), nullable=True),
            sa.Column('started_year', sa.Integer(), nullable=False),
            sa.Column('status', sa.String(length=20), nullable=False),
            sa.Column('recognised_by', sa.String(length=300), nullable=True),
            sa.Column('recognised_on', sa.Date(), nullable=True),
            sa.Column('note', sa.Text(), nullable=True),
            sa.Column('search_key', sa.String(length=800), nullable=False))
    _indexes(t, 'area_id', 'organization_id')
    t = "festival_days"
    _synced(t, sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('held_on', sa.Date(), nullable=False),
            sa.Column('place', sa.String(length=400), nullable=False),
            sa.Column('participants', sa.Integer(), nullable=False),
            sa.Column('content', sa.Text(), nullable=True),
            sa.Column('outcome', sa.Text(), nullable=True),
            _ref(t, 'area_id', 'residential_areas'), _ref(t, 'organization_id', 'organizations'),
            sa.Column('note', sa.Text(), nullable=True))
    _indexes(t, 'year', 'area_id', 'organization_id')
    t = "briefings"
    _synced(t, sa.Column('held_on', sa.Date(), nullable=False),
            sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('audience_kind', sa.String(length=20), nullable=False),
            sa.Column('invited', sa.Integer(), nullable=False),
            sa.Column('present', sa.Integer(), nullable=False),
            sa.Column('topic', sa.String(length=400), nullable=False),
            _ref(t, 'organization_id', 'organizations'),
            sa.Column('note', sa.Text(), nullable=True))
    _indexes(t, 'year', 'organization_id')
    t = "commendations"
    _synced(t, sa.Column('subject_kind', sa.String(length=10), nullable=False),
            sa.Column('subject_name', sa.String(length=300), nullable=False),
            _ref(t, 'area_id', 'residential_areas'), _ref(t, 'organization_id', 'organizations'),
            sa.Column('awarded_by', sa.String(length=300), nullable=False),
            sa.Column('level', sa.String(length=200), nullable=False),
            sa.Column('awarded_on', sa.Date(), nullable=False),
            sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('reason', sa.Text(), nullable=True),
            sa.Column('note', sa.Text(), nullable=True),
            sa.Column('search_key', sa.String(length=800), nullable=False))
    _indexes(t, 'area_id', 'organization_id', 'year')
    t = "security_teams"
    _synced(t, sa.Column('area_id', sa.String(length=36),
                         sa.ForeignKey('residential_areas.id', name=op.f(f'fk_{t}_area_id_residential_areas')),
                         nullable=False),
            sa.Column('name', sa.String(length=200), nullable=False),
            sa.Column('members', sa.Integer(), nullable=False),
            sa.Column('note', sa.Text(), nullable=True))
    _indexes(t, 'area_id')
    t = "security_team_ratings"
    _synced(t, sa.Column('team_id', sa.String(length=36),
                         sa.ForeignKey('security_teams.id', name=op.f(f'fk_{t}_team_id_security_teams')),
                         nullable=False),
            sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('rating', sa.String(length=30), nullable=False),
            sa.Column('note', sa.Text(), nullable=True))
    _indexes(t, 'team_id', 'year')


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
