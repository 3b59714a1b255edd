"""A household's members and pledges are found by (origin_unit, household_id) (migration 0015, issue 18).

Their only household index is led by the unit, so every query of a household's children must name the
unit: SQLite then searches the index; a query naming the household id alone would scan it. Shown on an
office holding two communes (whose households and children differ by unit) and on a commune."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select
from tests.conftest import ACTOR

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import check, demo
from antq_desktop.services.forms import sources
from antq_desktop.services.forms.request import FormRequest, unit_info
from antq_desktop.services.office import dashboard
from antq_desktop.services.records import members
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.services.scan import recording
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, HouseholdMember, Pledge

from .conftest import Commune, merge, trust

YEAR = 2026
TODAY = date(2026, 12, 3)
# A scan of members or pledges, or a skip-scan over their units (SQLite's "ANY(origin_unit)", chosen when
# the statistics show few units: one probe per unit of the office, and a scan before the statistics exist).
_CHILD_SCAN = re.compile(r"^SCAN (household_members|pledges)\w*\b"
                         r"|^SEARCH (household_members|pledges)\w* .*ANY\(origin_unit\)")


def _households_with_pledges(store: Store, count: int) -> list[str]:
    with store.session_factory() as session:
        return list(session.execute(select(Household.id).join(Pledge, Pledge.household_id == Household.id)
                                    .where(Pledge.year == YEAR, Pledge.status == "signed")
                                    .order_by(Household.id).limit(count)).scalars())


def _member_count(store: Store, household_ids: list[str]) -> dict[str, int]:
    with store.session_factory() as session:
        rows = session.execute(select(HouseholdMember.household_id).where(
            HouseholdMember.household_id.in_(household_ids), HouseholdMember.deleted.is_(False))).scalars()
        counts: dict[str, int] = {}
        for household in rows:
            counts[household] = counts.get(household, 0) + 1
        return counts


@contextmanager
def _statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if not many and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)


def _child_scans(store: Store, seen: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    """Plan lines that scan members or pledges (or skip over their units), for every captured read of them."""
    scans = []
    with store.engine.connect() as conn:
        for statement, parameters in seen:
            if not re.search(r"\b(household_members|pledges)\b", statement):
                continue
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                if _CHILD_SCAN.match(row[3]):
                    scans.append((row[3], statement))
    return scans


def _two_communes(upper: Store, commune: Commune, commune2: Commune) -> None:
    for index, c in enumerate((commune, commune2)):
        demo.generate(c.store, households=10, seed=11 + index, year=YEAR, today=TODAY)
        trust(upper, c)
        (result,) = merge(upper, c.export(upper))
        assert result.status == "merged", result.message


def test_an_office_finds_each_communes_members_and_pledges(upper: Store, commune: Commune,
                                                           commune2: Commune) -> None:
    """Households of two units in one request: each keeps its own members and pledges (both engines)."""
    _two_communes(upper, commune, commune2)
    chosen = _households_with_pledges(commune.store, 2) + _households_with_pledges(commune2.store, 2)
    expected = _member_count(upper, chosen)
    assert len(expected) == 4 and all(expected.values())
    found = members.by_household(upper, chosen)
    assert {h: len(people) for h, people in found.items()} == expected
    for household in chosen:
        assert len(members.member_rows(upper, household)) == expected[household]
        assert recording._existing_status(upper, household, YEAR) == "signed"
    batch = sources.pledges(upper, FormRequest("pledge", YEAR, household_ids=tuple(chosen)), unit_info(upper))
    printed = list(batch.records)
    assert batch.total == len(printed) >= 4
    names = {p.data.members[0].name for p in printed if p.data.members}  # the head first, then the members
    assert len(names) >= 4
    rows = list_rows(upper, "household", ListQuery(year=YEAR))
    assert {r["id"] for r in rows if r["pledged"]} >= set(chosen)
    assert not {r["id"] for r in list_rows(upper, "household", ListQuery(filters={"unpledged_in": YEAR}))} & set(chosen)


def test_a_household_id_of_another_unit_finds_nothing(upper: Store, commune: Commune, commune2: Commune) -> None:
    """The unit is the household's own: a row naming the household but of another unit is not its child
    (authority rule A2 refuses such a row; `antq check` reports one edited in by hand)."""
    _two_communes(upper, commune, commune2)
    (household,) = _households_with_pledges(commune.store, 1)
    with upper.session() as session:
        session.execute(HouseholdMember.__table__.update().where(HouseholdMember.household_id == household)
                        .values(origin_unit=commune2.code))
    assert members.member_rows(upper, household) == []
    assert household not in members.by_household(upper, [household])
    assert any("household_members tham chiếu (household_id)" in p for p in check.run_checks(upper).problems)


def test_reads_of_a_households_children_search_the_unit_index(demo_store: Store) -> None:
    """Every read of members or pledges made for given households searches the unit's index, never scans."""
    with demo_store.engine.connect() as conn:
        year = conn.exec_driver_sql("SELECT max(year) FROM pledges").scalar()
    with demo_store.session_factory() as session:
        pledged = list(session.execute(select(Pledge.household_id).where(
            Pledge.year == year, Pledge.status == "signed", Pledge.household_id.is_not(None))
            .order_by(Pledge.household_id).limit(3)).scalars())
        area = session.execute(select(Household.area_id).where(Household.id == pledged[0])).scalar_one()
    lone = records.create(demo_store, "household", {"area_id": area, "head_name": "Hà Văn Lẻ", "members": 2},
                          actor=ACTOR)
    records.create(demo_store, "household_member", {"household_id": lone, "full_name": "Hà Thị Một",
                                                    "relation": "vo"}, actor=ACTOR)
    with _statements(demo_store) as seen:
        members.by_household(demo_store, pledged)
        members.member_rows(demo_store, pledged[0])
        recording._existing_status(demo_store, pledged[0], year)
        with pytest.raises(AntqError):  # its pledges keep it (rules.blocking_children)
            records.delete(demo_store, "household", pledged[0], actor=ACTOR)
        records.delete(demo_store, "household", lone, actor=ACTOR)  # its members go with it
        batch = sources.pledges(demo_store, FormRequest("pledge", year, household_ids=tuple(pledged)),
                                unit_info(demo_store))
        assert len(list(batch.records)) == batch.total >= 3
        list_rows(demo_store, "household", ListQuery(year=year), limit=50)
        list_rows(demo_store, "household", ListQuery(filters={"unpledged_in": year}), limit=50)
        with demo_store.session_factory() as session:
            dashboard.pledge_coverage(session, year)
    assert any("household_members" in s for s, _ in seen) and any("pledges" in s for s, _ in seen)
    assert _child_scans(demo_store, seen) == []
    assert members.member_rows(demo_store, lone) == []
