"""Issue 12, the key side: a valid signature no longer lets a key speak for more than this office gave it.

Each test is an attack that worked before (a commune making itself an office, a cluster vouching
for the province, a stolen key's announced successor surviving revocation, a role claim blocking
a forward as "damaged file", the office enrolling its own code) and is now refused with the
store unchanged (tests/security/store_state.py: per-unit digests and every table compared; only
the import log row and the refusal's audit entry may be added). Real stores, real keys, real signed packages.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from tests.conftest import ACTOR, PASSWORD
from tests.office_year import test_revocations_travel as revocations_travel
from tests.security.store_state import assert_unchanged, capture
from tests.services.merge.conftest import Commune, make_upper, merge, new_commune, trust

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services.authority import all_rules
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import KnownKey, OfficeCatchment, UnitProfile, utcnow

ATTACKER = "00070"


@pytest.fixture
def office(tmp_path: Path) -> Store:
    s = make_upper(str(tmp_path / "office.sqlite3"))
    yield s
    s.close()


@pytest.fixture
def province(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "province.sqlite3")
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


@pytest.fixture
def attacker(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, ATTACKER, "Xã Tân Lập")
    yield c
    c.store.close()


def set_role(store: Store, role: str) -> None:
    """The attacker controls its own laptop: it can make its profile (and so its key files) claim any role."""
    with store.session() as session:
        session.execute(update(UnitProfile).values(role=role))


def key_file_of(store: Store) -> bytes:
    with store.session_factory() as session:
        return keys.public_key_file(session, PASSWORD)


def enrol(upper: Store, data: bytes, **kw: Any) -> KnownKey:
    with upper.session() as session:
        return keys.trust_add(session, data, actor=ACTOR, **kw)


def known(store: Store) -> list[tuple[str, str, str]]:
    with store.session_factory() as session:
        return [(r.unit_code, r.role, r.source) for r in keys.list_known(session)]


def rotate_with_announcement(commune: Commune) -> tuple[dict[str, Any], dict[str, Any]]:
    """(announcement record, old blob): the commune's key rotation, announced under the old key."""
    with commune.store.session() as session:
        old_blob = keys.active_blob(session)
        key_rotation.rotate(session, PASSWORD, actor=ACTOR)
        record = key_rotation.pending_announcement(session)
    assert record is not None
    return record, old_blob


def forward(tmp_path: Path, signer_store: Store, producer: Producer, recipient: Store, rows: list[dict[str, Any]],
            name: str = "forward.antq") -> Path:
    """A forward package signed by ``signer_store``'s active key, with whatever records a hostile office writes."""
    with signer_store.session_factory() as session:
        blob = keys.active_blob(session)
    meta = PackageMeta(producer, 1, "forward", "2026", "t", "1")
    path = tmp_path / name
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, rows, meta, signer, read_public_key_file(key_file_of(recipient)))
    return path


def vouched_record(office_code: str, subject: Store, unit_code: str, role: str = "commune") -> dict[str, Any]:
    record = read_public_key_file(key_file_of(subject))
    return {"type": "vouched_key", "id": record.signing_key_id, "origin_unit": office_code, "unit_code": unit_code,
            "unit_name": "Giả", "role": role, "signing_public": keys.b64encode(record.signing_public),
            "receiving_public": keys.b64encode(record.receiving_public),
            "fingerprint": keys.fingerprint(record.signing_public, record.receiving_public)}


CLUSTER = Producer("CUM-01", "Cụm công an khu vực 1", "district")


# ---- 1. a commune cannot make itself an office ----

def test_trust_add_takes_the_role_from_the_clerk_not_the_file(office: Store, attacker: Commune) -> None:
    set_role(attacker.store, "district")  # the commune's FIRST key file claims to be an office
    before = capture(office)
    with pytest.raises(keys.KeyProblem) as caught, office.session() as session:
        keys.trust_add(session, attacker.key_file(), actor=ACTOR)
    assert caught.value.code == authority.ROLE_MISMATCH and ATTACKER in caught.value.message
    assert "chọn cấp" in caught.value.message
    assert_unchanged(office, before, max_log_rows=0, max_audit_rows=0)
    row = enrol(office, attacker.key_file(), role="commune")  # the clerk decides: it is a commune
    assert (row.role, row.source) == ("commune", "enrolled")


def test_commune_announcing_an_office_key_is_refused(office: Store, attacker: Commune) -> None:
    trust(office, attacker)
    (first,) = merge(office, attacker.export(office))
    assert first.status == "merged", first.message
    set_role(attacker.store, "district")  # the new key file inside the announcement says "district"
    announcement, old_blob = rotate_with_announcement(attacker)
    path = attacker.export(office, "incremental", records=[announcement], signer_blob=old_blob)
    before = capture(office)

    (result,) = merge(office, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED", result.message
    assert ATTACKER in result.message and "cấp" in result.message
    assert_unchanged(office, before)
    assert known(office) == [(ATTACKER, "commune", "enrolled")]


def test_honest_announcement_inherits_unit_and_role(office: Store, attacker: Commune) -> None:
    trust(office, attacker)
    assert merge(office, attacker.export(office))[0].status == "merged"
    announcement, old_blob = rotate_with_announcement(attacker)
    (result,) = merge(office, attacker.export(office, "incremental", records=[announcement], signer_blob=old_blob))
    assert result.status == "merged", result.message
    assert known(office) == [(ATTACKER, "commune", "enrolled"), (ATTACKER, "commune", "announced")]


def test_forward_signed_by_a_commune_key_is_refused(office: Store, attacker: Commune, tmp_path: Path) -> None:
    """Even a store that kept an old "district" row for a commune's announced key takes no forward from it."""
    trust(office, attacker)
    set_role(attacker.store, "district")
    _, _ = rotate_with_announcement(attacker)
    new = read_public_key_file(attacker.key_file())
    with office.session() as session:  # what the office stored before this fix
        old = session.execute(select(KnownKey)).scalar_one()
        session.add(KnownKey(key_id=new.signing_key_id, unit_code=ATTACKER, unit_name="Xã Tân Lập", role="district",
                             signing_public=keys.b64encode(new.signing_public),
                             receiving_public=keys.b64encode(new.receiving_public), fingerprint=new.fingerprint,
                             source="announced", replaces_key_id=old.key_id, enrolled_by=ACTOR, is_trusted=True))
    victim = new_commune(tmp_path, "00073", "Xã Bị Giả")
    rows = [vouched_record(ATTACKER, victim.store, "00073"), vouched_record(ATTACKER, office, "CUM-01")]
    path = forward(tmp_path, attacker.store, Producer(ATTACKER, "Xã Tân Lập", "district"), office, rows)
    before = capture(office)

    (result,) = merge(office, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED", result.message
    assert ATTACKER in result.message
    assert_unchanged(office, before)
    victim.store.close()


# ---- 2. a cluster cannot vouch for the province, another office, or beside the province's own keys ----

@pytest.fixture
def cluster_at_province(office: Store, province: Store) -> Store:
    enrol(province, key_file_of(office), role="district", communes=["00004", "00277"])
    return province


def test_cluster_vouching_for_the_province_is_refused(office: Store, cluster_at_province: Store,
                                                      tmp_path: Path) -> None:
    fake = new_commune(tmp_path, "00073", "Xã Bị Giả")  # its key, vouched as "01": the province's own unit code
    path = forward(tmp_path, office, CLUSTER, cluster_at_province, [vouched_record("CUM-01", fake.store, "01")])
    before = capture(cluster_at_province)

    (result,) = merge(cluster_at_province, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED", result.message
    assert "CUM-01" in result.message and "01" in result.message
    assert_unchanged(cluster_at_province, before)
    fake.store.close()


def test_cluster_vouching_beside_a_key_the_province_enrolled_is_refused(
        office: Store, cluster_at_province: Store, tmp_path: Path) -> None:
    (tmp_path / "f").mkdir()
    real, fake = new_commune(tmp_path, "00004", "Phường Ba Đình"), new_commune(tmp_path / "f", "00004", "Giả")
    enrol(cluster_at_province, real.key_file())  # the province enrolled 00004 itself
    path = forward(tmp_path, office, CLUSTER, cluster_at_province, [vouched_record("CUM-01", fake.store, "00004")])
    before = capture(cluster_at_province)

    (result,) = merge(cluster_at_province, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED" and "00004" in result.message
    assert_unchanged(cluster_at_province, before)
    real.store.close()
    fake.store.close()


def test_cluster_vouching_outside_its_catchment_or_for_an_office_is_refused(
        office: Store, cluster_at_province: Store, tmp_path: Path) -> None:
    other_office = make_upper(str(tmp_path / "cum2.sqlite3"))
    with other_office.session() as session:
        session.execute(update(UnitProfile).values(unit_code="CUM-02"))
    enrol(cluster_at_province, key_file_of(other_office), role="district", communes=["00073"])
    outsider = new_commune(tmp_path, "00073", "Xã ngoài địa bàn")  # CUM-02's commune, not CUM-01's
    for unit, subject in (("00073", outsider.store), ("CUM-02", outsider.store)):  # a fresh key called CUM-02
        path = forward(tmp_path, office, CLUSTER, cluster_at_province, [vouched_record("CUM-01", subject, unit)],
                       name=f"f-{unit}.antq")
        before = capture(cluster_at_province)
        (result,) = merge(cluster_at_province, path)
        assert result.status == "refused" and result.code == "NOT_AUTHORISED" and unit in result.message
        assert_unchanged(cluster_at_province, before)
    other_office.close()
    outsider.store.close()


def test_catchment_is_the_receiving_offices_record(office: Store, province: Store) -> None:
    enrol(province, key_file_of(office), role="district", communes=["00004"])
    with province.session() as session:
        assert keys.set_catchment(session, "CUM-01", ["00277", "00004", " "], actor=ACTOR) == ["00004", "00277"]
        with pytest.raises(keys.KeyProblem):
            keys.set_catchment(session, "CUM-01", ["01"], actor=ACTOR)  # never the province's own code
        with pytest.raises(keys.KeyProblem):
            keys.set_catchment(session, "00004", ["00277"], actor=ACTOR)  # not an office enrolled here


# ---- 3. revocation follows announcements ----

def test_revocation_follows_announcements(office: Store, attacker: Commune) -> None:
    trust(office, attacker)
    assert merge(office, attacker.export(office))[0].status == "merged"
    stolen_fp = read_public_key_file(attacker.key_file()).fingerprint
    announcement, old_blob = rotate_with_announcement(attacker)  # the thief announces a key of their own
    assert merge(office, attacker.export(office, "incremental", records=[announcement],
                                         signer_blob=old_blob))[0].status == "merged"
    thief = read_public_key_file(attacker.key_file())

    with office.session() as session:
        done = keys.trust_revoke(session, stolen_fp, actor=ACTOR, reason="máy bị mất")
        assert [k.key_id for k in done.also] == [thief.signing_key_id]
    with office.session_factory() as session:
        lookup = keys.trusted_lookup(session)
    assert lookup(thief.signing_key_id).revoked  # type: ignore[union-attr]
    records.create(attacker.store, "residential_area", {"name": "Tổ 9"}, actor=ACTOR)
    before = capture(office)
    (result,) = merge(office, attacker.export(office, "incremental"))
    assert result.status == "refused" and result.code == "REVOKED_KEY"
    assert_unchanged(office, before)


def test_revocation_since_spares_keys_announced_before_the_compromise(office: Store, attacker: Commune) -> None:
    trust(office, attacker)
    assert merge(office, attacker.export(office))[0].status == "merged"
    old_fp = read_public_key_file(attacker.key_file()).fingerprint
    announcement, old_blob = rotate_with_announcement(attacker)
    assert merge(office, attacker.export(office, "incremental", records=[announcement],
                                         signer_blob=old_blob))[0].status == "merged"
    with office.session() as session:
        done = keys.trust_revoke(session, old_fp, actor=ACTOR, since=utcnow() + timedelta(days=1))
    assert done.also == []
    assert [r[2] for r in known(office)] == ["enrolled", "announced"]


# ---- 4. a role problem is a role problem ----

def test_vouched_key_with_an_office_role_is_a_role_problem(office: Store, cluster_at_province: Store,
                                                           tmp_path: Path) -> None:
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    path = forward(tmp_path, office, CLUSTER, cluster_at_province,
                   [vouched_record("CUM-01", commune.store, "00004", role="province")])
    before = capture(cluster_at_province)

    (result,) = merge(cluster_at_province, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
    assert "00004" in result.message and "hỏng" not in result.message
    assert_unchanged(cluster_at_province, before)
    commune.store.close()


def test_commune_key_claiming_province_is_enrolled_as_the_clerk_decides(office: Store, attacker: Commune) -> None:
    set_role(attacker.store, "province")
    with pytest.raises(keys.KeyProblem) as caught, office.session() as session:
        keys.trust_add(session, attacker.key_file(), actor=ACTOR)
    assert caught.value.code == authority.ROLE_MISMATCH
    assert enrol(office, attacker.key_file(), role="commune").role == "commune"


# ---- 5. no key for the office's own unit ----

def test_trust_add_refuses_the_offices_own_unit(office: Store, tmp_path: Path) -> None:
    twin = make_upper(str(tmp_path / "twin.sqlite3"))  # another installation claiming CUM-01
    before = capture(office)
    for role in (None, "district", "commune"):
        with pytest.raises(keys.KeyProblem) as caught, office.session() as session:
            keys.trust_add(session, key_file_of(twin), actor=ACTOR, role=role)
        assert caught.value.code == authority.OWN_UNIT_KEY and "CUM-01" in caught.value.message
    assert_unchanged(office, before, max_log_rows=0, max_audit_rows=0)
    twin.close()


# ---- revocations reported up in a forward (issue 14, point 3; the scenarios live with the office year) ----

def _two_communes(tmp_path: Path) -> tuple[Commune, Commune]:
    return new_commune(tmp_path, "00004", "Phường Ba Đình"), new_commune(tmp_path, "00277", "Phường Bạch Mai")


def test_hostile_office_revocations_are_refused_and_change_nothing(office: Store, province: Store,
                                                                   tmp_path: Path) -> None:
    a, b = _two_communes(tmp_path)
    try:
        revocations_travel.hostile_office_revocations_are_refused(office, a, b, province, tmp_path)
    finally:
        a.store.close()
        b.store.close()


@pytest.mark.slow
def test_lost_laptop_packages_are_refused_direct_and_forwarded(office: Store, province: Store,
                                                               tmp_path: Path) -> None:
    a, b = _two_communes(tmp_path)
    try:
        revocations_travel.lost_laptop_packages_are_refused(office, a, b, province, tmp_path)
    finally:
        a.store.close()
        b.store.close()


def test_key_rules_are_published_and_each_names_a_test_here() -> None:
    rules = [r for r in all_rules() if r.side == "keys"]
    assert len(rules) >= 7
    names = set(globals())
    for rule in rules:
        path, name = rule.proved_by.split("::")
        assert path == "tests/security/test_authority_keys.py" and name in names, rule.id


# ---- the officer's commands ----

@pytest.mark.slow
def test_cli_trust_add_role_catchment_list_and_revoke(tmp_path: Path) -> None:
    from tests.exchange_store.conftest import make_office
    from tests.exchange_store.test_cli_exchange import antq, ok, refused

    province_db, office_db = tmp_path / "p.sqlite3", tmp_path / "o.sqlite3"
    s = open_store(province_db)
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    s.close()
    make_office(office_db).close()
    key = str(tmp_path / "o.antqkey")
    ok(antq(tmp_path, office_db, "key", "export", "--out", key))
    refused(antq(tmp_path, province_db, "trust", "add", key), authority.ROLE_MISMATCH, exit_code=1)
    out = ok(antq(tmp_path, province_db, "trust", "add", key, "--role", "district", "--communes", "00073,00070"))
    assert "cấp cụm/huyện" in out and "nguồn: đăng ký tại đây" in out
    office_fp = ok(antq(tmp_path, office_db, "key", "show")).splitlines()[0].split()[-1]
    listed = ok(antq(tmp_path, province_db, "trust", "list"))
    assert office_fp in listed and "cụm/huyện" in listed and "kiểu cũ" not in listed  # paper = listed (v2)
    assert "00070, 00073" in ok(antq(tmp_path, province_db, "trust", "communes", "CUM-01"))
    assert "00070" in ok(antq(tmp_path, province_db, "trust", "communes", "CUM-01", "00070"))
    revoked = ok(antq(tmp_path, province_db, "trust", "revoke", office_fp, "--since", "01/12/2026"))
    assert "Đã thu hồi khóa CUM-01" in revoked


def test_a_replacement_enrolled_by_hand_keeps_the_role_given_to_the_old_key(office: Store, province: Store) -> None:
    old = enrol(province, key_file_of(office), role="district", communes=["00070"])
    with office.session() as session:
        key_rotation.rotate(session, PASSWORD, actor=ACTOR, new_enrolment=True)
    row = enrol(province, key_file_of(office), replaces=old.fingerprint)
    assert (row.role, row.replaces_key_id) == ("district", old.key_id)
    with province.session_factory() as session:
        assert keys.catchment(session, "CUM-01") == ["00070"]


# ---- property: a vouched key is accepted only when every rule allows it ----

def test_vouching_rules_hold_for_any_unit_and_role(office: Store, province: Store, tmp_path: Path) -> None:
    """Hypothesis over unit codes and roles of a vouched key: refused unless role commune, in CUM-01's catchment,
    not the province's own code, not an office, and not a unit the province enrolled itself."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    enrol(province, key_file_of(office), role="district", communes=["00070", "00073", "00004"])
    real = new_commune(tmp_path, "00004", "Phường Ba Đình")
    enrol(province, real.key_file())  # the province enrolled 00004 itself
    allowed = {"00070", "00073"}
    units = st.sampled_from(["00070", "00073", "00004", "00277", "01", "CUM-01", "CUM-02"])
    roles = st.sampled_from(["commune", "district", "province", "admin"])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(unit=units, role=roles)
    def check(unit: str, role: str) -> None:
        record = {"unit_code": unit, "role": role}
        with province.session_factory() as session:
            try:
                authority.authorise_vouch(session, "CUM-01", record)
                accepted = True
            except PackageError as exc:
                assert exc.code == "NOT_AUTHORISED" and unit in exc.message_vi
                accepted = False
        assert accepted == (role == "commune" and unit in allowed)

    check()
    real.store.close()


# ---- 6. a vouched key speaks only while its office may vouch; unit codes in one form ----

def forward_items(paths: list[Path]) -> list[dict[str, Any]]:
    """forward_package + forward_chunk rows carrying ``paths`` as they are (encrypted to the receiving office)."""
    rows: list[dict[str, Any]] = []
    for file in paths:
        data, header = file.read_bytes(), package_reader.inspect(file)
        rows.append({"type": "forward_package", "id": header.package_id, "origin_unit": "CUM-01",
                     "producer_unit": header.producer.unit_code, "sequence": header.sequence, "kind": header.kind,
                     "package_sha256": hashlib.sha256(data).hexdigest(), "file_size": len(data), "chunks": 1,
                     "own": False, "payload_key": None})
        rows.append({"type": "forward_chunk", "id": header.package_id, "origin_unit": "CUM-01", "index": 0,
                     "data": base64.b64encode(data).decode()})
    return rows


@pytest.mark.parametrize("change", ["province enrols the unit", "catchment shrinks", "office key revoked"])
def test_a_vouched_key_stops_when_its_office_may_no_longer_vouch(office: Store, cluster_at_province: Store,
                                                                 tmp_path: Path, change: str) -> None:
    """The cluster vouched a (fake) key for 00004 while it could; then the province enrols 00004's real key itself,
    takes 00004 out of the cluster's catchment, or revokes the cluster's key. The vouched key's next package
    (sent directly) used to merge beside the real key; now it is refused naming the unit and the office."""
    province = cluster_at_province
    (tmp_path / "f").mkdir()
    fake = new_commune(tmp_path / "f", "00004", "Giả")
    records.create(fake.store, "residential_area", {"name": "Tổ giả 1"}, actor=ACTOR)
    rows = [vouched_record("CUM-01", fake.store, "00004"), *forward_items([fake.export(province)])]
    results = merge(province, forward(tmp_path, office, CLUSTER, province, rows))
    assert [r.status for r in results] == ["merged", "merged"], [r.message for r in results]
    if change == "province enrols the unit":
        real = new_commune(tmp_path, "00004", "Phường Ba Đình")
        enrol(province, real.key_file())
        real.store.close()
    elif change == "catchment shrinks":
        with province.session() as session:
            keys.set_catchment(session, "CUM-01", ["00277"], actor=ACTOR)
    else:
        cluster_fp = read_public_key_file(key_file_of(office)).fingerprint
        with province.session() as session:
            keys.trust_revoke(session, cluster_fp, actor=ACTOR, reason="máy bị mất")
    records.create(fake.store, "residential_area", {"name": "Tổ giả 2"}, actor=ACTOR)
    path = fake.export(province, "incremental")
    before = capture(province)

    (result,) = merge(province, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
    assert "00004" in result.message and "CUM-01" in result.message and "hỏng" not in result.message
    assert_unchanged(province, before)
    fake.store.close()


def test_a_commune_the_province_revoked_is_not_re_vouched(office: Store, cluster_at_province: Store,
                                                          tmp_path: Path) -> None:
    """K5, decided: the province's own enrolment wins even once revoked; its cluster cannot vouch the unit again."""
    real = new_commune(tmp_path, "00004", "Phường Ba Đình")
    row = enrol(cluster_at_province, real.key_file())
    with cluster_at_province.session() as session:
        keys.trust_revoke(session, row.fingerprint, actor=ACTOR, reason="máy bị mất")
    (tmp_path / "f").mkdir()
    fake = new_commune(tmp_path / "f", "00004", "Giả")
    records.create(fake.store, "residential_area", {"name": "Tổ giả"}, actor=ACTOR)
    rows = [vouched_record("CUM-01", fake.store, "00004"), *forward_items([fake.export(cluster_at_province)])]
    path = forward(tmp_path, office, CLUSTER, cluster_at_province, rows)
    before = capture(cluster_at_province)

    (result,) = merge(cluster_at_province, path)

    assert result.status == "refused" and result.code == "NOT_AUTHORISED" and "00004" in result.message
    assert_unchanged(cluster_at_province, before)
    real.store.close()
    fake.store.close()


def lookalike_key_file(store: Store, code: str, role: str) -> bytes:
    """``store``'s key pair in a key file naming ``code``: what a hostile installation can write."""
    with store.session_factory() as session:
        blob = keys.active_blob(session)
    return keys.KEYSTORE.export_public_key_file(blob, PASSWORD, code, "Đơn vị giả", role)


def test_unit_codes_are_compared_in_one_form(office: Store, attacker: Commune, province: Store,
                                             tmp_path: Path) -> None:
    """"cum-01" is CUM-01; "0OO70" next to 00070 is refused; look-alikes never enter a catchment or a vouch."""
    twin = make_upper(str(tmp_path / "twin.sqlite3"))
    before = capture(office)
    for code in ("cum-01", "CUM-O1", "CUM-0l"):
        with pytest.raises(keys.KeyProblem) as caught, office.session() as session:
            keys.trust_add(session, lookalike_key_file(twin, code, "district"), actor=ACTOR, role="district")
        assert caught.value.code == authority.OWN_UNIT_KEY, code
        with pytest.raises(keys.KeyProblem) as caught, office.session() as session:  # nor as its upper office
            keys.set_recipient(session, lookalike_key_file(twin, code, "province"), actor=ACTOR)
        assert caught.value.code == "OWN_KEY", code
    enrol(office, attacker.key_file())
    before = capture(office)
    with pytest.raises(keys.KeyProblem) as caught, office.session() as session:
        keys.trust_add(session, lookalike_key_file(twin, "0OO70", "commune"), actor=ACTOR)
    assert caught.value.code == authority.LOOKALIKE_UNIT and "00070" in caught.value.message
    assert_unchanged(office, before, max_log_rows=0, max_audit_rows=0)

    enrol(province, key_file_of(office), role="district", communes=["00004"])
    enrol(province, attacker.key_file())  # the province knows 00070
    with pytest.raises(keys.KeyProblem) as caught, province.session() as session:
        keys.set_catchment(session, "CUM-01", ["00004", "0OO70"], actor=ACTOR)
    assert caught.value.code == authority.LOOKALIKE_UNIT
    with pytest.raises(keys.KeyProblem) as caught, province.session() as session:
        keys.set_catchment(session, "CUM-01", ["00073", "0OO73"], actor=ACTOR)
    assert caught.value.code == authority.LOOKALIKE_UNIT
    with province.session_factory() as session:  # a look-alike planted in the catchment by an older store
        session.add(OfficeCatchment(office_unit="CUM-01", commune_code="0OO70", added_by=ACTOR))
        with pytest.raises(PackageError) as refused:
            authority.authorise_vouch(session, "CUM-01", {"unit_code": "0OO70", "role": "commune"})
        assert refused.value.code == "NOT_AUTHORISED" and "00070" in refused.value.message_vi
        with pytest.raises(PackageError) as refused:
            authority.authorise_vouch(session, "CUM-01", {"unit_code": "O1", "role": "commune"})
        assert refused.value.code == "NOT_AUTHORISED"  # the province's own code "01", spelled with a letter O
        session.rollback()
    twin.close()


def test_trust_page_revokes_with_a_typed_since_date(qtbot, office: Store, attacker: Commune,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The trust page has `antq trust revoke --since`: a date typed d/M/yyyy keeps the keys the unit announced
    before it (an honest rotation); a typed non-date keeps the dialog open and revokes nothing."""
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.trust_page import RevokeDialog, TrustPage

    trust(office, attacker)
    assert merge(office, attacker.export(office))[0].status == "merged"
    announcement, old_blob = rotate_with_announcement(attacker)
    assert merge(office, attacker.export(office, "incremental", records=[announcement],
                                         signer_blob=old_blob))[0].status == "merged"
    page = TrustPage(make_context(office, accounts.sign_in(office, username="admin", password=PASSWORD)))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.table.rowCount() == 2, timeout=10000)
    tomorrow = (utcnow() + timedelta(days=1)).date()
    typed = iter(["31/02/2026", f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year}"])

    def fill(dialog: RevokeDialog) -> int:
        dialog.reason.setText("Mất máy tính")
        dialog.since.latest = tomorrow  # the widget refuses a future day; the compromise is "from tomorrow"
        dialog.since.edit.setText(next(typed))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RevokeDialog, "exec", fill)
    page.table.selectRow([r.source for r in page.rows].index("enrolled"))
    page.revoke_selected()  # 31/02/2026: not a date, the dialog stays open (cancelled here): nothing revoked
    assert [r.revoked_at for r in page.rows] == [None, None]
    page.revoke_selected()
    qtbot.waitUntil(lambda: any(r.revoked_at for r in page.rows), timeout=10000)
    states = {r.source: r.revoked_at is not None for r in page.rows}
    assert states == {"enrolled": True, "announced": False}, states  # the rotation before the date is kept


def test_enrolling_a_key_known_under_another_unit_is_refused(office: Store, cluster_at_province: Store,
                                                             tmp_path: Path) -> None:
    """A vouched record has no self-signature: the cluster vouched commune 00073's PUBLIC key as 00004 (in its
    catchment). When the province then enrolled 00073's real key file, trust add kept the row under 00004 and
    made it "enrolled here": 00073 was refused as a signer mismatch, and could sign as 00004."""
    province = cluster_at_province
    victim = new_commune(tmp_path, "00073", "Xã Bị Mạo Danh")
    with province.session() as session:  # what the forward stored (authorise_vouch allows 00004: its catchment)
        authority.authorise_vouch(session, "CUM-01", vouched_record("CUM-01", victim.store, "00004"))
        v = vouched_record("CUM-01", victim.store, "00004")
        session.add(KnownKey(key_id=v["id"], unit_code="00004", unit_name="Giả", role="commune",
                             signing_public=v["signing_public"], receiving_public=v["receiving_public"],
                             fingerprint=v["fingerprint"], source="vouched", enrolled_by="CUM-01", is_trusted=True))
    before = capture(province)
    with pytest.raises(keys.KeyProblem) as caught, province.session() as session:
        keys.trust_add(session, victim.key_file(), actor=ACTOR)
    assert caught.value.code == authority.KEY_OF_ANOTHER_UNIT
    assert "00073" in caught.value.message and "00004" in caught.value.message
    assert_unchanged(province, before, max_log_rows=0, max_audit_rows=0)
    victim.store.close()
