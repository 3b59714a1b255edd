"""Round trip, incremental chains with updates and deletions, idempotent re-merge (both engines)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import HeldPackage, Household, ImportAttempt, Pledge, ProducerState

from .conftest import Commune, merge, trust


def digest(store, code):  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return stats.unit_stats(session, code)


def test_round_trip_same_digest(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=80, seed=3)
    trust(upper, commune)
    (result,) = merge(upper, commune.export(upper))
    assert result.status == "merged", result.message
    assert result.counts["household"]["new"] == 80
    assert digest(upper, commune.code) == digest(commune.store, commune.code)
    with upper.session_factory() as session:
        state = session.get(ProducerState, commune.code)
        assert state.last_sequence == 1 and state.last_package_sha256 == result.file_sha256
        # merged rows get the upper office's own change numbers and derived keys (lists and search work)
        assert session.execute(select(func.min(Household.change_seq))).scalar() > 0
        assert session.execute(select(func.count()).where(Household.search_key == "")).scalar() == 0
        attempt = session.execute(select(ImportAttempt)).scalars().one()
        assert attempt.result == "merged" and json.loads(attempt.counts)["household"]["new"] == 80


def test_incremental_updates_and_deletions(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=40, seed=4)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    with commune.store.session_factory() as session:
        pledge_id, hh_id = session.execute(select(Pledge.id, Pledge.household_id).limit(1)).one()
        other = session.execute(select(Household.id).where(Household.id != hh_id).limit(1)).scalar()
    records.update(commune.store, "household", other, {"head_name": "Lê Thị Hoa"}, actor=ACTOR)
    records.delete(commune.store, "pledge", pledge_id, actor=ACTOR)
    (result,) = merge(upper, commune.export(upper, "incremental"))
    assert result.status == "merged", result.message
    assert result.counts["household"]["updated"] == 1 and result.counts["pledge"]["updated"] == 1
    assert digest(upper, commune.code) == digest(commune.store, commune.code)
    with upper.session_factory() as session:
        assert session.get(Pledge, pledge_id).deleted
        assert session.get(Household, other).search_key.startswith("le thi hoa")


def test_remerge_is_a_noop(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=20, seed=5)
    trust(upper, commune)
    path = commune.export(upper)
    assert merge(upper, path)[0].status == "merged"
    before = digest(upper, commune.code)
    again = merge(upper, path, path)
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert digest(upper, commune.code) == before
    # an older full package after a newer one: refused as a replay, nothing rolled back
    records.update(commune.store, "household", _any_household(commune), {"members": 7}, actor=ACTOR)
    newer = commune.export(upper)
    assert merge(upper, newer)[0].status == "merged"
    with upper.session_factory() as session:
        assert session.execute(select(func.count()).select_from(HeldPackage)).scalar() == 0


def _any_household(commune: Commune) -> str:
    with commune.store.session_factory() as session:
        return session.execute(select(Household.id).limit(1)).scalar_one()


def test_planner_statistics_follow_a_merge(upper_sqlite, commune: Commune) -> None:
    """A new office's statistics were taken on empty tables; after a merge they describe the rows."""
    demo.generate(commune.store, households=60, seed=6)
    trust(upper_sqlite, commune)

    def household_rows() -> int:
        with upper_sqlite.engine.connect() as conn:
            stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'households' "
                                        "AND idx = 'ix_households_area_id'").scalar()
        return int(stat.split()[0]) if stat else 0

    assert household_rows() == 0
    assert merge(upper_sqlite, commune.export(upper_sqlite))[0].status == "merged"
    assert household_rows() == 60
