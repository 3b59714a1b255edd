"""Database administration for `antq db`: the PostgreSQL roles script and the schema revision
(a single-module feature, so the CLI imports no storage module itself)."""

from __future__ import annotations

from antq_desktop.storage import migrate
from antq_desktop.storage.db import Store
from antq_desktop.storage.roles import RoleNames, roles_sql

__all__ = ["RoleNames", "roles_sql", "schema_revision"]


def schema_revision(store: Store) -> str | None:
    """The Alembic revision the open store is at (opening it migrated it to the newest)."""
    return migrate.current_revision(store.engine)
