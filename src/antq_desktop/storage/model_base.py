"""The declarative base every model shares: naming convention, ids, the one timestamp convention."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    MetaData,
    String,
)
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Byte-order collation so stored sort keys order identically on SQLite and PostgreSQL.
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC, the one convention for every stored timestamp."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
