"""Database objects that only some engines have, which the ORM models do not describe.

PostgreSQL keeps a pg_trgm GIN index on households.search_key (migration 0003) that serves the
plain `LIKE '%…%'` the query service already writes; SQLite scans the folded keys (a few ms for a
commune's households). Model/migration comparisons skip these names.
"""

from __future__ import annotations

ENGINE_SPECIFIC_INDEXES = frozenset({"ix_households_search_trgm"})


def is_engine_specific(name: str | None, type_: str) -> bool:
    return type_ == "index" and name in ENGINE_SPECIFIC_INDEXES
