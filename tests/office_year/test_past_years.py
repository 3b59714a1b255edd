"""Issue 14 point 6: past years stay as reported. A household that moves away ("Chuyển đi", left_on) or
is deleted later keeps counting in the years it was part of the commune, its pledges of those years
stay counted, and one added later does not join them: last year's overview is unchanged after this
year's changes, on SQLite and PostgreSQL; left_on travels in packages only when set."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.domain.errors import PermissionDenied
from antq_desktop.services import demo
from antq_desktop.services.office import dashboard, overview, stats
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import Household, Pledge

TODAY = date.today()
PAST = TODAY.year - 1  # the year already reported


def _figures(store: Store, year: int) -> list[tuple]:
    with store.read_session() as session:
        return [(t.indicator, t.numerator, t.denominator, t.met) for t in stats.target_statuses(session, year)]


@pytest.fixture
def commune(engine_url: str) -> Store:
    store = make_store(engine_url)
    demo.generate(store, households=30, seed=5, year=PAST, today=date(PAST, 12, 20))
    # A household of last year that never signed: only the denominator shows whether it still counts.
    with store.read_session() as session:
        area = session.execute(select(Household.area_id).limit(1)).scalar_one()
    lone = records.create(store, "household", {"area_id": area, "head_name": "Đỗ Văn Lẻ"}, actor=ACTOR)
    with store.session() as session:
        session.execute(update(Household).where(Household.id == lone).values(created_at=datetime(PAST, 6, 1)))
    yield store
    store.close()


def _pledged_household(store: Store) -> str:
    with store.read_session() as session:
        # a household's pledge: the demo also signs organisations' covenants (no household)
        return session.execute(select(Pledge.household_id).where(Pledge.year == PAST, Pledge.deleted.is_(False),
                                                                 Pledge.household_id.is_not(None),
                                                                 Pledge.status == "signed").limit(1)).scalar_one()


def test_last_years_figures_unchanged_after_this_years_changes(commune: Store, tmp_path: Path) -> None:
    before = _figures(commune, PAST)
    coverage_before = dashboard.collect(commune, PAST, today=TODAY).coverage
    assert any(indicator == "households_pledged_pct" for indicator, *_ in before)
    moved = _pledged_household(commune)
    records.update(commune, "household", moved, {"left_on": TODAY}, actor=ACTOR)  # "Chuyển đi"
    with commune.read_session() as session:
        lone = session.execute(select(Household.id).where(Household.head_name == "Đỗ Văn Lẻ")).scalar_one()
        area = session.execute(select(Household.area_id).limit(1)).scalar_one()
    records.delete(commune, "household", lone, actor=ACTOR)
    records.create(commune, "household", {"area_id": area, "head_name": "Hộ Mới Đến"}, actor=ACTOR)

    assert _figures(commune, PAST) == before
    assert dashboard.collect(commune, PAST, today=TODAY).coverage == coverage_before
    with commune.read_session() as session:  # from next year on, the household that left is not counted
        denominator = {t.indicator: t.denominator for t in stats.target_statuses(session, TODAY.year + 1)}
        live = session.execute(select(Household.id).where(Household.deleted.is_(False))).all()
    if "households_pledged_pct" in denominator:
        assert denominator["households_pledged_pct"] == len(live) - 1

    # the upper office's overview of last year says the same as the commune did
    office = open_store(tmp_path / "office.sqlite3")
    try:
        profile.initialise(office, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                           officer_name="Trần Văn Bình", password=PASSWORD)
        copy_synced_rows(commune, office)
        with office.read_session() as session:  # the office measures the commune as the commune itself did
            ratio = stats.compute_by_unit(session, ["households_pledged_pct"], PAST, ["00070"])
        pledged = ratio["households_pledged_pct"]["00070"]
        assert ("households_pledged_pct", pledged.numerator, pledged.denominator) in [b[:3] for b in before]
        (row,) = overview.commune_rows(office, year=PAST, today=TODAY)
        assert row.unit_code == "00070"
    finally:
        office.close()


def test_delete_of_a_household_with_pledges_points_to_moving_away(commune: Store) -> None:
    with pytest.raises(PermissionDenied, match="Chuyển đi"):
        records.delete(commune, "household", _pledged_household(commune), actor=ACTOR)


def test_left_on_travels_only_when_set(commune: Store) -> None:
    moved = _pledged_household(commune)
    with commune.read_session() as session:
        row = session.execute(select(Household.__table__).where(Household.id == moved)).mappings().one()
        assert "left_on" not in canonical_record(Household, row)  # digests of unchanged records stay the same
    records.update(commune, "household", moved, {"left_on": TODAY}, actor=ACTOR)
    with commune.read_session() as session:
        row = session.execute(select(Household.__table__).where(Household.id == moved)).mappings().one()
        assert canonical_record(Household, row)["left_on"] == TODAY.isoformat()


def test_households_page_moves_the_selected_household_away(qtbot, commune: Store) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.households_page import HouseholdsPage

    context = make_context(commune, accounts.sign_in(commune, username="admin", password=PASSWORD))
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=15000)
    page.select_record(page.model.row_at(0)["id"])
    chosen = page.selected_rows()[0]["id"]
    before = _figures(commune, PAST)
    assert page.mark_left(TODAY) == 1
    assert records.get(commune, "household", chosen)["left_on"] == TODAY
    assert _figures(commune, PAST) == before
