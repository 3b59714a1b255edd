"""`antq demo` makes household members and meetings, the same for the same seed, without changing the
records it made before they existed (they are drawn last)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from tests.conftest import make_store

from antq_desktop.services import demo
from antq_desktop.storage.models import Household, HouseholdMember, Meeting

TODAY = date(2026, 12, 3)


def _rows(store, model):  # type: ignore[no-untyped-def]
    table = model.__table__
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]


def test_demo_members_and_meetings_are_deterministic_and_match_the_declared_counts(tmp_path) -> None:
    stores = [make_store(tmp_path / f"{n}.sqlite3") for n in (1, 2)]
    results = [demo.generate(s, households=40, seed=9, year=2026, today=TODAY) for s in stores]
    assert results[0] == results[1] and results[0].members >= 40 and results[0].meetings >= 1
    for model in (HouseholdMember, Meeting, Household):
        assert _rows(stores[0], model) == _rows(stores[1], model)
    with stores[0].session_factory() as session:
        declared = session.execute(select(func.sum(Household.members))).scalar()
        heads = session.execute(select(func.count()).where(HouseholdMember.relation == "chu_ho")).scalar()
    assert declared == results[0].members and heads == 40
    for s in stores:
        s.close()


def test_demo_families_are_plausible(tmp_path) -> None:
    """A woman head has a husband, not a "wife" named "… Thị …"; children carry their father's family name."""
    store = make_store(tmp_path / "f.sqlite3")
    demo.generate(store, households=60, seed=4, year=2026, today=TODAY)
    with store.session_factory() as session:
        rows = session.execute(select(HouseholdMember.household_id, HouseholdMember.full_name,
                                      HouseholdMember.relation)).all()
    heads = {h: name for h, name, relation in rows if relation == "chu_ho"}
    for household, name, relation in rows:
        head = heads[household]
        woman_head = head.split()[1] in ("Thị", "Thu", "Hồng")
        if relation == "vo":
            assert not woman_head and name.split()[1] not in ("Văn", "Đức", "Hữu"), (head, name)
        if relation == "chong":
            assert woman_head and name.split()[1] != "Thị", (head, name)
        husbands = [n for h, n, r in rows if h == household and r == "chong"]
        father = husbands[0] if woman_head and husbands else None if woman_head else head
        if relation == "con" and father:
            assert name.split()[0] == father.split()[0], (head, name)
    assert {"vo", "chong"} <= {relation for _, _, relation in rows}
    store.close()
