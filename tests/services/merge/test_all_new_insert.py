"""Issue 18: a batch of rows none of which is stored yet is written without looking each id up
(`apply.write_if_all_new`: the primary key proves them new). Whatever it meets, the merge must end
exactly as the look-up path ends it: same rows, change numbers, counts, refusals; on both engines."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.conftest import ACTOR

from antq_desktop.services.merge import apply, pipeline, record_feed
from antq_desktop.services.merge.incoming import Batch, add_derived_keys, check_shape, validated_rows
from antq_desktop.services.records import writes as records
from antq_desktop.storage import upsert
from antq_desktop.storage.models import Counter, Household

from .conftest import Commune, assert_only_logged, dump, merge, trust
from .test_fast_write import _synced, merged_twins

_areas = itertools.count(1)


@pytest.fixture
def tried(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What each try of the fast path answered (True: the batch was written by it)."""
    answers: list[bool] = []
    fast = pipeline.write_if_all_new

    def counted(*args: Any, **kw: Any) -> bool:
        answers.append(fast(*args, **kw))
        return answers[-1]
    monkeypatch.setattr(pipeline, "write_if_all_new", counted)
    return answers


def _look_up_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "write_if_all_new", lambda *args, **kw: False)


def _households(commune: Commune, count: int) -> list[str]:
    area = records.create(commune.store, "residential_area", {"name": f"Tổ {next(_areas)}", "kind": "to_dan_pho"},
                          actor=ACTOR)
    return [records.create(commune.store, "household", {"area_id": area, "head_name": f"Nguyễn Văn {i}"},
                           actor=ACTOR) for i in range(count)]


def test_first_packages_take_the_fast_path_and_store_what_the_look_up_stores(
        engine_url: str, commune: Commune, tmp_path, request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch, tried: list[bool]) -> None:
    """A commune's first package (every batch new) and its second (new, updated and deleted rows):
    twin offices, one with the fast path and one without, end with identical tables."""
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 25)  # several batches of each type
    fast_upper, look_up_upper, fast, slow = merged_twins(engine_url, commune, request, monkeypatch, _look_up_only)
    try:
        assert tried and all(tried), tried  # the first package: every batch by the fast path
        assert [r.status for r in fast] == [r.status for r in slow] == ["merged", "merged"], fast[0].message
        assert [r.counts for r in fast] == [r.counts for r in slow]
        assert fast[1].counts["household"]["updated"] >= 1
        assert _synced(fast_upper) == _synced(look_up_upper)  # change numbers included
        assert _counters(fast_upper) == _counters(look_up_upper)
    finally:
        fast_upper.close()
        look_up_upper.close()


def _counters(store: Any) -> list[tuple[str, int]]:
    with store.session_factory() as session:
        return [tuple(row) for row in session.execute(select(Counter.name, Counter.value).order_by(Counter.name))]


def _foreign_id_package(commune: Commune, commune2: Commune, upper: Any) -> Any:
    """Commune 2's first package, its 9th household (second batch of five) carrying the id of a
    household of commune 1 already merged here: a valid signature over another unit's record."""
    _households(commune, 3)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    rows = [dict(r) for r in commune2.records(0)]
    households = [r for r in rows if r["type"] == "household"]
    households[8]["id"] = _stored_household(upper)
    return commune2.export(upper, records=rows, name="foreign-id.antq")


def _stored_household(upper: Any) -> str:
    with upper.session_factory() as session:
        return str(session.execute(select(Household.id).where(Household.origin_unit == "00004").limit(1)).scalar())


def test_another_units_id_in_a_later_batch_is_refused_as_before(
        upper, commune: Commune, commune2: Commune, monkeypatch: pytest.MonkeyPatch, tried: list[bool]) -> None:
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 5)
    _households(commune2, 12)
    trust(upper, commune2)
    path = _foreign_id_package(commune, commune2, upper)
    before = dump(upper)
    (result,) = merge(upper, path)
    assert result.status == "refused" and result.code == "SIGNER_MISMATCH", (result.code, result.message)
    assert "00004" in result.message and False in tried  # the fast path met it and gave way
    assert_only_logged(before, dump(upper))
    with monkeypatch.context() as patch:  # the look-up path gives the very same refusal
        _look_up_only(patch)
        (again,) = merge(upper, path)
    assert (again.code, again.message) == (result.code, result.message)


def test_an_id_twice_in_one_batch_is_refused_as_before(upper, commune: Commune, monkeypatch: pytest.MonkeyPatch,
                                                      tried: list[bool]) -> None:
    _households(commune, 4)
    trust(upper, commune)
    rows = [dict(r) for r in commune.records(0)]
    households = [r for r in rows if r["type"] == "household"]
    households[2]["id"] = households[1]["id"]
    path = commune.export(upper, records=rows, name="twice.antq")
    before = dump(upper)
    (result,) = merge(upper, path)
    assert result.status == "refused" and result.code == "VALIDATION_ERROR", (result.code, result.message)
    assert "hai lần" in result.message and False in tried
    assert_only_logged(before, dump(upper))


def _batch(session: Any, records_: list[dict[str, Any]]) -> Batch:
    """The commune's household records as the merge holds them after its checks."""
    metas = [check_shape(record, "00004") for record in records_]
    batch = Batch("household", validated_rows(session, "household", records_, metas))
    batch.to_write = batch.rows
    add_derived_keys(batch)
    batch.to_write = []
    return batch


def _merged_commune(upper: Any, commune: Commune) -> int:
    """Two households merged; returns the commune's change number after them."""
    _households(commune, 2)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    return commune.max_seq()


def _households_since(commune: Commune, since: int) -> list[dict[str, Any]]:
    return [r for r in commune.records(since) if r["type"] == "household"]


@pytest.mark.parametrize("case", ["stored", "twice", "missing parent"])
def test_a_batch_that_cannot_all_be_new_leaves_nothing(upper, commune: Commune, case: str) -> None:
    """Directly: one row that cannot be inserted as new, and the store (rows and change counter) is as before."""
    since = _merged_commune(upper, commune)
    stored = _households_since(commune, 0)[0]
    if case == "missing parent":  # households of an area the office never received
        _households(commune, 60)
        new = _households_since(commune, since)
    else:
        new = _new_in_merged_area(commune, since, stored)
        new = new[:30] + ([stored] if case == "stored" else [new[10]]) + new[30:]
    before = dump(upper)
    with upper.session() as session:
        batch = _batch(session, new)
        assert not apply.write_if_all_new(session, batch, lambda: None, package_uuid="p", producer="00004")
        assert batch.to_write == [] and batch.new_ids == set()
    assert dump(upper) == before


def _new_in_merged_area(commune: Commune, since: int, stored: dict[str, Any]) -> list[dict[str, Any]]:
    """60 new households in the area the office already holds."""
    for i in range(60):
        records.create(commune.store, "household", {"area_id": stored["area_id"], "head_name": f"Lê Văn {i}"},
                       actor=ACTOR)
    return [r for r in _households_since(commune, since) if r["area_id"] == stored["area_id"]]


def test_a_batch_of_new_rows_is_written_with_fresh_change_numbers(upper, commune: Commune) -> None:
    since = _merged_commune(upper, commune)
    stored = _households_since(commune, 0)[0]
    new = _new_in_merged_area(commune, since, stored)
    counter_before = dict(_counters(upper))["change_seq"]
    with upper.session() as session:
        batch = _batch(session, new)
        assert apply.write_if_all_new(session, batch, lambda: None, package_uuid="p", producer="00004")
    with upper.session_factory() as session:
        seqs = sorted(s for (s,) in session.execute(select(Household.change_seq).where(
            Household.id.in_([r["id"] for r in new]))))
    assert seqs == list(range(counter_before + 1, counter_before + 61))
    assert dict(_counters(upper))["change_seq"] == counter_before + 60


def test_postgresql_takes_a_bounded_number_of_savepoints(engine_url: str, commune: Commune, tmp_path,
                                                         request: pytest.FixtureRequest,
                                                         monkeypatch: pytest.MonkeyPatch, tried: list[bool]) -> None:
    """A savepoint per all-new batch on PostgreSQL, but never more than PG_SAVEPOINTS_MAX in one transaction
    (more than 64 subtransactions slow every other session down); the batches past it take the look-up path,
    and the offices still end identical."""
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 25)
    monkeypatch.setattr(upsert, "PG_SAVEPOINTS_MAX", 3)
    savepoints: list[int] = []
    begin_nested = Session.begin_nested
    monkeypatch.setattr(Session, "begin_nested", lambda self: (savepoints.append(1), begin_nested(self))[1])
    given_back: list[int] = []  # past the cap a batch is not even prepared: no change numbers reserved for nothing
    give_back = apply.give_back

    def counted_give_back(session: Any, name: str, first: int, count: int) -> None:
        given_back.append(count)
        give_back(session, name, first, count)
    monkeypatch.setattr(apply, "give_back", counted_give_back)
    fast_upper, look_up_upper, fast, slow = merged_twins(engine_url, commune, request, monkeypatch, _look_up_only)
    try:
        assert [r.status for r in fast] == [r.status for r in slow] == ["merged", "merged"], fast[0].message
        assert [r.counts for r in fast] == [r.counts for r in slow]
        assert _synced(fast_upper) == _synced(look_up_upper)
        assert _counters(fast_upper) == _counters(look_up_upper)
        first_package = tried[:sum(fast[0].counts[t]["new"] // 25 for t in fast[0].counts)]
        if engine_url.startswith("postgresql"):
            assert len(savepoints) <= 2 * 3 and first_package.count(True) == 3, (savepoints, tried)
            assert not given_back, given_back
        else:
            assert not savepoints and all(first_package), tried
    finally:
        fast_upper.close()
        look_up_upper.close()
