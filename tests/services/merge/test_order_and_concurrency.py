"""Any merge order gives the same database; two processes merging at once give the sequential result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import HeldPackage, Household, ImportAttempt, Pledge

from .conftest import Commune, make_upper, merge, new_commune, trust


def _chain(upper_key_source, commune: Commune, seed: int) -> list[Path]:  # type: ignore[no-untyped-def]
    """full 1; incremental 2 (an update); incremental 3 (deletions and updates); full 4 (one more update)."""
    demo.generate(commune.store, households=12, seed=seed)
    paths = [commune.export(upper_key_source)]
    with commune.store.session_factory() as session:
        hh = list(session.execute(select(Household.id).order_by(Household.id)).scalars())
        pledges = list(session.execute(select(Pledge.id).where(Pledge.household_id == hh[0])).scalars())
    records.update(commune.store, "household", hh[1], {"members": 6}, actor=ACTOR)
    paths.append(commune.export(upper_key_source, "incremental"))
    for pledge in pledges:
        records.delete(commune.store, "pledge", pledge, actor=ACTOR)
    records.delete(commune.store, "household", hh[0], actor=ACTOR)
    records.update(commune.store, "household", hh[1], {"head_name": "Hoàng Thị Lan"}, actor=ACTOR)
    paths.append(commune.export(upper_key_source, "incremental"))
    records.update(commune.store, "household", hh[2], {"members": 4}, actor=ACTOR)
    paths.append(commune.export(upper_key_source))
    return paths


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Two communes' chains, encrypted to one upper-office key (its store is copied per example)."""
    base = tmp_path_factory.mktemp("world")
    template = make_upper(str(base / "upper-template.sqlite3"))
    communes = [new_commune(base, "00004", "Phường Ba Đình"), new_commune(base, "00277", "Phường Bạch Mai")]
    paths = {c.code: _chain(template, c, seed) for c, seed in zip(communes, (31, 32), strict=True)}
    for c in communes:
        trust(template, c)
    expected = {}
    for c in communes:
        with c.store.session_factory() as session:
            expected[c.code] = stats.unit_stats(session, c.code)
        c.store.close()
    template.close()
    return base, paths, expected


def _fresh_upper(base: Path, name: str) -> Path:
    import shutil
    target = base / name
    shutil.copyfile(base / "upper-template.sqlite3", target)
    return target


def _check(store, expected) -> None:  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        for code, want in expected.items():
            assert stats.unit_stats(session, code) == want
        assert session.execute(select(func.count()).select_from(HeldPackage)).scalar() == 0
        merged = session.execute(select(ImportAttempt.package_uuid).where(ImportAttempt.result == "merged")).all()
        assert len(merged) == len(set(merged))


_counter = iter(range(10**6))


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_order_same_database(world, data) -> None:  # type: ignore[no-untyped-def]
    base, paths, expected = world
    pool = [p for chain in paths.values() for p in chain]
    order = data.draw(st.permutations(pool))
    extra = data.draw(st.lists(st.sampled_from(pool), max_size=3))  # re-deliveries on the way
    from antq_desktop.storage.db import open_store
    store = open_store(str(_fresh_upper(base, f"upper-{next(_counter)}.sqlite3")))
    try:
        merge(store, *order, *extra)
        _check(store, expected)
    finally:
        store.close()


_WORKER = """
import sys
from antq_desktop.storage.db import open_store
from antq_desktop.services.merge.run import merge_packages
store = open_store(sys.argv[1])
results = merge_packages(store, sys.argv[2:], actor="admin", password={password!r})
print([r.status for r in results])
"""


def test_two_processes_merging_at_once(world, engine_url: str, tmp_path: Path) -> None:
    base, paths, expected = world
    from tests.conftest import PASSWORD
    if engine_url.endswith(".sqlite3"):
        url = str(_fresh_upper(base, f"upper-{next(_counter)}.sqlite3"))
    else:
        url = _copy_to_postgres(base, engine_url)
    a, b = paths["00004"], paths["00277"]
    jobs = [[a[0], a[2], b[1], b[3]], [a[1], a[3], b[0], b[2]]]
    code = _WORKER.format(password=PASSWORD)
    procs = [subprocess.Popen([sys.executable, "-c", code, url, *map(str, job)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for job in jobs]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    from antq_desktop.storage.db import open_store
    store = open_store(url)
    try:
        _check(store, expected)
    finally:
        store.close()


def _copy_to_postgres(base: Path, url: str) -> str:
    """The template's keys and trust registry on a PostgreSQL upper office."""
    from antq_desktop.storage.db import open_store
    from antq_desktop.storage.models import KeyWrap, KnownKey, LocalKey, UnitProfile, User
    source = open_store(str(base / "upper-template.sqlite3"))
    target = open_store(url)
    try:
        with source.session_factory() as s, target.session() as t:
            # KeyWrap: each account opens the office key through its own wrap (since 0013); without the
            # wraps the PostgreSQL office could not open a package and refused every one.
            for model in (UnitProfile, User, LocalKey, KeyWrap, KnownKey):
                for row in s.execute(select(model.__table__)).mappings():
                    t.execute(model.__table__.insert().values(**row))
    finally:
        source.close()
        target.close()
    return url
