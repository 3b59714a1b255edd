"""Forward packages: communes A and B → district (merge) → forward → province (verify every signature, merge)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update
from tests.conftest import ACTOR, PASSWORD
from tests.services.conftest import Commune, dump, enrol_recipient, key_file, office_plan
from tests.services.merge.conftest import archived, blob_bytes

from antq_desktop.cli.main import main
from antq_desktop.exchange import package_reader
from antq_desktop.services import demo
from antq_desktop.services.export import build as export
from antq_desktop.services.forward import build as forwarding
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import import_log
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.office import stats
from antq_desktop.services.setup import profile
from antq_desktop.storage import blobs
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import ArchivedPackage, ImportAttempt, KnownKey, Plan


@pytest.fixture
def province(engine_url: str) -> Store:
    s = open_store(engine_url)
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


def commune_export(commune: Commune, office: Store, households: int, seed: int) -> Path:
    enrol_recipient(commune.store, office)
    demo.generate(commune.store, households=households, seed=seed)
    path = commune.folder / "full.antq"
    export.export_package(commune.store, path, password=PASSWORD, actor=ACTOR, kind="full")
    with office.session() as session:
        keys.trust_add(session, commune.key_file(), actor=ACTOR)
    return path


def district_with_two_communes(office: Store, a: Commune, b: Commune, province: Store) -> None:
    paths = [commune_export(a, office, 12, 1), commune_export(b, office, 9, 2)]
    results = merge_packages(office, paths, actor=ACTOR, password=PASSWORD)
    assert [r.status for r in results] == ["merged", "merged"], [r.message for r in results]
    for path in paths:
        path.unlink()  # the USB stick is gone: forwarding must use the kept copies
    office_plan(office)
    enrol_recipient(office, province)
    with province.session() as session:  # the province decides the role and the catchment, not the key file
        keys.trust_add(session, key_file(office), actor=ACTOR, role="district", communes=[a.code, b.code])


def digests(store: Store, *codes: str) -> dict[str, str]:
    with store.session_factory() as session:
        return {code: stats.unit_stats(session, code).digest for code in codes}


def test_forward_province_verifies_and_merges(office_sqlite, commune_a, commune_b, province, tmp_path: Path) -> None:
    district_with_two_communes(office_sqlite, commune_a, commune_b, province)
    out = tmp_path / "forward.antq"
    result = forwarding.write_forward(office_sqlite, out, password=PASSWORD, actor=ACTOR)
    assert len(result.inner) == 2 and not result.notes
    header = package_reader.inspect(out)
    assert header.kind == "forward" and header.encrypted

    results = merge_packages(province, [out], actor=ACTOR, password=PASSWORD)

    assert [r.status for r in results] == ["merged"] * 4, [(r.status, r.message) for r in results]
    assert [r.producer_unit for r in results] == ["CUM-01", "00004", "00277", "CUM-01"]
    assert digests(province, "00004", "00277") == {**digests(commune_a.store, "00004"),
                                                   **digests(commune_b.store, "00277")}
    with province.session_factory() as session:
        vouched = session.execute(select(KnownKey).where(KnownKey.source == "vouched")).scalars().all()
        assert sorted(k.unit_code for k in vouched) == ["00004", "00277"]
        assert {k.enrolled_by for k in vouched} == {"CUM-01"}
        assert session.execute(select(Plan).where(Plan.origin_unit == "CUM-01")).scalar_one().year == 2026
    before = dump(province)
    (again,) = merge_packages(province, [out], actor=ACTOR, password=PASSWORD)
    # issue 14: the same forward again is "already merged" (exit 0), as a repeated commune package
    assert again.status == "duplicate" and again.code is None and again.package_uuid == header.package_id
    after = dump(province)
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}


def test_forward_with_an_altered_inner_package_refused_whole(office_sqlite, commune_a, commune_b, province,
                                                            tmp_path: Path) -> None:
    district_with_two_communes(office_sqlite, commune_a, commune_b, province)
    # A faulty (or dishonest) district alters commune B's kept copy and describes it consistently.
    with office_sqlite.session_factory() as session:
        attempt = session.execute(select(ImportAttempt).where(ImportAttempt.producer_unit == "00277")).scalar_one()
    # The copy is in the database: the district rewrites its blob and every hash that describes it.
    kept = archived(office_sqlite)[attempt.package_uuid or ""]
    data = bytearray(blob_bytes(office_sqlite, kept.blob_id))
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.antq"
    altered.write_bytes(bytes(data))
    with office_sqlite.session() as session:
        copy = blobs.put_file(session, altered)
        session.execute(update(ArchivedPackage).where(ArchivedPackage.package_uuid == kept.package_uuid)
                        .values(blob_id=copy.id, file_sha256=copy.sha256))
        blobs.delete_blobs(session, [kept.blob_id])
        session.execute(update(ImportAttempt).where(ImportAttempt.id == attempt.id)
                        .values(file_sha256=import_log.file_sha256(altered)))
    out = tmp_path / "forward.antq"
    forwarding.write_forward(office_sqlite, out, password=PASSWORD, actor=ACTOR)
    before = dump(province)

    (result,) = merge_packages(province, [out], actor=ACTOR, password=PASSWORD)

    assert result.status == "refused" and result.code == "BAD_SIGNATURE"
    assert "00277" in result.message and "toàn bộ" in result.message
    after = dump(province)
    assert len(after["import_log"]) == len(before["import_log"]) + 1
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}


def test_forward_since_last_and_cli(office_sqlite, commune_a, commune_b, tmp_path: Path, monkeypatch,
                                    capsys) -> None:
    province = open_store(str(tmp_path / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    district_with_two_communes(office_sqlite, commune_a, commune_b, province)
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    first, second = tmp_path / "f1.antq", tmp_path / "f2.antq"
    assert main(["--db", str(office_sqlite.sqlite_path), "forward", "--out", str(first)]) == 0
    assert main(["--db", str(office_sqlite.sqlite_path), "forward", "--since-last", "--out", str(second)]) == 0
    assert "0 gói của xã" in capsys.readouterr().out  # nothing merged since the first forward
    assert main(["--db", str(province.sqlite_path), "merge", str(first), str(second)]) == 0
    assert digests(province, "00004") == digests(commune_a.store, "00004")
    province.close()


def test_plan_package_given_to_merge_is_redirected(office_sqlite, province, tmp_path: Path) -> None:
    from antq_desktop.services.plans import publish as plan_package

    office_plan(office_sqlite)
    plan_path = tmp_path / "plan.antq"
    plan_package.publish(office_sqlite, plan_path, year=2026, password=PASSWORD, actor=ACTOR)
    (result,) = merge_packages(province, [plan_path], actor=ACTOR, password=PASSWORD)
    assert result.status == "refused" and "antq plan import" in result.message


def test_forward_signed_by_a_commune_key_refused(commune_a, province, tmp_path: Path) -> None:
    """Only an office may vouch: a trusted commune key signing a forward is refused."""
    from antq_desktop.exchange.keys import read_public_key_file
    from antq_desktop.exchange.keystore import KeyStore
    from antq_desktop.exchange.package_format import Producer
    from antq_desktop.exchange.package_writer import PackageMeta, write_package

    with province.session() as session:
        keys.trust_add(session, commune_a.key_file(), actor=ACTOR)
    with commune_a.store.session_factory() as session:
        blob = keys.active_blob(session)
    meta = PackageMeta(Producer("00004", "Phường Ba Đình", "commune"), 1, "forward", "2026", "t", "1")
    path = tmp_path / "fake-forward.antq"
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, [], meta, signer, read_public_key_file(key_file(province)))
    (result,) = merge_packages(province, [path], actor=ACTOR, password=PASSWORD)
    assert result.status == "refused" and result.code == "NOT_AUTHORISED" and "00004" in result.message


def test_forward_with_garbage_inside_refused_cleanly(office_sqlite, province, tmp_path: Path) -> None:
    """Validly signed by a trusted office, but a chunk is not base64: a refusal, never a crash."""
    from antq_desktop.exchange.keys import read_public_key_file
    from antq_desktop.exchange.keystore import KeyStore
    from antq_desktop.exchange.package_format import Producer
    from antq_desktop.exchange.package_writer import PackageMeta, write_package

    with province.session() as session:
        keys.trust_add(session, key_file(office_sqlite), actor=ACTOR, role="district")
    with office_sqlite.session_factory() as session:
        blob = keys.active_blob(session)
    uuid = "0b0c1d2e-3f40-4152-8637-48596a7b8c9d"
    records = [{"type": "forward_package", "id": uuid, "origin_unit": "CUM-01", "producer_unit": "00004",
                "sequence": 1, "kind": "full", "package_sha256": "0" * 64, "file_size": 3, "chunks": 1,
                "own": False, "payload_key": None},
               {"type": "forward_chunk", "id": uuid, "origin_unit": "CUM-01", "index": 0, "data": "!!!"}]
    meta = PackageMeta(Producer("CUM-01", "Cụm công an khu vực 1", "district"), 1, "forward", "2026", "t", "1")
    path = tmp_path / "garbage-forward.antq"
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, records, meta, signer, read_public_key_file(key_file(province)))
    before = dump(province)
    (result,) = merge_packages(province, [path], actor=ACTOR, password=PASSWORD)
    assert result.status == "refused" and result.code == "MALFORMED"
    after = dump(province)
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}
