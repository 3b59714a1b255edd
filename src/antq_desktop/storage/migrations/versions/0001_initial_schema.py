"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-21
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('record_type', sa.String(length=30), nullable=True),
    sa.Column('record_id', sa.String(length=36), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_record_id'), ['record_id'], unique=False)

    op.create_table('counters',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('plans',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('document_ref', sa.String(length=400), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans'))
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_plans_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_plans_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_plans_year'), ['year'], unique=False)

    op.create_table('residential_areas',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=True),
    sa.Column('head_phone', sa.String(length=20), nullable=True),
    sa.Column('households_declared', sa.Integer(), nullable=True),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(length=800), nullable=False),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residential_areas'))
    )
    with op.batch_alter_table('residential_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_residential_areas_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_residential_areas_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_residential_areas_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_residential_areas_sort_key'), ['sort_key'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('unit_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('unit_code', sa.String(length=16), nullable=False),
    sa.Column('unit_name', sa.String(length=200), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('parent_name', sa.String(length=200), nullable=True),
    sa.Column('catalog_code', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_profile'))
    )
    op.create_table('users',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('households',
    sa.Column('area_id', sa.String(length=36), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('citizen_id', sa.String(length=12), nullable=True),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(length=800), nullable=False),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['residential_areas.id'], name=op.f('fk_households_area_id_residential_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households'))
    )
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_households_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_sort_key'), ['sort_key'], unique=False)

    op.create_table('organizations',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('org_type', sa.String(length=20), nullable=False),
    sa.Column('in_scope', sa.Boolean(), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('address', sa.String(length=400), nullable=True),
    sa.Column('head_name', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('staff_count', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(length=800), nullable=False),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['residential_areas.id'], name=op.f('fk_organizations_area_id_residential_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations'))
    )
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizations_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_sort_key'), ['sort_key'], unique=False)

    op.create_table('plan_targets',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('indicator', sa.String(length=60), nullable=False),
    sa.Column('comparator', sa.String(length=2), nullable=False),
    sa.Column('threshold', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_targets_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_targets'))
    )
    with op.batch_alter_table('plan_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_targets_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_targets_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_targets_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_targets_plan_id'), ['plan_id'], unique=False)

    op.create_table('assessments',
    sa.Column('subject_kind', sa.String(length=20), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('catalog_code', sa.String(length=60), nullable=False),
    sa.Column('catalog_version', sa.String(length=20), nullable=False),
    sa.Column('answers', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('assessor', sa.String(length=200), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['residential_areas.id'], name=op.f('fk_assessments_area_id_residential_areas')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_assessments_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_year'), ['year'], unique=False)

    op.create_table('pledges',
    sa.Column('signer_kind', sa.String(length=20), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('person_name', sa.String(length=200), nullable=True),
    sa.Column('template_code', sa.String(length=60), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(length=800), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_pledges_household_id_households')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_pledges_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledges'))
    )
    with op.batch_alter_table('pledges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pledges_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledges_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledges_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledges_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledges_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledges_year'), ['year'], unique=False)
        batch_op.create_index('ix_pledges_year_household', ['year', 'household_id'], unique=False)

    op.create_table('registrations',
    sa.Column('subject_kind', sa.String(length=20), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_unit', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['residential_areas.id'], name=op.f('fk_registrations_area_id_residential_areas')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_registrations_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registrations_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_origin_unit'), ['origin_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_year'), ['year'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registrations_year'))
        batch_op.drop_index(batch_op.f('ix_registrations_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_registrations_organization_id'))
        batch_op.drop_index(batch_op.f('ix_registrations_deleted'))
        batch_op.drop_index(batch_op.f('ix_registrations_change_seq'))
        batch_op.drop_index(batch_op.f('ix_registrations_area_id'))

    op.drop_table('registrations')
    with op.batch_alter_table('pledges', schema=None) as batch_op:
        batch_op.drop_index('ix_pledges_year_household')
        batch_op.drop_index(batch_op.f('ix_pledges_year'))
        batch_op.drop_index(batch_op.f('ix_pledges_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_pledges_organization_id'))
        batch_op.drop_index(batch_op.f('ix_pledges_household_id'))
        batch_op.drop_index(batch_op.f('ix_pledges_deleted'))
        batch_op.drop_index(batch_op.f('ix_pledges_change_seq'))

    op.drop_table('pledges')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_year'))
        batch_op.drop_index(batch_op.f('ix_assessments_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_assessments_organization_id'))
        batch_op.drop_index(batch_op.f('ix_assessments_deleted'))
        batch_op.drop_index(batch_op.f('ix_assessments_change_seq'))
        batch_op.drop_index(batch_op.f('ix_assessments_area_id'))

    op.drop_table('assessments')
    with op.batch_alter_table('plan_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_targets_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_targets_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_plan_targets_deleted'))
        batch_op.drop_index(batch_op.f('ix_plan_targets_change_seq'))

    op.drop_table('plan_targets')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_sort_key'))
        batch_op.drop_index(batch_op.f('ix_organizations_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_organizations_deleted'))
        batch_op.drop_index(batch_op.f('ix_organizations_change_seq'))
        batch_op.drop_index(batch_op.f('ix_organizations_area_id'))

    op.drop_table('organizations')
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_households_sort_key'))
        batch_op.drop_index(batch_op.f('ix_households_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_households_deleted'))
        batch_op.drop_index(batch_op.f('ix_households_citizen_id'))
        batch_op.drop_index(batch_op.f('ix_households_change_seq'))
        batch_op.drop_index(batch_op.f('ix_households_area_id'))

    op.drop_table('households')
    op.drop_table('users')
    op.drop_table('unit_profile')
    op.drop_table('settings')
    with op.batch_alter_table('residential_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_residential_areas_sort_key'))
        batch_op.drop_index(batch_op.f('ix_residential_areas_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_residential_areas_deleted'))
        batch_op.drop_index(batch_op.f('ix_residential_areas_change_seq'))

    op.drop_table('residential_areas')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_year'))
        batch_op.drop_index(batch_op.f('ix_plans_origin_unit'))
        batch_op.drop_index(batch_op.f('ix_plans_deleted'))
        batch_op.drop_index(batch_op.f('ix_plans_change_seq'))

    op.drop_table('plans')
    op.drop_table('counters')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_record_id'))

    op.drop_table('audit_log')

