"""Issue 18: the merge's fast writer formats SQLite dates and times itself (storage/upsert.py
`_bind_processor`); every value must come out exactly as SQLAlchemy's own processor gives it, and
whatever that processor refuses is refused the same way."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from antq_desktop.storage.models import SYNCED_MODELS
from antq_desktop.storage.upsert import _bind_processor

_SQLITE = sqlite.dialect()

_DATETIMES = [
    datetime(2026, 2, 26, 13, 16), datetime(2026, 2, 26, 13, 16, 0, 1), datetime(2026, 12, 31, 23, 59, 59, 999999),
    datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999), datetime(999, 5, 6, 7, 8, 9, 120000),
    datetime(2026, 2, 26, 13, 16, tzinfo=UTC), datetime(2026, 2, 26, 6, 16, 5, 7, tzinfo=timezone(timedelta(hours=7))),
    date(2026, 2, 26), date(1, 1, 1),
]
_DATES = [date(2026, 2, 26), date(1, 1, 1), date(999, 12, 3), date(9999, 12, 31), datetime(2026, 2, 26, 13, 16, 1, 5),
          datetime(2026, 2, 26, tzinfo=UTC)]
_WRONG = ["2026-02-26", "2026-02-26 13:16:00", 20260226, 1.5, b"2026", object()]


class _MyDatetime(datetime):
    """A subclass (as a library might hand over): the fast path leaves it to SQLAlchemy."""


def _columns(type_name: str) -> list[tuple[Any, str]]:
    found = [(model.__table__, column.name) for model in SYNCED_MODELS for column in model.__table__.columns
             if type(column.type).__name__ == type_name]
    assert found, type_name
    return found


def _same(fast: Any, reference: Any, value: Any) -> None:
    try:
        expected: Any = reference(value)
    except Exception as exc:  # noqa: BLE001 - the same exception class is what is compared
        with pytest.raises(type(exc)):
            fast(value)
        return
    got = fast(value)
    assert got == expected and type(got) is type(expected), (value, got, expected)


@pytest.mark.parametrize(("type_name", "values"), [("DateTime", _DATETIMES), ("Date", _DATES)])
def test_fast_processors_give_sqlalchemys_text(type_name: str, values: list[Any]) -> None:
    for table, name in _columns(type_name):
        fast = _bind_processor(table, name, _SQLITE)
        reference = table.c[name].type._cached_bind_processor(_SQLITE)
        assert fast is not None and reference is not None and fast is not reference, name  # the fast one is used
        for value in [*values, _MyDatetime(2026, 2, 26, 1, 2, 3, 4), None, *_WRONG]:
            _same(fast, reference, value)


def test_every_microsecond_width_and_every_day_of_a_year() -> None:
    table, name = _columns("DateTime")[0]
    fast, reference = _bind_processor(table, name, _SQLITE), table.c[name].type._cached_bind_processor(_SQLITE)
    assert fast is not None and reference is not None
    start = datetime(2024, 1, 1)
    for step in range(366 * 24):
        value = start + timedelta(hours=step, microseconds=(step * 7919) % 1_000_000 if step % 3 else 0)
        assert fast(value) == reference(value)
        assert fast(value.date()) == reference(value.date())


def test_other_columns_and_other_dialects_keep_sqlalchemys_processor() -> None:
    for model in SYNCED_MODELS:
        table = model.__table__
        for column in table.columns:
            reference = column.type._cached_bind_processor(_SQLITE)
            if type(column.type).__name__ not in ("DateTime", "Date"):
                assert _bind_processor(table, column.name, _SQLITE) is reference, column
            pg = postgresql.dialect()
            assert _bind_processor(table, column.name, pg) is column.type._cached_bind_processor(pg), column
