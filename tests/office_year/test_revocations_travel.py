"""Issue 14, point 3 "Revocations travel": a commune key revoked at the cluster goes up in the next forward.

Before: the cluster's full forward was refused whole at the province (it still carried packages signed by
the revoked key, which the cluster no longer vouched), and a package from the lost laptop addressed to
the province passed `verify` and `merge`. Now the revocation travels signed inside the forward, the
province applies it (audited), keeps the packages the cluster merged before revoking, and refuses the
lost laptop's packages everywhere, whatever date they claim.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD
from tests.services.conftest import Commune, dump, key_file
from tests.services.forward.test_forward import digests, district_with_two_communes
from tests.services.merge.conftest import make_upper, new_commune

from antq_desktop.cli.main import main
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keys import b64encode, fingerprint, read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services.export import build as export
from antq_desktop.services.forward import build as forwarding
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.services.keys import trust_list
from antq_desktop.services.merge import archive as merge_archive
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.merge.verify import verify_file
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import AuditEntry, ImportAttempt, KnownKey, ReceivedRevocation

OFFICE = "CUM-01"


@pytest.fixture
def office(tmp_path: Path) -> Store:
    s = make_upper(str(tmp_path / "office.sqlite3"))
    yield s
    s.close()


@pytest.fixture
def commune_a(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00004", "Phường Ba Đình")
    yield c
    c.store.close()


@pytest.fixture
def commune_b(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00277", "Phường Bạch Mai")
    yield c
    c.store.close()


@pytest.fixture
def province(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "province.sqlite3"))
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


@pytest.fixture
def province_any(engine_url: str) -> Store:
    """The province on SQLite and on PostgreSQL."""
    s = open_store(engine_url)
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


def merge(store: Store, *paths: Path) -> list[Any]:
    return merge_packages(store, list(paths), actor=ACTOR, password=PASSWORD)


def fingerprint_of(store: Store, unit: str) -> str:
    with store.session_factory() as session:
        return session.execute(select(KnownKey.fingerprint).where(KnownKey.unit_code == unit)).scalar_one()


def revoke_at_cluster(office: Store, unit: str, since: datetime | None = None) -> None:
    with office.session() as session:
        keys.trust_revoke(session, fingerprint_of(office, unit), actor=ACTOR, reason="Mất máy tính xách tay",
                          since=since)


def forward(office: Store, tmp_path: Path, name: str, since_last: bool = False) -> Path:
    out = tmp_path / name
    forwarding.write_forward(office, out, password=PASSWORD, actor=ACTOR, since_last=since_last)
    return out


def without_log(store: Store) -> dict[str, Any]:
    return {k: v for k, v in dump(store).items() if k != "import_log"}


def a_package_id(office: Store, unit: str) -> str:
    with office.session_factory() as session:
        return session.execute(select(ImportAttempt.package_uuid).where(
            ImportAttempt.producer_unit == unit, ImportAttempt.result == "merged")).scalar_one()


def cluster_revoked_and_forwarded(office: Store, a: Commune, b: Commune, province: Store, tmp_path: Path) -> Path:
    """The cluster merged A and B, revoked A's key (lost laptop), forwarded everything; the province merged it."""
    district_with_two_communes(office, a, b, province)
    revoke_at_cluster(office, a.code, since=datetime(2026, 1, 1))
    out = forward(office, tmp_path, "forward-1.antq")
    before = without_log(province)
    (preview,) = merge_packages(province, [out], actor=ACTOR, password=PASSWORD, dry_run=True)
    assert preview.status == "dry_run" and without_log(province) == before, preview.message  # a preview writes nothing
    results = merge(province, out)
    assert [r.status for r in results] == ["merged"] * 4, [(r.status, r.message) for r in results]
    assert results.changes.trust_changed  # the GUI's trust views learn that the registry changed
    return out


def test_revocation_travels_and_pre_revocation_data_stays(office, commune_a, commune_b, province_any,
                                                          tmp_path: Path) -> None:
    province = province_any
    out = cluster_revoked_and_forwarded(office, commune_a, commune_b, province, tmp_path)
    assert digests(province, "00004", "00277") == {**digests(commune_a.store, "00004"),
                                                   **digests(commune_b.store, "00277")}
    kept = a_package_id(office, "00004")
    with province.session_factory() as session:
        row = session.execute(select(KnownKey).where(KnownKey.unit_code == "00004")).scalar_one()
        assert row.revoked_at is not None and row.source == "vouched" and row.enrolled_by == OFFICE
        assert "Mất máy tính xách tay" in (row.revoke_reason or "")
        report = session.execute(select(ReceivedRevocation)).scalar_one()
        assert (report.key_id, report.office_unit, report.valid_up_to_sequence) == (row.key_id, OFFICE, 1)
        assert json.loads(report.valid_packages) == [kept] and report.compromised_since == datetime(2026, 1, 1)
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "trust_revoke_reported")).scalar_one()
        assert entry.record_id == row.key_id and json.loads(entry.details)["office"] == OFFICE
        b_key = session.execute(select(KnownKey).where(KnownKey.unit_code == "00277")).scalar_one()
        assert b_key.revoked_at is None  # only the reported key
    before = without_log(province)
    (again,) = merge(province, out)  # the same forward again: already merged, nothing changes
    assert again.status == "duplicate"
    later = forward(office, tmp_path, "forward-2.antq", since_last=True)  # carries the revocation again
    assert [r.status for r in merge(province, later)] == ["merged", "merged"]
    with province.session_factory() as session:
        assert len(session.execute(select(ReceivedRevocation)).scalars().all()) == 1
        assert len(session.execute(select(AuditEntry).where(
            AuditEntry.action == "trust_revoke_reported")).scalars().all()) == 1
    assert without_log(province)["received_revocations"] == before["received_revocations"]
    assert digests(province, "00004", "00277") == {**digests(commune_a.store, "00004"),
                                                   **digests(commune_b.store, "00277")}


def _thief_package(commune: Commune, upper: Store, *, sequence: int, created_at: str | None = None,
                   name: str) -> Path:
    """What someone holding the lost laptop makes: validly signed with the old key, addressed to ``upper``."""
    meta = PackageMeta(Producer(commune.code, commune.name, "commune"), sequence, "full", "2026", "0.1.0", "1",
                       created_at=created_at)
    with commune.store.session_factory() as session:
        blob = keys.active_blob(session)
    path = commune.folder / name
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, commune.records(0), meta, signer, read_public_key_file(key_file(upper)))
    return path


def _slip_into_cluster(office: Store, path: Path, minutes_after_revocation: int = 5) -> None:
    """A faulty or tampered cluster store lists a package as merged after the revocation, with its kept copy."""
    header = package_reader.inspect(path)
    with office.session() as session:
        revoked = session.execute(select(KnownKey.revoked_at).where(
            KnownKey.unit_code == header.producer.unit_code)).scalar_one()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        session.add(ImportAttempt(at=revoked + timedelta(minutes=minutes_after_revocation), actor=ACTOR,
                                  file_name=path.name, file_sha256=digest,
                                  producer_unit=header.producer.unit_code, package_uuid=header.package_id,
                                  sequence=header.sequence, kind=header.kind, result="merged"))
        merge_archive.store_copy(session, path, header.package_id, header.producer.unit_code, header.sequence,
                                 header.kind, digest)


def lost_laptop_packages_are_refused(office: Store, commune_a: Commune, commune_b: Commune, province: Store,
                                     tmp_path: Path) -> None:
    """Authority K13, run by tests/security/test_authority_keys.py (where the key rules' tests live)."""
    cluster_revoked_and_forwarded(office, commune_a, commune_b, province, tmp_path)
    new = _thief_package(commune_a, province, sequence=2, name="thief-2.antq")
    backdated = _thief_package(commune_a, province, sequence=1, created_at="2025-01-02T03:04:05Z",
                               name="thief-backdated.antq")
    before = without_log(province)
    for path in (new, backdated):
        (direct,) = merge(province, path)
        assert direct.status == "refused" and direct.code == "REVOKED_KEY", direct.message
        assert OFFICE in direct.message and "đăng ký khóa mới" in direct.message
        outcome = verify_file(province, path, actor=ACTOR)
        assert not outcome.ok and outcome.code == "REVOKED_KEY" and outcome.trust == "revoked"
        assert OFFICE in outcome.message
    # nothing written but the log row and the refusal's audit entry
    assert {k: v for k, v in without_log(province).items() if k != "audit_log"} == \
        {k: v for k, v in before.items() if k != "audit_log"}
    # At the cluster too (the key is revoked there): never merged, so never forwarded by an honest cluster.
    (at_cluster,) = merge(office, commune_a.export(office, "full", sequence=3, name="thief-3.antq"))
    assert at_cluster.status == "refused" and at_cluster.code == "REVOKED_KEY"
    # A cluster store that lists them anyway (tampered, or an older version): the province refuses the forward.
    # The backdated one first: a kept full package supersedes the producer's earlier copies (retention).
    to_cluster = (_thief_package(commune_a, office, sequence=1, created_at="2025-01-02T03:04:05Z",
                                 name="thief-backdated-cum.antq"),
                  _thief_package(commune_a, office, sequence=2, name="thief-2-cum.antq"))
    for path, name in zip(to_cluster, ("forward-backdated.antq", "forward-new.antq"), strict=True):
        _slip_into_cluster(office, path)
        out = forward(office, tmp_path, name, since_last=True)
        before = without_log(province)
        (result,) = merge(province, out)
        assert result.status == "refused" and result.code == "REVOKED_KEY", result.message
        assert "00004" in result.message and OFFICE in result.message and "toàn bộ" in result.message
        assert without_log(province) == before


def test_the_commune_recovers_with_a_new_key_enrolled_at_its_office(office, commune_a, commune_b, province,
                                                                    tmp_path: Path) -> None:
    """What the refusal tells the commune to do works: a new key enrolled at the cluster, data up again."""
    cluster_revoked_and_forwarded(office, commune_a, commune_b, province, tmp_path)
    with commune_a.store.session() as session:
        key_rotation.rotate(session, PASSWORD, actor=ACTOR, new_enrolment=True)
    with office.session() as session:
        keys.trust_add(session, commune_a.key_file(), actor=ACTOR)
    records.create(commune_a.store, "residential_area", {"name": "Tổ dân phố Mới", "kind": "to_dan_pho"}, actor=ACTOR)
    fresh = commune_a.folder / "after-new-key.antq"
    export.export_package(commune_a.store, fresh, password=PASSWORD, actor=ACTOR, kind="full")
    assert [r.status for r in merge(office, fresh)] == ["merged"]
    later = forward(office, tmp_path, "forward-2.antq", since_last=True)
    assert [r.status for r in merge(province, later)] == ["merged"] * 3
    assert digests(province, "00004") == digests(commune_a.store, "00004")
    with province.session_factory() as session:
        states = sorted((k.source, k.revoked_at is None) for k in session.execute(
            select(KnownKey).where(KnownKey.unit_code == "00004")).scalars())
    assert states == [("vouched", False), ("vouched", True)]  # the lost key revoked, the new one vouched


def test_revoked_key_without_earlier_merges_carries_nothing(office, commune_a, commune_b, province,
                                                           tmp_path: Path) -> None:
    """A key revoked before the cluster merged anything of it: none of its packages are valid up there."""
    district_with_two_communes(office, commune_a, commune_b, province)
    thief = _thief_package(commune_a, office, sequence=1, name="thief-1.antq")
    with office.session() as session:  # the cluster forgets what it merged from A (say a restored store)
        for attempt in session.execute(select(ImportAttempt).where(ImportAttempt.producer_unit == "00004")).scalars():
            session.delete(attempt)
    revoke_at_cluster(office, "00004")
    _slip_into_cluster(office, thief)
    out = forward(office, tmp_path, "forward.antq")
    before = without_log(province)
    (result,) = merge(province, out)
    assert result.status == "refused" and result.code == "REVOKED_KEY" and "chưa nhập gói nào" in result.message
    assert without_log(province) == before


# ---- a hostile office with a valid key ----

def _revocation(key_bytes: bytes, office: str = OFFICE, unit: str | None = None) -> dict[str, Any]:
    """A well-formed report (a claimed unit other than the file's carries the keys-only fingerprint)."""
    record = read_public_key_file(key_bytes)
    shown = fingerprint(record.signing_public, record.receiving_public) if unit else record.fingerprint
    return {"type": "key_revocation", "id": record.signing_key_id, "origin_unit": office,
            "unit_code": unit or record.unit_code, "unit_name": record.unit_name, "fingerprint": shown,
            "signing_public": b64encode(record.signing_public), "receiving_public": b64encode(record.receiving_public),
            "revoked_at": "2026-06-01T00:00:00Z", "revoked_by": "ke-gian", "compromised_since": None,
            "reason": "giả", "valid_up_to_sequence": None, "valid_packages": []}


def _hand_made_forward(office: Store, province: Store, records: list[dict[str, Any]], path: Path,
                       sequence: int) -> Path:
    with office.session_factory() as session:
        blob = keys.active_blob(session)
    meta = PackageMeta(Producer(OFFICE, "Cụm công an khu vực 1", "district"), sequence, "forward", "2026", "t", "1")
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, records, meta, signer, read_public_key_file(key_file(province)))
    return path


def hostile_office_revocations_are_refused(office: Store, commune_a: Commune, commune_b: Commune, province: Store,
                                           tmp_path: Path) -> None:
    """Authority K12, run by tests/security/test_authority_keys.py (where the key rules' tests live)."""
    with province.session() as session:  # the cluster's catchment is commune A only
        keys.trust_add(session, key_file(office), actor=ACTOR, role="district", communes=["00004"])
    other_office = open_store(str(tmp_path / "cum2.sqlite3"))
    profile.initialise(other_office, role="district", unit_code="CUM-02", name="Cụm công an khu vực 2",
                       officer_name="Phạm Văn Dũng", password=PASSWORD)
    other_key = key_file(other_office)
    other_office.close()
    with province.session() as session:
        keys.trust_add(session, commune_b.key_file(), actor=ACTOR)  # B enrolled by the province itself
        keys.trust_add(session, other_key, actor=ACTOR, role="district")
    hostile = {
        "outside its catchment": _revocation(commune_b.key_file()),
        "the province's own key": _revocation(key_file(province)),
        "the province's own unit code claimed for a commune key": _revocation(commune_a.key_file(), unit="01"),
        "another office's key": _revocation(other_key),
        "the office's own key relabelled as a commune's": _revocation(key_file(office), unit="00004"),
    }
    with province.session() as session:
        keys.set_catchment(session, OFFICE, ["00004", "00277"], actor=ACTOR)
    hostile["a commune the province enrolled itself (still trusted)"] = _revocation(commune_b.key_file())
    for number, (what, record) in enumerate(hostile.items(), start=1):
        before = without_log(province)
        path = _hand_made_forward(office, province, [record], tmp_path / f"hostile-{number}.antq", number)
        (result,) = merge(province, path)
        assert result.status == "refused" and result.code == "NOT_AUTHORISED", (what, result.status, result.message)
        assert OFFICE in result.message, what
        assert without_log(province) == before, what
    # The same office revoking a commune key of its catchment it may speak for is applied.
    good = _hand_made_forward(office, province, [_revocation(commune_a.key_file())], tmp_path / "good.antq", 9)
    (result,) = merge(province, good)
    assert result.status == "merged", result.message
    with province.session_factory() as session:
        assert session.execute(select(KnownKey.revoked_at).where(KnownKey.unit_code == "00004")).scalar_one()


def test_trust_list_shows_who_reported_the_revocation(office, commune_a, commune_b, province, tmp_path: Path,
                                                      monkeypatch, capsys) -> None:
    cluster_revoked_and_forwarded(office, commune_a, commune_b, province, tmp_path)
    day = f"{datetime.now():%d/%m/%Y}"
    (row,) = [k for k in trust_list(province) if k.unit_code == "00004"]
    assert row.reported_by == OFFICE and row.reported_state == f"thu hồi — do {OFFICE} báo lên, ngày {day}"
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["--db", str(province.sqlite_path), "trust", "list"]) == 0
    assert f"thu hồi — do {OFFICE} báo lên, ngày {day}" in capsys.readouterr().out


def test_trust_page_shows_who_reported_the_revocation(qtbot, office, commune_a, commune_b, province,
                                                      tmp_path: Path) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.trust_page import TrustPage

    cluster_revoked_and_forwarded(office, commune_a, commune_b, province, tmp_path)
    page = TrustPage(make_context(province, accounts.sign_in(province, username="admin", password=PASSWORD)))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.table.rowCount() >= 3, timeout=10000)
    states = {page.table.item(r, 0).text(): page.table.item(r, 7).text() for r in range(page.table.rowCount())}
    assert states["00004"] == f"Thu hồi — do {OFFICE} báo lên, ngày {datetime.now():%d/%m/%Y}"
    assert states["00277"] == "Còn hiệu lực"
