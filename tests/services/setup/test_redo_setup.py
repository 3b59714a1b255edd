"""Redoing the setup from Settings: admins only, one transaction, unit and role only on an empty store."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD, make_store
from tests.exchange_store.conftest import FAST_KDF, Pair, connect, key_file, make_office
from tests.exchange_store.merging import merge

from antq_desktop.domain.errors import AuthError, PermissionDenied
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.accounts import audit_log, users
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.models import AuditEntry, LocalKey, User

ADMIN = "admin"


@pytest.fixture(autouse=True)
def _fast_keystore(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "KEYSTORE", KeyStore(FAST_KDF))


@pytest.fixture
def pair(tmp_path):
    """A commune with a few records and its upper office, keys exchanged (as in tests/exchange_store)."""
    commune = make_store(tmp_path / "commune.sqlite3")
    records.create(commune, "residential_area", {"name": "Tổ dân phố 1", "kind": "to_dan_pho"}, actor=ADMIN)
    office = make_office(tmp_path / "office.sqlite3")
    connect(commune, office)
    yield Pair(commune, office, tmp_path)
    commune.close()
    office.close()


def _state(store) -> tuple:
    """Everything a redo may touch: profile, accounts, keys, recipient, audit length."""
    with store.session_factory() as session:
        accounts_ = sorted((u.username, u.full_name, u.role) for u in session.execute(select(User)).scalars())
        local = sorted((k.key_id, k.retired_at) for k in session.execute(select(LocalKey)).scalars())
        recipient = keys.recipient(session)
        audit_count = len(session.execute(select(AuditEntry.id)).all())
        pending = key_rotation.pending_announcement(session)
    return (profile.get_profile(store), accounts_, local, recipient.key_id if recipient else None, audit_count,
            pending)


def _redo_entries(store) -> list[audit_log.AuditRow]:
    """Newest first."""
    return audit_log.query(store, audit_log.AuditFilter(action="setup_redo")).rows


def test_admin_changes_the_officer_name_and_the_audit_log_says_so(store):
    result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, officer_name="  Trần Thị Bình ")
    assert result.officer_name == "Trần Thị Bình" and not result.unit_changed
    assert accounts.sign_in(store, username=ADMIN, password=PASSWORD).full_name == "Trần Thị Bình"
    assert profile.setup_snapshot(store, ADMIN).officer_name == "Trần Thị Bình"
    [entry] = _redo_entries(store)
    assert entry.actor == ADMIN and entry.action_label == "Thiết lập lại đơn vị"
    assert entry.details["changes"] == {"officer_name": ["Nguyễn Văn An", "Trần Thị Bình"]}
    assert "Nguyễn Văn An → Trần Thị Bình" in entry.summary()


def test_nothing_changed_writes_nothing(store):
    before = _state(store)
    result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, role="commune", unit_code="00070",
                                officer_name="Nguyễn Văn An")
    assert result.changes == {}
    assert _state(store) == before


def test_non_admin_and_wrong_password_are_refused_by_the_service(store):
    accounts.create_user(store, username="can_bo", full_name="Lê Văn C", role="officer", password=PASSWORD)
    before = _state(store)
    with pytest.raises(PermissionDenied) as refused:
        profile.redo_setup(store, actor="can_bo", password=PASSWORD, officer_name="Kẻ khác")
    assert "quản trị viên" in refused.value.message
    with pytest.raises(AuthError) as wrong:
        profile.redo_setup(store, actor=ADMIN, password="mat khau sai roi", officer_name="Kẻ khác")
    assert "chưa có gì thay đổi" in wrong.value.message
    # The role is read from the store: an admin demoted since signing in is refused too.
    admin = accounts.sign_in(store, username=ADMIN, password=PASSWORD)
    users.add(store, admin, username="admin2", full_name="Phạm D", role="admin", password=PASSWORD)
    users.change_role(store, admin, ADMIN, "officer")
    with pytest.raises(PermissionDenied):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, officer_name="Kẻ khác")
    assert _state(store)[0] == before[0]
    assert ("admin", "Nguyễn Văn An", "officer") in _state(store)[1]
    assert _redo_entries(store) == []


def test_unit_and_role_change_on_an_empty_store_with_a_new_key(store):
    assert profile.unit_lock_reason(store) is None
    with store.session_factory() as session:
        old_key = keys.active_local_key(session).key_id
    result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, role="commune", unit_code="00073")
    assert result.unit_changed and result.profile.unit_code == "00073"
    assert result.profile.unit_name == "Phường Cửa Nam" and result.profile.parent_name == "Thành phố Hà Nội"
    assert result.new_fingerprint is not None
    with store.session_factory() as session:
        active = keys.active_local_key(session)
        assert active.key_id != old_key
        # the version 2 paper fingerprint (unit, role, keys), as the new key file shows it
        assert keys.paper_fingerprint(session, active) == result.new_fingerprint != active.fingerprint
        # Nothing was ever exported, so there is nothing to announce: the office enrols the new key file.
        assert key_rotation.pending_announcement(session) is None
    assert b"00073" in key_file(store)
    assert read_public_key_file(key_file(store)).fingerprint == result.new_fingerprint  # what the clerk reads
    # ... and to an upper office of its own (the name is required for a "district" office).
    result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, role="district", unit_code="cum-02",
                                unit_name="Cụm công an khu vực 2")
    assert (result.profile.role, result.profile.unit_code, result.profile.province_code) == ("district", "CUM-02",
                                                                                           None)
    changes = [row.details["changes"] for row in _redo_entries(store)]
    assert changes[0]["unit_code"] == ["00073", "CUM-02"] and changes[0]["role"] == ["commune", "district"]
    assert changes[1]["unit_code"] == ["00070", "00073"] and "key" in changes[1]


def test_unit_change_refused_once_the_store_has_records(store):
    records.create(store, "residential_area", {"name": "Tổ dân phố 1", "kind": "to_dan_pho"}, actor=ADMIN)
    reason = profile.unit_lock_reason(store)
    assert reason is not None and "1 bản ghi của đơn vị 00070" in reason and "--db" in reason
    before = _state(store)
    with pytest.raises(profile.UnitLockedError) as refused:
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, unit_code="00073", officer_name="Tên mới")
    assert refused.value.message == reason
    with pytest.raises(profile.UnitLockedError):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, role="province", unit_code="01")
    assert _state(store) == before
    # What stays open: the officer's name, the keys, the upper office's key.
    result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, role="commune", unit_code="00070",
                                officer_name="Tên mới")
    assert result.changes == {"officer_name": ("Nguyễn Văn An", "Tên mới")}


def test_a_deleted_record_still_locks_the_unit(store):
    area = records.create(store, "residential_area", {"name": "Tổ dân phố 1", "kind": "to_dan_pho"}, actor=ADMIN)
    records.delete(store, "residential_area", area, actor=ADMIN)
    with pytest.raises(profile.UnitLockedError):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, unit_code="00073")


def test_unit_change_refused_after_an_export_even_with_no_records(store, tmp_path):
    export.export_package(store, tmp_path / "empty.antq", password=PASSWORD, actor=ADMIN, kind="full",
                          encrypted=False)
    reason = profile.unit_lock_reason(store)
    assert reason is not None and "đã xuất 1 gói" in reason
    with pytest.raises(profile.UnitLockedError):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, unit_code="00073")
    assert profile.get_profile(store).unit_code == "00070"


def test_an_upper_office_keeps_its_code_once_it_merged_data_but_may_rename_itself(pair):
    package = export.export_package(pair.commune, pair.tmp / "p.antq", password=PASSWORD, actor=ADMIN, kind="full")
    merge(pair.office, package.path)
    reason = profile.unit_lock_reason(pair.office)
    assert reason is not None and "nhận từ các đơn vị khác" in reason
    with pytest.raises(profile.UnitLockedError):
        profile.redo_setup(pair.office, actor=ADMIN, password=PASSWORD, unit_code="CUM-09")
    result = profile.redo_setup(pair.office, actor=ADMIN, password=PASSWORD, unit_name="Cụm công an khu vực 1 (mới)")
    assert result.changes == {"unit_name": ("Cụm công an khu vực 1", "Cụm công an khu vực 1 (mới)")}
    assert result.profile.unit_code == "CUM-01"


def test_upper_office_key_imported_or_replaced(tmp_path, store):
    office = make_office(tmp_path / "office.sqlite3")
    try:
        data = key_file(office)
        result = profile.redo_setup(store, actor=ADMIN, password=PASSWORD, recipient_key_file=data)
        with store.session_factory() as session:
            row = keys.recipient(session)
            assert row.unit_code == "CUM-01" and result.changes["recipient"] == (None, row.fingerprint)
        assert "CUM-01" in profile.setup_snapshot(store, ADMIN).recipient
        with pytest.raises(keys.KeyProblem) as own:
            profile.redo_setup(store, actor=ADMIN, password=PASSWORD, recipient_key_file=key_file(store))
        assert own.value.code == "OWN_KEY"
    finally:
        office.close()


def test_a_failure_midway_leaves_everything_as_before(store, monkeypatch):
    before = _state(store)
    # A damaged key file fails after the profile and the name were already changed in the transaction.
    with pytest.raises(keys.KeyProblem):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, unit_code="00073", officer_name="Tên mới",
                           rotate_keys=True, recipient_key_file=b"not a key file")
    assert _state(store) == before

    def broken_append(session, **kwargs):  # the very last step of the transaction
        if kwargs.get("action") == "setup_redo":
            raise OSError("disk full")
        return original(session, **kwargs)

    original = profile.audit.append
    monkeypatch.setattr(profile.audit, "append", broken_append)
    with pytest.raises(OSError):
        profile.redo_setup(store, actor=ADMIN, password=PASSWORD, unit_code="00073", officer_name="Tên mới",
                           rotate_keys=True)
    assert _state(store) == before


def test_key_rotation_keeps_old_packages_verifying(pair):
    """A plain rotation goes through key_rotation: the next export, signed by the old key, announces the new one."""
    p1 = export.export_package(pair.commune, pair.tmp / "p1.antq", password=PASSWORD, actor=ADMIN, kind="full")
    with pair.commune.session_factory() as session:
        old = keys.active_local_key(session).key_id
    assert profile.unit_lock_reason(pair.commune) is not None
    result = profile.redo_setup(pair.commune, actor=ADMIN, password=PASSWORD, rotate_keys=True)
    assert result.new_fingerprint and not result.unit_changed
    p2 = export.export_package(pair.commune, pair.tmp / "p2.antq", password=PASSWORD, actor=ADMIN)
    assert p2.announced_key
    with pair.office.session_factory() as session:
        lookup = keys.trusted_lookup(session)
    package2 = package_reader.verify(p2.path, lookup)
    assert package2.header.signer_key_id == old
    with pair.office.session_factory() as session, KeyStore.unlock(keys.active_blob(session), PASSWORD) as opened:
        announcement = next(r for r in package_reader.iter_records(package2, opened)
                            if r["type"] == key_rotation.RECORD_TYPE)
    with pair.office.session() as session:
        key_rotation.accept_announcement(session, announcement, signer=package2.signer, actor=ADMIN)
        lookup = keys.trusted_lookup(session)
    assert package_reader.verify(p1.path, lookup).header.signer_key_id == old  # the old package still verifies
    with pair.commune.session_factory() as session:
        assert keys.blob_for_signing_key(session, old) is not None  # kept, retired
        assert session.execute(select(LocalKey).where(LocalKey.key_id == old)).scalar_one().retired_at is not None
