"""Where the data lives, answered without SQLAlchemy: start-up shows the sign-in dialog before it loads.

`resolve_url` is re-exported by `storage.db`; `sqlite_file` recognises the plain file URLs that
`resolve_url` builds; `peek_sign_in` reads the unit's name and its only account from a SQLite file
with the standard library, so the dialog can show them while the store is still being opened.
Nothing here writes to the database.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_PLAIN_SQLITE_URL = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?]+)$")


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """--db PATH or URL, else ANTQ_DB_URL, else ANTQ_DB, else the user data folder."""
    from antq_desktop.paths import default_db_path

    value = str(db) if db else os.environ.get("ANTQ_DB_URL") or os.environ.get("ANTQ_DB")
    if value and "://" in value:
        return value
    path = Path(value) if value else default_db_path()
    return f"sqlite:///{path.expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL (no query options); None for anything else,
    which callers then hand to SQLAlchemy's own URL parser."""
    match = _PLAIN_SQLITE_URL.match(url)
    if not match or match["path"] == ":memory:":
        return None
    return Path(match["path"])


def peek_sign_in(path: Path) -> tuple[str | None, str | None]:
    """(unit name, the only account's username) read-only from an existing SQLite file, or None
    for what cannot be read (an uninitialised, older, newer or damaged file): only a preview, the
    store opened afterwards is what counts."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (sqlite3.Error, ValueError):
        return None, None
    try:
        unit = _scalar(conn, "SELECT unit_name FROM unit_profile WHERE id = 1")
        names = _column(conn, "SELECT username FROM users ORDER BY username LIMIT 2")
        return unit, names[0] if names is not None and len(names) == 1 else None
    finally:
        conn.close()


def _scalar(conn, sql: str) -> str | None:  # type: ignore[no-untyped-def]
    rows = _column(conn, sql)
    return rows[0] if rows else None


def _column(conn, sql: str) -> list[str] | None:  # type: ignore[no-untyped-def]
    import sqlite3

    try:
        return [str(row[0]) for row in conn.execute(sql).fetchall()]
    except sqlite3.Error:
        return None
