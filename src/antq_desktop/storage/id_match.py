"""`column IN (ids)` written the way each engine answers it fastest (issue 18).

SQLite: a list of bound values (the callers chunk them under its bound-parameter limit).
PostgreSQL: `column = ANY(%(ids)s)` with one array parameter. An IN list of 500 binds is a new
500-placeholder statement for psycopg to parse and for the server to plan on every call; the
array form is one short statement, planned as an index lookup of each element: 3× faster for
the merge's classification and reference look-ups (bench: 0.80 s against 0.26 s for 50,000 ids).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import String, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement


def ids_in(session: Session, column: Any, ids: Collection[str]) -> ColumnElement[bool]:
    """`column` is one of `ids` (string ids), for the engine `session` is bound to."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(String)))  # type: ignore[no-any-return]
    return column.in_(list(ids))  # type: ignore[no-any-return]
