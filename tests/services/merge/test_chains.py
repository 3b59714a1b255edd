"""Gaps held then released, full packages superseding a gap, conflicts, dry run, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select, update
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import Blob, BlobChunk, HeldPackage, Household, ImportAttempt, MergeConflict

from .conftest import Commune, assert_only_logged, blob_bytes, blob_count, dump, merge, trust


def _digest(store, code):  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return stats.unit_stats(session, code).digest


def _households(commune: Commune, n: int) -> list[str]:
    with commune.store.session_factory() as session:
        return list(session.execute(select(Household.id).order_by(Household.id).limit(n)).scalars())


def _held(upper) -> list[HeldPackage]:  # type: ignore[no-untyped-def]
    with upper.session_factory() as session:
        return list(session.execute(select(HeldPackage).order_by(HeldPackage.sequence)).scalars())


def _blob_ids(upper) -> set[str]:  # type: ignore[no-untyped-def]
    with upper.session_factory() as session:
        return set(session.execute(select(Blob.id)).scalars())


def _chain(upper, commune: Commune) -> list[Path]:  # type: ignore[no-untyped-def]
    """full 1, then incrementals 2 and 3 with an update and a deletion each."""
    demo.generate(commune.store, households=25, seed=21)
    trust(upper, commune)
    paths = [commune.export(upper)]
    first, second = _households(commune, 2)
    records.update(commune.store, "household", first, {"members": 9}, actor=ACTOR)
    paths.append(commune.export(upper, "incremental"))
    records.update(commune.store, "household", second, {"head_name": "Phạm Văn Đức"}, actor=ACTOR)
    records.update(commune.store, "household", first, {"members": 3}, actor=ACTOR)
    paths.append(commune.export(upper, "incremental"))
    return paths


def test_gap_is_held_then_released(upper, commune: Commune) -> None:
    full, inc2, inc3 = _chain(upper, commune)
    assert merge(upper, full)[0].status == "merged"
    (held,) = merge(upper, inc3)
    assert held.status == "held" and held.code == "GAP"
    (row,) = _held(upper)
    # the copy is in the database (any clerk's merge can release it), byte for byte
    assert row.sequence == 3 and row.stored_path is None and blob_bytes(upper, row.blob_id) == inc3.read_bytes()
    copies = blob_count(upper)
    assert merge(upper, inc3)[0].status == "held"  # twice: still one held copy
    assert len(_held(upper)) == 1 and blob_count(upper) == copies
    results = merge(upper, inc2)
    assert [(r.sequence, r.status, r.released_from_hold) for r in results] == [(2, "merged", False),
                                                                              (3, "merged", True)]
    assert _held(upper) == [] and row.blob_id not in _blob_ids(upper)  # the hold and its copy went together
    assert _digest(upper, commune.code) == _digest(commune.store, commune.code)


def test_full_package_supersedes_a_gap(upper, commune: Commune) -> None:
    full, _inc2, inc3 = _chain(upper, commune)
    assert merge(upper, full)[0].status == "merged"
    assert merge(upper, inc3)[0].status == "held"
    stored = _held(upper)[0].blob_id
    assert merge(upper, commune.export(upper))[0].status == "merged"  # full package 4
    assert _held(upper) == [] and stored not in _blob_ids(upper)
    assert _digest(upper, commune.code) == _digest(commune.store, commune.code)


def test_first_package_incremental_is_held_until_a_full_one(upper, commune: Commune) -> None:
    _full, inc2, _inc3 = _chain(upper, commune)
    assert merge(upper, inc2)[0].status == "held"
    results = merge(upper, _full)
    assert [r.status for r in results] == ["merged", "merged"]


def test_same_revision_other_content_is_a_conflict(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=10, seed=22)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    rows = commune.records(0)
    target = next(r for r in rows if r["type"] == "household")
    original = target["head_name"]
    target["head_name"] = "Tên bị sửa lén"  # same revision, different content
    (result,) = merge(upper, commune.export(upper, records=rows))
    assert result.status == "merged" and result.counts["household"]["conflict"] == 1
    assert "xung đột" in result.message
    with upper.session_factory() as session:
        assert session.get(Household, target["id"]).head_name == original  # never silently overwritten
        conflict = session.execute(select(MergeConflict)).scalars().one()
        assert conflict.record_id == target["id"] and "Tên bị sửa lén" in conflict.incoming_record


def test_dry_run_writes_only_the_log(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=15, seed=23)
    trust(upper, commune)
    path = commune.export(upper)
    before = dump(upper)
    (result,) = merge(upper, path, dry_run=True)
    assert result.status == "dry_run" and result.counts["household"]["new"] == 15
    assert_only_logged(before, dump(upper), audit=0)
    broken = path.with_name("broken.antq")
    broken.write_bytes(path.read_bytes()[:-1])
    before = dump(upper)
    assert merge(upper, broken, dry_run=True)[0].code == "TRUNCATED"
    assert_only_logged(before, dump(upper), audit=0)  # a refused preview is not audited either
    assert merge(upper, path)[0].status == "merged"


def test_cancel_leaves_no_partial_writes(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=30, seed=24)
    trust(upper, commune)
    path = commune.export(upper)
    before = dump(upper)
    cancel = threading.Event()
    calls = []

    def progress(fraction: float, message: str) -> None:
        calls.append(fraction)
        if fraction > 0.05:
            cancel.set()  # cancelled after the first batch was written in the transaction
    (result,) = merge(upper, path, progress=progress, cancel=cancel)
    assert result.status == "cancelled" and result.code == "CANCELLED"
    after = dump(upper)
    assert_only_logged(before, after, audit=0)
    with upper.session_factory() as session:
        assert session.execute(select(func.count()).select_from(Household)).scalar() == 0
        assert session.execute(select(ImportAttempt.result, ImportAttempt.error_code)).one() == ("refused", "CANCELLED")


def test_a_damaged_held_copy_is_refused_not_merged_and_the_hold_kept(upper, commune: Commune) -> None:
    full, inc2, inc3 = _chain(upper, commune)
    assert [r.status for r in merge(upper, full, inc3)] == ["merged", "held"]
    (row,) = _held(upper)
    with upper.session() as session:  # one byte of the kept copy changes (disk fault, or someone at the database)
        chunk = (BlobChunk.blob_id == row.blob_id) & (BlobChunk.chunk_no == 0)
        data = bytearray(session.execute(select(BlobChunk.data).where(chunk)).scalar_one())
        data[-1] ^= 0x01
        session.execute(update(BlobChunk).where(chunk).values(data=bytes(data)))
    results = merge(upper, inc2)
    assert [(r.sequence, r.status, r.code) for r in results] == [(2, "merged", None), (3, "refused", "IO_ERROR")]
    assert "gửi lại gói số 3" in results[1].message
    assert [h.package_uuid for h in _held(upper)] == [row.package_uuid]  # kept for inspection, never half-merged
    with upper.session_factory() as session:
        logged = session.execute(select(ImportAttempt.result, ImportAttempt.error_code)
                                 .where(ImportAttempt.package_uuid == row.package_uuid)).all()
    assert ("refused", "IO_ERROR") in logged
