"""Issue 18: the merge's fast writer (DBAPI executemany of tuples, plain INSERT for rows classified
new) stores exactly the rows the reference SQLAlchemy upsert stores, on both engines."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.merge import apply
from antq_desktop.services.records import writes as records
from antq_desktop.storage import upsert
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS, Household, Pledge, SyncedRecord
from antq_desktop.storage.upsert import upsert_newer

from .conftest import Commune, dump, make_upper, merge, trust

_names = itertools.count()


def _reference_writer(session: Any, model: type[SyncedRecord], new: list[dict[str, Any]],
                      newer: list[dict[str, Any]]) -> None:
    """The path before issue 18: one compiled SQLAlchemy upsert for every row."""
    upsert_newer(session, model, [*new, *newer])


def _twin_stores(engine_url: str, commune: Commune, request: pytest.FixtureRequest) -> tuple[Store, Store]:
    """One upper office trusting the commune, and an exact copy of it (same keys, same counters)."""
    upper = make_upper(engine_url)
    trust(upper, commune)
    upper.close()
    if engine_url.startswith("postgresql"):
        import psycopg
        server = request.getfixturevalue("postgres_server")
        source, twin = engine_url.rsplit("/", 1)[1], f"antq_twin_{next(_names)}"
        with psycopg.connect(f"host=127.0.0.1 port={server.port} user=antq dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{twin}" TEMPLATE "{source}"')
        twin_url = engine_url.rsplit("/", 1)[0] + "/" + twin
    else:
        twin_url = engine_url + ".twin"
        for suffix in ("", "-wal", "-shm"):
            if Path(engine_url + suffix).exists():
                shutil.copyfile(engine_url + suffix, twin_url + suffix)
    return open_store(engine_url), open_store(twin_url)


def _synced(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {m.__tablename__ for m in SYNCED_MODELS}
    return {name: rows for name, rows in dump(store).items() if name in tables}


def _changes(commune: Commune) -> None:
    """Updates and a deletion after the first package: the second one mixes new and newer rows."""
    with commune.store.session_factory() as session:
        pledge_id, household_id = session.execute(select(Pledge.id, Pledge.household_id).limit(1)).one()
        other = session.execute(select(Household.id).where(Household.id != household_id).limit(1)).scalar()
    records.update(commune.store, "household", other, {"head_name": "Lê Thị Hoa"}, actor=ACTOR)
    records.delete(commune.store, "pledge", pledge_id, actor=ACTOR)
    demo.generate(commune.store, households=5, seed=77)


def merged_twins(engine_url: str, commune: Commune, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                 reference_mode: Callable[[pytest.MonkeyPatch], None]) -> tuple[Store, Store, list[Any], list[Any]]:
    """A commune's first package and its second (new, updated and deleted rows) merged into twin offices,
    the second one with `reference_mode` patched in: both stores (the caller closes them) and results."""
    demo.generate(commune.store, households=60, seed=8)
    upper, reference = _twin_stores(engine_url, commune, request)
    first = commune.export(upper)
    _changes(commune)
    second = commune.export(upper, "incremental")
    fast = merge(upper, first, second)
    with monkeypatch.context() as patch:
        reference_mode(patch)
        slow = merge(reference, first, second)
    return upper, reference, fast, slow


@pytest.mark.parametrize("copy_min_rows", [upsert.COPY_MIN_ROWS, 1], ids=["copy-large-batches", "copy-every-batch"])
def test_fast_writer_stores_identical_rows(engine_url: str, commune: Commune, request: pytest.FixtureRequest,
                                           monkeypatch: pytest.MonkeyPatch, copy_min_rows: int) -> None:
    """On PostgreSQL the new rows of a batch go by COPY (from COPY_MIN_ROWS rows; every batch in
    the second case): the rows stored must still be the reference writer's, byte for byte."""
    monkeypatch.setattr(upsert, "COPY_MIN_ROWS", copy_min_rows)
    copied: list[str] = []
    copy_new = upsert._copy_new
    monkeypatch.setattr(upsert, "_copy_new", lambda conn, table, *rest: (copied.append(table.name),
                                                                           copy_new(conn, table, *rest)))
    upper, reference, fast, slow = merged_twins(engine_url, commune, request, monkeypatch,
                                                lambda patch: patch.setattr(apply, "write_merged", _reference_writer))
    try:
        assert [r.status for r in fast] == [r.status for r in slow] == ["merged", "merged"], fast[0].message
        assert [r.counts for r in fast] == [r.counts for r in slow]
        assert fast[1].counts["household"]["updated"] >= 1 and fast[1].counts["household"]["new"] == 5
        fast_rows, slow_rows = _synced(upper), _synced(reference)
        assert sum(len(rows) for rows in fast_rows.values()) > 200
        for name in fast_rows:
            assert fast_rows[name] == slow_rows[name], name
        if engine_url.startswith("postgresql"):  # the COPY path was the one measured above
            assert "households" in copied and (copy_min_rows > 1 or "pledges" in copied), copied
        else:
            assert not copied
    finally:
        upper.close()
        reference.close()
