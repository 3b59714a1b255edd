"""Start-up for ui/ and cli/: where the data lives and opening the store, without importing any
storage module themselves.

Light on purpose: the sign-in dialog is painted before SQLAlchemy loads, so `resolve_url`,
`sqlite_file` and `peek_sign_in` come from `storage.location` (standard library only), and
`open_store` loads SQLAlchemy only when it is called.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from antq_desktop.storage.location import peek_sign_in, resolve_url, sqlite_file

if TYPE_CHECKING:
    from antq_desktop.storage.db import Store

__all__ = ["open_store", "peek_sign_in", "resolve_url", "sqlite_database", "sqlite_file"]


def open_store(db: str | os.PathLike[str] | None = None, **options: Any) -> Store:
    """Open (and upgrade, under the migration lock) the store; `options` as `storage.db.open_store`
    (backup_before_upgrade, on_wait). Looked up when called, so SQLAlchemy loads here, not at start-up."""
    from antq_desktop.storage.db import open_store as open_db

    return open_db(db, **options)


def sqlite_database(url: str) -> str | None:
    """The SQLite file of any SQLite URL (plain ones answered without SQLAlchemy); None for other databases."""
    plain = sqlite_file(url)
    if plain is not None:
        return str(plain)
    from sqlalchemy.engine import make_url  # only for URLs with options, after start-up

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return parsed.database
