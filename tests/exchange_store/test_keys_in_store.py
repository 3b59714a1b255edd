"""Keys in the store: created at init, only encrypted at rest, re-wrapped on password change, trust registry."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from tests.conftest import PASSWORD, make_store
from tests.exchange_store.conftest import key_file, make_office

from antq_desktop.exchange.errors import BAD_PASSWORD, PackageError
from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.accounts import users
from antq_desktop.services.keys import registry as keys
from antq_desktop.storage.models import AuditEntry, KnownKey, LocalKey

RAW = serialization.Encoding.Raw
RAW_PRIV = serialization.PrivateFormat.Raw


def _private_raw(blob: dict) -> list[bytes]:
    with KeyStore.unlock(blob, PASSWORD) as unlocked:
        return [unlocked._signing.private_bytes(RAW, RAW_PRIV, serialization.NoEncryption()),
                unlocked._receiving.private_bytes(RAW, RAW_PRIV, serialization.NoEncryption())]


def test_init_creates_one_key_pair_with_an_audit_entry(store):
    with store.session_factory() as session:
        rows = session.query(LocalKey).all()
        actions = [a for (a,) in session.query(AuditEntry.action).order_by(AuditEntry.id)]
    assert len(rows) == 1 and rows[0].retired_at is None
    assert actions[:1] == ["init"] and "key_create" in actions
    info = keys.local_key_info(rows[0])
    assert info.fingerprint == rows[0].fingerprint and len(info.fingerprint) == 24


def test_private_keys_never_reach_the_database_file_in_the_clear(tmp_path):
    path = tmp_path / "c.sqlite3"
    store = make_store(path)
    with store.session_factory() as session:
        blob = keys.active_blob(session)
    store.close()  # checkpoints the WAL into the main file
    files = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("c.sqlite3"))
    for raw in _private_raw(blob):
        assert raw not in files and base64.b64encode(raw) not in files and raw.hex().encode() not in files
    assert blob["signing"]["public_key"].encode() in files  # the blob itself is there (wrapped)


def test_a_failed_init_keeps_no_key(tmp_path):
    from antq_desktop.domain.errors import ValidationError
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store

    store = open_store(tmp_path / "x.sqlite3")
    with pytest.raises(ValidationError):
        profile.initialise(store, role="commune", unit_code="00070", officer_name="A", password="short")
    with store.session_factory() as session:
        assert session.query(LocalKey).count() == 0
    store.close()


def test_password_change_rewraps_the_keys(store):
    new = "mot cau moi con dai hon"
    users.change_own_password(store, "admin", PASSWORD, new)
    with store.session_factory() as session:
        blob = keys.active_blob(session)
        actions = [a for (a,) in session.query(AuditEntry.action)]
    with pytest.raises(PackageError) as refused:
        KeyStore.unlock(blob, PASSWORD)
    assert refused.value.code == BAD_PASSWORD
    with KeyStore.unlock(blob, new) as unlocked:
        assert unlocked.signing_key_id == blob["signing"]["key_id"]
    assert "key_rewrap" in actions


def test_public_key_file_carries_unit_and_fingerprint(store):
    record = read_public_key_file(key_file(store))
    with store.session_factory() as session:
        row = keys.active_local_key(session)
        paper = keys.paper_fingerprint(session, row)
    assert (record.unit_code, record.unit_name, record.role) == ("00070", "Phường Hoàn Kiếm", "commune")
    assert record.fingerprint == paper and record.version == 2  # the paper copy covers unit and role


def test_trust_add_list_revoke_and_lookup(store, tmp_path):
    office = make_office(tmp_path / "office.sqlite3")
    data = key_file(store)
    with office.session() as session:
        row = keys.trust_add(session, data, actor="admin")
        fingerprint, kid = row.fingerprint, row.key_id
    with office.session_factory() as session:
        assert [r.unit_code for r in keys.list_known(session)] == ["00070"]
        trusted = keys.trusted_lookup(session)(kid)
    assert trusted is not None and not trusted.revoked and trusted.unit_code == "00070"
    with office.session() as session:
        keys.trust_revoke(session, fingerprint.lower(), actor="admin", reason="máy bị mất")
    with office.session_factory() as session:
        assert keys.trusted_lookup(session)(kid).revoked
        row = session.query(KnownKey).one()
        assert row.revoke_reason == "máy bị mất" and row.revoked_by == "admin"
        actions = [a for (a,) in session.query(AuditEntry.action)]
    assert "trust_add" in actions and "trust_revoke" in actions
    with office.session() as session, pytest.raises(keys.KeyProblem) as again:
        keys.trust_add(session, data, actor="admin")
    assert again.value.code == "REVOKED_KEY"
    office.close()


def test_own_key_file_is_not_a_recipient_and_broken_files_are_refused(store):
    with store.session() as session, pytest.raises(keys.KeyProblem) as own:
        keys.set_recipient(session, key_file(store), actor="admin")
    assert own.value.code == "OWN_KEY"
    damaged = key_file(store).replace("Hoàn".encode(), b"Hoan")
    with store.session() as session, pytest.raises(keys.KeyProblem, match="không hợp lệ"):
        keys.set_recipient(session, damaged, actor="admin")


def test_a_second_recipient_replaces_the_first(store, tmp_path):
    one, two = make_office(tmp_path / "one.sqlite3"), make_office(tmp_path / "two.sqlite3")
    for office in (one, two):
        with store.session() as session:
            keys.set_recipient(session, key_file(office), actor="admin")
    with store.session_factory() as session:
        current = keys.recipient(session)
        assert session.query(KnownKey).filter(KnownKey.is_recipient.is_(True)).count() == 1
    with two.session_factory() as session:
        assert current.key_id == keys.active_local_key(session).key_id
    one.close()
    two.close()
