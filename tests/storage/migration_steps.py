"""What the per-migration tests share: the revision just before a given one (to build a store of that schema)."""

from antq_desktop.storage import migrate


def previous(revision: str) -> str:
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision)
    assert found is not None
    return str(found.down_revision)
