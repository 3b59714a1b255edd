"""Issue 14 point 6: a household's "Chuyển đi" date (left_on, an optional exported field) reaches the
office in a package; households without it keep their digests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import Household

from .conftest import Commune, merge, trust


def _digest(store, code):  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return stats.unit_stats(session, code).digest


def test_left_on_reaches_the_office(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=12, seed=31)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    with commune.store.session_factory() as session:
        moved = session.execute(select(Household.id).order_by(Household.id).limit(1)).scalar_one()
    records.update(commune.store, "household", moved, {"left_on": date.today()}, actor=ACTOR)
    (result,) = merge(upper, commune.export(upper, "incremental"))
    assert result.status == "merged" and result.counts["household"]["updated"] == 1
    with upper.session_factory() as session:
        assert session.get(Household, moved).left_on == date.today()
    assert _digest(upper, commune.code) == _digest(commune.store, commune.code)
