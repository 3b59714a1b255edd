""""Store unchanged", one helper for every authority test (records and keys side alike).

    before = capture(store)
    ... the attack ...
    assert_unchanged(store, before)

`capture` takes the `antq stats --json` per-unit digests and counts (services/office/stats.py) and a dump
of every table; `assert_unchanged` allows only what a refusal adds today: import log rows and audit
entries appended at the end (never an earlier row changed). Everything else must be identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.services.merge.conftest import dump

from antq_desktop.services.office import stats
from antq_desktop.storage.db import Store

APPEND_ONLY = ("import_log", "audit_log")


@dataclass(frozen=True)
class StoreState:
    units: dict[str, Any]  # {unit: {"counts": ..., "digest": ...}}, as `antq stats --json`
    tables: dict[str, list[tuple[Any, ...]]]


def capture(store: Store) -> StoreState:
    with store.session_factory() as session:
        units = {code: stats.unit_stats(session, code) for code in stats.unit_codes(session)}
    return StoreState({code: {"counts": u.counts, "digest": u.digest} for code, u in units.items()}, dump(store))


def assert_unchanged(store: Store, before: StoreState, *, max_log_rows: int = 1, max_audit_rows: int = 1) -> None:
    """Same digests and rows; at most `max_log_rows` import-log rows and `max_audit_rows` audit entries added."""
    after = capture(store)
    assert after.units == before.units, "per-unit digests changed"
    limits = {"import_log": max_log_rows, "audit_log": max_audit_rows}
    for name, rows in before.tables.items():
        now = after.tables[name]
        if name in APPEND_ONLY:
            assert now[:len(rows)] == rows, f"{name}: an earlier row changed"
            assert len(now) - len(rows) <= limits[name], f"{name}: {len(now) - len(rows)} rows added"
        else:
            assert now == rows, f"table {name} changed"
    assert set(after.tables) == set(before.tables)
