"""The office key per account (issue 17, point 1): a table of per-account wrapped keys.

Until now each local key's private halves were wrapped once, under the password of the account that
set the unit up (or last changed its password), inside ``local_keys.blob``. Nothing in the store says
which account that is (only its password opens it), so the wrap moves to ``key_wraps`` as a ``legacy``
row: the first admin or officer whose password opens it claims it at sign-in (services/keys/wraps.py,
audited as ``key_wrap_claim``), exactly the account that holds it today. ``local_keys.blob`` keeps the
public halves only. Downgrade puts one wrap per key back into ``local_keys.blob`` (the legacy one, or the
oldest account wrap) and drops the table.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_PUBLIC_FIELDS = ("key_id", "public_key")


def upgrade() -> None:
    op.create_table(
        'key_wraps',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('key_id', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.String(length=36), nullable=True),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('blob', sa.Text(), nullable=False),
        sa.Column('sealed_to', sa.String(length=64), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(['key_id'], ['local_keys.key_id'], name=op.f('fk_key_wraps_key_id_local_keys')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_key_wraps_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_key_wraps')),
        sa.UniqueConstraint('key_id', 'user_id', name=op.f('uq_key_wraps_key_id')),
    )
    with op.batch_alter_table('key_wraps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_wraps_key_id'), ['key_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_key_wraps_user_id'), ['user_id'], unique=False)
    _move_wraps_out()


def _public_only(blob: dict) -> dict:
    kept = {kind: {f: blob[kind][f] for f in _PUBLIC_FIELDS} for kind in ("signing", "receiving")}
    return {"format": blob["format"], "version": blob["version"], **kept, "created_at": blob.get("created_at")}


def _move_wraps_out() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    for key_id, text in conn.execute(sa.text("SELECT key_id, blob FROM local_keys")).fetchall():
        blob = json.loads(text)
        if "kdf" not in blob:  # already public-only (nothing wrapped to move)
            continue
        conn.execute(sa.text("INSERT INTO key_wraps (key_id, user_id, kind, blob, created_at, created_by) "
                             "VALUES (:k, NULL, 'legacy', :b, :t, 'migration 0012')"),
                     {"k": key_id, "b": text, "t": now})
        conn.execute(sa.text("UPDATE local_keys SET blob = :b WHERE key_id = :k"),
                     {"b": json.dumps(_public_only(blob)), "k": key_id})


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT key_id, blob FROM key_wraps WHERE kind IN ('legacy', 'account') "
        "ORDER BY CASE kind WHEN 'legacy' THEN 1 ELSE 0 END, created_at DESC, id DESC")).fetchall()
    chosen: dict[str, str] = {}
    for key_id, text in rows:
        chosen[key_id] = text  # the last one wins: the legacy wrap, else the oldest account wrap
    for key_id, text in chosen.items():
        conn.execute(sa.text("UPDATE local_keys SET blob = :b WHERE key_id = :k"), {"b": text, "k": key_id})
    with op.batch_alter_table('key_wraps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_wraps_user_id'))
        batch_op.drop_index(batch_op.f('ix_key_wraps_key_id'))
    op.drop_table('key_wraps')
