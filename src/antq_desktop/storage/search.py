"""Substring search on stored folded keys, served by an index on each engine.

`LIKE '%…%'` cannot use a B-tree: on 200,000 households every keystroke scanned every key
(~150 ms, twice per keystroke with the count). SQLite keeps an FTS5 trigram index of
households.search_key (migration 0003, kept in step by triggers); PostgreSQL has a pg_trgm GIN
index that serves the plain LIKE. This module is the only place that knows the difference.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal_column, text
from sqlalchemy.sql.elements import ColumnElement

# Tables with a trigram index on SQLite, and the FTS5 table that mirrors their search_key.
SQLITE_FTS_TABLES = {"households": "households_fts"}
FTS_NAME_PREFIXES = tuple(f"{name}" for name in SQLITE_FTS_TABLES.values())
MIN_TRIGRAM = 3  # shorter patterns cannot use a trigram index


def is_index_table(name: str | None) -> bool:
    """The FTS5 table and its shadow tables, which the ORM models do not describe."""
    return bool(name) and name.startswith(FTS_NAME_PREFIXES)  # type: ignore[union-attr]


def _escaped(folded: str) -> str:
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, folded: str, dialect: str) -> ColumnElement[bool]:
    """`column` (a stored folded key) contains `folded`, through the engine's substring index."""
    table = column.table.name
    fts = SQLITE_FTS_TABLES.get(table) if dialect == "sqlite" else None
    plain = folded.isalnum() or all(ch.isalnum() or ch == " " for ch in folded)
    if fts and len(folded) >= MIN_TRIGRAM and plain:
        # FTS5's trigram LIKE takes no ESCAPE clause: only used for patterns without wildcards.
        matches = text(f"SELECT rowid FROM {fts} WHERE search_key LIKE :pattern").bindparams(pattern=f"%{folded}%")
        return literal_column(f"{table}.rowid").in_(matches)
    return column.like(f"%{_escaped(folded)}%", escape="\\")
