"""Issue 14 point 4: recovery after a lost or restored laptop converges.

The failure first: a commune restored from an older backup edits again; its next package is refused
as a replay, a full one is merged with its edits dropped as conflicts, and the commune's and the
office's `antq stats --json` digests differ. Then the office sends a recovery package, the commune
previews it (nothing changes) and applies it: the digests are equal at once, and the commune's next
edit and package win at the office (digests equal again). The lost-laptop variant does the same from
a new store with a new key the office enrolled. Hostile: a valid office key sending a recovery package
for another commune, with another unit's records, a peer commune's key, a replayed recovery package:
each refused with the store unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.security.store_state import assert_unchanged, capture
from tests.services.conftest import enrol_recipient, key_file
from tests.services.merge.conftest import make_upper, merge

from antq_desktop.cli.main import main
from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services import demo, recovery
from antq_desktop.services.accounts import backup, restore
from antq_desktop.services.accounts.backup import BackupKey, KdfParams
from antq_desktop.services.export import export_package
from antq_desktop.services.forward import build as forwarding
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.services.recovery import build as recovery_build
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import Household, ProducerState

A, B = "00004", "00277"
FAST = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)


@dataclass
class World:
    office: Store
    office_path: Path
    a_path: Path
    b_path: Path
    folder: Path
    a: Store
    b: Store


def _commune(path: Path, code: str, office: Store, seed: int) -> Store:
    store = make_store(path, code)
    demo.generate(store, households=5, seed=seed)
    enrol_recipient(store, office)
    with office.session() as session:
        keys.trust_add(session, key_file(store), actor=ACTOR)
    return store


@pytest.fixture
def world(tmp_path: Path) -> World:
    office_path = tmp_path / "office.sqlite3"
    office = make_upper(str(office_path))
    a = _commune(tmp_path / "a.sqlite3", A, office, 1)
    b = _commune(tmp_path / "b.sqlite3", B, office, 2)
    w = World(office, office_path, tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path, a, b)
    yield w
    for store in (w.office, w.a, w.b):
        store.close()


_count = iter(range(1, 10_000))


def send(world: World, store: Store, kind: str = "incremental") -> list[Any]:
    path = world.folder / f"pkg-{next(_count)}.antq"
    export_package(store, path, password=PASSWORD, actor=ACTOR, kind=kind)
    return merge(world.office, path)


def digests(db: Path, unit: str, capsys: pytest.CaptureFixture[str]) -> str:
    """`antq stats --json`: the digest of `unit`'s records in the store at `db`."""
    capsys.readouterr()
    assert main(["--db", str(db), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["units"][unit]["digest"]


def a_household(store: Store) -> str:
    with store.session_factory() as session:
        return session.execute(select(Household.id).where(Household.origin_unit == A, Household.deleted.is_(False))
                               .order_by(Household.id).limit(1)).scalar_one()


def head_name(store: Store, household: str) -> str:
    with store.session_factory() as session:
        return session.get(Household, household).head_name  # type: ignore[union-attr]


def build(world: World, unit: str = A, name: str = "khoi-phuc.antq") -> Path:
    out = world.folder / name
    recovery.build_recovery(world.office, unit, out, password=PASSWORD, actor=ACTOR)
    return out


def restored_from_old_backup(world: World) -> Store:
    """Backup after the first package; a second package merged; then the laptop restores the backup."""
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    old = backup.create_backup(world.a, world.folder / "a.antqbak", BackupKey.derive(PASSWORD, params=FAST),
                               actor=ACTOR)
    records.update(world.a, "household", a_household(world.a), {"head_name": "Nguyễn Văn Trước"}, actor=ACTOR)
    assert [r.status for r in send(world, world.a)] == ["merged"]
    world.a.close()
    restore.restore(world.a_path, old, PASSWORD, keep_folder=world.folder / "giu", username=ACTOR)
    world.a = open_store(world.a_path)
    return world.a


def test_a_restored_commune_converges_after_a_recovery_package(world: World,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    commune = restored_from_old_backup(world)
    household = a_household(commune)
    # The failure first: the restored laptop's edits never reach the office.
    records.update(commune, "household", household, {"head_name": "Nguyễn Văn Sau"}, actor=ACTOR)
    (replay,) = send(world, commune)
    assert (replay.status, replay.code) == ("refused", "REPLAY")
    (full,) = send(world, commune, "full")
    assert full.status == "merged" and full.counts["household"]["conflict"] == 1  # the edit dropped
    assert head_name(world.office, household) == "Nguyễn Văn Trước"
    assert digests(world.a_path, A, capsys) != digests(world.office_path, A, capsys)

    path = build(world)
    before = capture(commune)
    preview = recovery.preview_recovery(commune, path, password=PASSWORD, actor=ACTOR)
    assert preview.counts["household"]["updated"] == 1 and preview.local_edits == 1
    assert preview.office_unit == "CUM-01" and not preview.applied
    assert_unchanged(commune, before, max_log_rows=0, max_audit_rows=0)  # the preview changes nothing

    applied = recovery.apply_recovery(commune, path, password=PASSWORD, actor=ACTOR)
    assert applied.applied and applied.changes.everything
    assert head_name(commune, household) == "Nguyễn Văn Trước"  # the office's version replaced its own
    assert digests(world.a_path, A, capsys) == digests(world.office_path, A, capsys)

    # From now on the commune's edits win again at the office.
    records.update(commune, "household", household, {"head_name": "Nguyễn Văn Mới"}, actor=ACTOR)
    (after,) = send(world, commune)
    assert after.status == "merged", after.message
    assert sum(c.get("conflict", 0) for c in after.counts.values()) == 0
    assert head_name(world.office, household) == "Nguyễn Văn Mới"
    assert digests(world.a_path, A, capsys) == digests(world.office_path, A, capsys)
    (again,) = send(world, commune)  # and the chain goes on: the next incremental follows
    assert again.status == "merged", again.message


def test_a_lost_laptop_converges_from_a_new_store_and_key(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    household = a_household(world.a)
    records.update(world.a, "household", household, {"head_name": "Trần Thị Cũ"}, actor=ACTOR)
    assert [r.status for r in send(world, world.a)] == ["merged"]
    with world.office.session_factory() as session:  # the old key stays enrolled: the newest one is used
        office_last = session.get(ProducerState, A).last_sequence  # type: ignore[union-attr]
    new = _lost_laptop(world)  # a new laptop: new store, new key, enrolled at the office
    (refused,) = send(world, new, "full")  # the failure: a new laptop starts again at package 1
    assert (refused.status, refused.code) == ("refused", "REPLAY")

    path = build(world)
    applied = recovery.apply_recovery(new, path, password=PASSWORD, actor=ACTOR)
    assert applied.counts["household"]["added"] == 5 and applied.next_kind == "incremental"
    assert applied.next_sequence == office_last + 1
    assert head_name(new, household) == "Trần Thị Cũ"
    with new.engine.connect() as conn:  # the new store's statistics, taken empty, now describe its rows
        stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'households' AND idx IS NOT NULL "
                                    "LIMIT 1").scalar()
    assert stat and int(stat.split()[0]) >= 5
    assert digests(world.a_path, A, capsys) == digests(world.office_path, A, capsys)

    records.update(new, "household", household, {"head_name": "Trần Thị Mới"}, actor=ACTOR)
    (after,) = send(world, new)  # incremental, chained to the office's last package; audit branch accepted
    assert after.status == "merged" and after.sequence == office_last + 1, after.message
    assert "gói khôi phục" in after.message
    assert head_name(world.office, household) == "Trần Thị Mới"
    assert digests(world.a_path, A, capsys) == digests(world.office_path, A, capsys)


def _lost_laptop(world: World) -> Store:
    """A new laptop for commune A: new store, new key, enrolled at the office (the old one stays enrolled)."""
    world.a.close()
    world.a_path.unlink()
    world.a_path = world.folder / "a-new.sqlite3"
    world.a = make_store(world.a_path, A)
    enrol_recipient(world.a, world.office)
    with world.office.session() as session:
        keys.trust_add(session, key_file(world.a), actor=ACTOR)
    return world.a


def test_the_province_takes_the_recovered_communes_next_package_from_the_forward(
        world: World, tmp_path: Path) -> None:
    """The province never sees the recovery package: the office's signed grant travels in the commune's next
    package, and the province trusts the cluster for that commune (its catchment), so the new branch passes."""
    province = open_store(str(tmp_path / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    enrol_recipient(world.office, province)
    with province.session() as session:
        keys.trust_add(session, key_file(world.office), actor=ACTOR, role="district", communes=[A, B])

    def forward() -> list[Any]:
        out = tmp_path / f"fwd-{next(_count)}.antq"
        forwarding.write_forward(world.office, out, password=PASSWORD, actor=ACTOR)
        return merge(province, out)

    try:
        assert [r.status for r in send(world, world.a, "full")] == ["merged"]
        assert [r.status for r in send(world, world.a)] == ["merged"]
        assert {r.status for r in forward()} == {"merged"}
        commune = _lost_laptop(world)
        recovery.apply_recovery(commune, build(world), password=PASSWORD, actor=ACTOR)
        household = a_household(commune)
        records.update(commune, "household", household, {"head_name": "Phạm Thị Tỉnh"}, actor=ACTOR)
        (after,) = send(world, commune)
        assert after.status == "merged", after.message
        results = forward()
        inner = [r for r in results if r.producer_unit == A and r.status == "merged"]
        assert inner and all(r.status in ("merged", "duplicate") for r in results), [r.message for r in results]
        assert "gói khôi phục" in inner[-1].message
        assert head_name(province, household) == "Phạm Thị Tỉnh"
        with province.session_factory() as session:
            at_province = stats.unit_stats(session, A).digest
        with commune.session_factory() as session:
            assert stats.unit_stats(session, A).digest == at_province
    finally:
        province.close()


def test_the_cli_builds_previews_and_applies(world: World, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = world.folder / "r.antq"
    assert main(["--db", str(world.office_path), "recovery", "build", "--unit", A, "--out", str(out)]) == 0
    assert "gói khôi phục số 1" in capsys.readouterr().out
    before = capture(world.a)
    assert main(["--db", str(world.a_path), "recovery", "preview", str(out)]) == 0
    text = capsys.readouterr().out
    assert "THAY bản trên máy này" in text and "Hộ gia đình" in text and "chưa thay đổi gì" in text
    assert_unchanged(world.a, before, max_log_rows=0, max_audit_rows=1)  # only the officer's sign-in entry
    assert main(["--db", str(world.a_path), "recovery", "apply", "--yes", str(out)]) == 0
    assert "Đã nhận dữ liệu khôi phục" in capsys.readouterr().out
    assert main(["--db", str(world.a_path), "recovery", "apply", "--yes", str(out)]) == 3  # the same again
    assert "[REPLAY]" in capsys.readouterr().err


# ---- hostile: each refused, the commune's store exactly as before ----

def _office_package(world: World, *, target: str, recipient_store: Store, state_unit: str | None = None,
                    extra: list[dict[str, Any]] | None = None, signer_store: Store | None = None) -> Path:
    """A recovery package signed with a real key (the office's unless `signer_store`), crafted as told."""
    signer_store = signer_store or world.office
    with world.office.session_factory() as session:
        state = recovery_build.state_record(session.get(ProducerState, A), "CUM-01")  # type: ignore[arg-type]
        rows = list(recovery_build._records(session, A))
    state["unit_code"] = state_unit or state["unit_code"]
    with signer_store.session_factory() as session:
        blob = keys.active_blob(session)
        profile = signer_store.profile()
    recipient = read_public_key_file(key_file(recipient_store))
    path = world.folder / f"crafted-{next(_count)}.antq"
    meta = PackageMeta(Producer(profile.unit_code, profile.unit_name, profile.role), 99, "recovery", target,
                       "0.1.0", "1")
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, [state, *rows, *(extra or [])], meta, signer, recipient)
    return path


def _refused(store: Store, path: Path, code: str) -> str:
    before = capture(store)
    for call in (recovery.preview_recovery, recovery.apply_recovery):
        with pytest.raises(recovery.RecoveryError) as caught:
            call(store, path, password=PASSWORD, actor=ACTOR)
        assert caught.value.code == code, caught.value.message
    assert_unchanged(store, before, max_log_rows=0, max_audit_rows=0)
    return caught.value.message


@pytest.fixture
def merged(world: World) -> World:
    for store in (world.a, world.b):
        assert [r.status for r in send(world, store, "full")] == ["merged"]
    return world


def test_a_recovery_package_for_another_commune_is_refused(merged: World) -> None:
    to_b = build(merged, B, "cho-b.antq")
    message = _refused(merged.a, to_b, "NOT_AUTHORISED")  # B's package handed to A
    assert B in message and A in message
    # the office's key, A's key, A named in the header, but the state line is B's
    crafted = _office_package(merged, target=A, recipient_store=merged.a, state_unit=B)
    _refused(merged.a, crafted, "NOT_AUTHORISED")


def test_a_recovery_package_with_another_units_records_is_refused(merged: World) -> None:
    with merged.office.session_factory() as session:
        foreign = next(r for r in recovery_build._records(session, B) if r["type"] == "household")
    crafted = _office_package(merged, target=A, recipient_store=merged.a, extra=[foreign])
    _refused(merged.a, crafted, "SIGNER_MISMATCH")
    relabelled = _office_package(merged, target=A, recipient_store=merged.a, extra=[{**foreign, "origin_unit": A}])
    # relabelled as A's: its area is B's, which A does not hold: a reference to nothing, refused whole
    _refused(merged.a, relabelled, "VALIDATION_ERROR")


def test_a_recovery_package_from_a_peer_commune_is_refused(merged: World) -> None:
    crafted = _office_package(merged, target=A, recipient_store=merged.a, signer_store=merged.b)
    _refused(merged.a, crafted, "UNKNOWN_KEY")


def test_a_commune_refuses_to_build_and_the_office_needs_an_enrolled_key(merged: World) -> None:
    with pytest.raises(recovery.RecoveryError) as caught:
        recovery.build_recovery(merged.a, A, merged.folder / "x.antq", password=PASSWORD, actor=ACTOR)
    assert caught.value.code == "NOT_AN_OFFICE"
    with pytest.raises(recovery.RecoveryError) as caught:
        recovery.build_recovery(merged.office, "00070", merged.folder / "x.antq", password=PASSWORD, actor=ACTOR)
    assert caught.value.code == "NO_COMMUNE_KEY"
    assert not (merged.folder / "x.antq").exists()


def test_a_grant_counts_only_from_an_office_trusted_for_that_commune_at_the_held_head(tmp_path: Path) -> None:
    """The province's side of the grant: signed by the cluster's key enrolled there as an office whose
    catchment has the commune, for the head the province holds; anything else is ignored (then the
    continuity check refuses the new branch as before)."""
    from antq_desktop.services.merge.recovery_grant import grant_accepted, make_grant

    office = make_upper(str(tmp_path / "office.sqlite3"))
    province = open_store(str(tmp_path / "province.sqlite3"))
    try:
        profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
        with province.session() as session:
            keys.trust_add(session, key_file(office), actor=ACTOR, role="district", communes=[B])
        with office.session_factory() as session:
            blob = keys.active_blob(session)
        head = "ab" * 32
        with KeyStore.unlock(blob, PASSWORD) as signer:
            grant = make_grant(signer, unit=A, office="CUM-01", base_head=head, package_id="p")
        with province.session_factory() as session:
            assert not grant_accepted(session, A, head, grant)  # A is not in the cluster's catchment here
        with province.session() as session:
            keys.set_catchment(session, "CUM-01", [A, B], actor=ACTOR)
        with province.session_factory() as session:
            assert grant_accepted(session, A, head, grant)
            assert not grant_accepted(session, A, "cd" * 32, grant)  # another head than the one held
            assert not grant_accepted(session, B, head, grant)  # for another commune
            assert not grant_accepted(session, A, head, {**grant, "base_head": "cd" * 32})  # altered: signature
            assert not grant_accepted(session, A, head, None)
    finally:
        office.close()
        province.close()
