"""The overview's indicators for every commune at once (issue #6): the grouped computation equals
the per-commune `compute()` for every indicator and unit, over data with every subtlety the
definitions have; and the overview's number of SQL statements does not grow with the communes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, update
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.domain import units
from antq_desktop.services import demo
from antq_desktop.services.office import indicators, overview, stats
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import (
    Assessment,
    Briefing,
    FestivalDay,
    Household,
    MovementModel,
    Organization,
    Plan,
    Pledge,
    Registration,
    ResidentialArea,
    SecurityTeam,
    SecurityTeamRating,
    SyncedRecord,
)

YEAR = 2025
TODAY = date(2025, 12, 20)  # after November: every demo assessment is submitted (drafts are made below)
CODES = [c.code for c in units.communes("01")[:6]]
NO_DATA = CODES[5]  # expected by the province, nothing ever received


@pytest.fixture
def province(engine_url: str) -> Store:
    s = open_store(engine_url)
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


def add_communes(tmp_path: Path, province: Store, codes: list[str], households: int = 1250) -> None:
    """Communes' demo data copied in as a merge would leave it (1,250 households: 5 organisations)."""
    for index, code in enumerate(codes):
        commune = make_store(tmp_path / f"c{code}.sqlite3", unit_code=code)
        try:
            demo.generate(commune, households=households, seed=10 + index, year=YEAR, today=TODAY)
            copy_synced_rows(commune, province)
        finally:
            commune.close()


def ids(store: Store, model: type[SyncedRecord], unit: str, *where: Any, limit: int = 3) -> list[str]:
    with store.session_factory() as s:
        return list(s.execute(select(model.id).where(model.origin_unit == unit, *where)
                              .order_by(model.id).limit(limit)).scalars())


def change(store: Store, model: type[SyncedRecord], row_ids: list[str], **values: Any) -> None:
    assert row_ids, f"no {model.__tablename__} row to change: the test data lost its variety"
    with store.session() as s:
        s.execute(update(model).where(model.id.in_(row_ids)).values(**values))


def vary(store: Store) -> None:
    """Every case the indicator definitions treat specially, spread over the communes."""
    a, b, c, d, _e = CODES[:5]
    change(store, Household, ids(store, Household, a), deleted=True)
    change(store, Pledge, ids(store, Pledge, a, limit=2), deleted=True)
    change(store, ResidentialArea, ids(store, ResidentialArea, a, limit=1), deleted=True)
    change(store, Organization, ids(store, Organization, a, limit=1), deleted=True)
    change(store, Organization, ids(store, Organization, b, Organization.in_scope.is_(True), limit=2), in_scope=False)
    change(store, Registration, ids(store, Registration, b, limit=4), year=YEAR - 1)
    change(store, Assessment, ids(store, Assessment, b, limit=2), year=YEAR - 1)
    change(store, Pledge, ids(store, Pledge, b, limit=4), year=YEAR - 1)
    change(store, Assessment, ids(store, Assessment, c, limit=3), status="draft")
    change(store, Assessment, ids(store, Assessment, c, Assessment.status == "submitted", limit=2),
           catalog_code="khong-co-trong-danh-muc")
    change(store, Pledge, ids(store, Pledge, c, limit=3), status="withdrawn")
    change(store, Registration, ids(store, Registration, c, limit=2), deleted=True)
    # A pledge of a household since deleted still counts nowhere.
    household = ids(store, Pledge, d, limit=1)
    with store.session_factory() as s:
        household_id = s.execute(select(Pledge.household_id).where(Pledge.id == household[0])).scalar()
    change(store, Household, [household_id], deleted=True)
    # D refers to an organisation of A that A itself did not register: of another unit, it is not
    # D's (grouped as for one unit), but the whole store counts it.
    foreign = ids(store, Organization, a, Organization.in_scope.is_(True), Organization.deleted.is_(False), limit=1)
    with store.session() as s:
        s.execute(update(Registration).where(Registration.organization_id == foreign[0]).values(deleted=True))
    change(store, Registration, ids(store, Registration, d, Registration.subject_kind == "organization", limit=2),
           organization_id=foreign[0], deleted=False)
    change(store, Assessment, ids(store, Assessment, d, Assessment.subject_kind == "organization", limit=2),
           organization_id=foreign[0])
    change(store, Plan, ids(store, Plan, d), deleted=True)  # D issued no plan this year
    vary_activities(store)


def vary_activities(store: Store) -> None:
    """Issue 20: the activities' special cases (a deleted team's rating, last year's festival, a stopped
    model, a festival at another unit's organisation, a failed rating)."""
    a, b, c, d, e = CODES[:5]
    change(store, SecurityTeam, ids(store, SecurityTeam, a, limit=1), deleted=True)  # its rating counts nowhere
    change(store, FestivalDay, ids(store, FestivalDay, b, limit=50), year=YEAR - 1)  # B held none this year
    change(store, MovementModel, ids(store, MovementModel, c, limit=50), status="ngung")  # C's models stopped
    foreign = ids(store, Organization, a, Organization.in_scope.is_(True), Organization.deleted.is_(False), limit=1)
    change(store, FestivalDay, ids(store, FestivalDay, d, FestivalDay.organization_id.is_not(None), limit=1),
           organization_id=foreign[0])
    change(store, SecurityTeamRating, ids(store, SecurityTeamRating, e, limit=1), rating="khong_hoan_thanh")
    change(store, Briefing, ids(store, Briefing, e, limit=1), deleted=True)


def province_plan(store: Store) -> None:
    plan = records.create(store, "plan", {"year": YEAR, "title": "Kế hoạch của tỉnh năm 2025"}, actor=ACTOR)
    for indicator in indicators.INDICATORS:
        records.create(store, "plan_target", {"plan_id": plan, "indicator": indicator, "threshold": 80},
                       actor=ACTOR)


def test_grouped_indicators_equal_each_unit_computed_alone(province: Store, tmp_path: Path) -> None:
    add_communes(tmp_path, province, CODES[:5])
    vary(province)
    every = [*CODES, "01"]  # the communes, one without data, and the province's own code
    with province.read_session() as s:
        grouped = indicators.compute_by_unit(s, list(indicators.INDICATORS), YEAR, every)
        assert set(grouped) == set(indicators.INDICATORS)
        for indicator in indicators.INDICATORS:
            for unit in every:
                assert grouped[indicator][unit] == indicators.compute(s, indicator, YEAR, unit), (indicator, unit)
        # The data is varied enough for the comparison to mean something.
        a, b, c, d = CODES[:4]
        assert grouped["plan_issued_pct"][d] == indicators.Ratio(0, 1) == grouped["plan_issued_pct"][NO_DATA]
        assert grouped["plan_issued_pct"][a] == indicators.Ratio(1, 1)
        assert grouped["units_registered_pct"][NO_DATA] == indicators.Ratio(0, 1)  # the commune itself
        good = grouped["classified_kha_or_above_pct"]
        assert good[c].denominator > 0 and good[c].numerator < good[c].denominator
        pledged = grouped["households_pledged_pct"]
        assert 0 < pledged[b].numerator < pledged[b].denominator
        assert len({pledged[unit] for unit in CODES[:5]}) == 5
        # D's registration of A's organisation counts for no unit, grouped or alone; the whole store counts it.
        whole = indicators.compute(s, "units_registered_pct", YEAR)
        assert whole is not None
        assert whole.numerator == sum(grouped["units_registered_pct"][u].numerator for u in every) + 1
        assert indicators.compute_by_unit(s, ["no_such_indicator"], YEAR, every) == {}
        # The activities' cases (issue 20) are varied enough too.
        assert grouped["festival_held_pct"][b] == indicators.Ratio(0, 1) != grouped["festival_held_pct"][a]
        assert grouped["communes_with_model_pct"][c] == indicators.Ratio(0, 1)
        assert grouped["briefed_pct"][NO_DATA] == indicators.Ratio(0, 0)  # no figure, not 0 %
        completed = grouped["security_teams_completed_pct"]
        assert completed[CODES[4]].numerator < completed[CODES[4]].denominator

    # The overview's targets, computed for all communes at once, are each commune's own.
    province_plan(province)
    rows = {r.unit_code: r for r in overview.commune_rows(province, year=YEAR, today=TODAY)}
    assert set(CODES) <= set(rows)
    assert rows[NO_DATA].missing and rows[NO_DATA].targets == ()
    with province.read_session() as s:
        for code in CODES[:5]:
            assert list(rows[code].targets) == stats.target_statuses(s, YEAR, code), code
            assert len(rows[code].targets) == len(indicators.INDICATORS)


def count_statements(store: Store) -> int:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        overview.commune_rows(store, year=YEAR, today=TODAY)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return len(seen)


def test_overview_statements_do_not_grow_with_communes(province: Store, tmp_path: Path) -> None:
    province_plan(province)
    add_communes(tmp_path, province, CODES[:2], households=5)
    with_two = count_statements(province)
    add_communes(tmp_path, province, CODES[2:5], households=5)
    with_five = count_statements(province)
    assert len([r for r in overview.commune_rows(province, year=YEAR, today=TODAY) if r.targets]) == 5
    assert with_five == with_two
    assert with_five <= 45, with_five  # a fixed budget; 45 since the activity indicators (issue 20) joined
