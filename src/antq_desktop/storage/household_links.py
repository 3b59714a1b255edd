"""How a household's members and pledges are found: by (origin_unit, household_id), never by the id alone.

Their only household index is led by the unit (migration 0015): a household's children are of its
origin (authority rule A2, docs/security.md), and an office merging 100 communes writes each package's
rows into one region of the index instead of on random pages. A query that names only household_id
would scan that index; every query of a household's children goes through these conditions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from antq_desktop.storage.models import Household

_H = Household.__table__


def _table(child: Any) -> Any:
    return getattr(child, "__table__", child)  # a model class or a table (alias)


def of_row(child: Any, household: Any) -> ColumnElement[bool]:
    """Join (or correlation) condition: the rows of `child` belonging to `household`'s row."""
    c, h = _table(child).c, _table(household).c
    return and_(c.origin_unit == h.origin_unit, c.household_id == h.id)


def of_id(child: Any, household_id: str) -> ColumnElement[bool]:
    """The rows of `child` of the household with this id; its unit is read once from the household."""
    c = _table(child).c
    unit = select(_H.c.origin_unit).where(_H.c.id == household_id).scalar_subquery()
    return and_(c.origin_unit == unit, c.household_id == household_id)


def of_ids(child: Any, household_ids: Sequence[str]) -> ColumnElement[bool]:
    """The rows of `child` of any of these households (one unit at a commune, a few at an office)."""
    c = _table(child).c
    # Pairs, not "unit IN (...) AND id IN (...)": with the statistics of a commune (one unit) SQLite
    # judged that form's unit test useless and scanned the table.
    households = select(_H.c.origin_unit, _H.c.id).where(_H.c.id.in_(household_ids))
    return tuple_(c.origin_unit, c.household_id).in_(households)
