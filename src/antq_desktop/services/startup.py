"""Start-up for ui/ and cli/: where the data lives and opening the store, without importing any
storage module themselves.

Light on purpose: the sign-in dialog is painted before SQLAlchemy loads, so `resolve_url`,
`sqlite_file` and `peek_sign_in` come from `storage.location` (standard library only), and
`open_store` loads SQLAlchemy only when it is called.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from antq_desktop.storage.location import peek_sign_in, resolve_url, sqlite_file

if TYPE_CHECKING:
    from antq_desktop.storage.db import Store

__all__ = ["open_store", "peek_sign_in", "resolve_url", "sqlite_database", "sqlite_file"]


def open_store(db: str | os.PathLike[str] | None = None, *, backup_before_upgrade: bool = True,
               on_wait: Callable[[str], None] | None = None) -> Store:
    """Open (and upgrade, under the migration lock) the store; see `storage.db.open_store`."""
    from antq_desktop.storage.db import open_store as open_db  # SQLAlchemy loads here, not at start-up

    return open_db(db, backup_before_upgrade=backup_before_upgrade, on_wait=on_wait)


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
