"""Key replacement: announced in a package signed by the old key, or re-enrolled by hand; both recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.exchange_store.conftest import key_file

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.storage.models import AuditEntry, KnownKey, LocalKey

ACTOR = "admin"


def _rotate(store, **kwargs):
    with store.session() as session:
        return key_rotation.rotate(session, PASSWORD, actor=ACTOR, **kwargs).key_id


def _export(pair, name, kind="incremental"):
    return export.export_package(pair.commune, pair.tmp / name, password=PASSWORD, actor=ACTOR, kind=kind)


def _read(pair, path):
    with pair.office.session_factory() as session:
        lookup, blob = keys.trusted_lookup(session), keys.active_blob(session)
    package = package_reader.verify(path, lookup)
    with KeyStore.unlock(blob, PASSWORD) as unlocked:
        return package, list(package_reader.iter_records(package, unlocked))


def _accept(pair, package, records):
    announcements = [r for r in records if r["type"] == key_rotation.RECORD_TYPE]
    with pair.office.session() as session:
        return [key_rotation.accept_announcement(session, r, signer=package.signer, actor=ACTOR).key_id
                for r in announcements]


def _actions(store):
    with store.session_factory() as session:
        return [a for (a,) in session.execute(select(AuditEntry.action).order_by(AuditEntry.id))]


def test_rotation_is_announced_by_the_old_key_and_recorded(pair):
    _export(pair, "p1.antq", kind="full")
    with pair.commune.session_factory() as session:
        old = keys.active_local_key(session).key_id
    new = _rotate(pair.commune)
    p2 = _export(pair, "p2.antq")
    assert p2.announced_key
    package, records = _read(pair, p2.path)
    assert package.header.signer_key_id == old  # still signed by the key the office trusts
    assert _accept(pair, package, records) == [new]
    with pair.office.session_factory() as session:
        row = session.execute(select(KnownKey).where(KnownKey.key_id == new)).scalar_one()
        assert (row.source, row.replaces_key_id, row.is_trusted) == ("announced", old, True)
    assert "key_announced" in _actions(pair.office)
    assert {"key_rotate", "key_announce"} <= set(_actions(pair.commune))
    p3 = _export(pair, "p3.antq")
    package3, records3 = _read(pair, p3.path)
    assert package3.header.signer_key_id == new and not p3.announced_key
    assert all(r["type"] != key_rotation.RECORD_TYPE for r in records3)
    with pair.commune.session_factory() as session:
        assert session.execute(select(LocalKey).where(LocalKey.key_id == old)).scalar_one().retired_at is not None


def test_an_announcement_signed_by_another_key_is_refused(pair):
    _rotate(pair.commune)
    p = _export(pair, "p.antq", kind="full")
    package, records = _read(pair, p.path)
    announcement = next(r for r in records if r["type"] == key_rotation.RECORD_TYPE)
    forged = dict(announcement, origin_unit="00073")
    with pair.office.session() as session, pytest.raises(keys.KeyProblem) as refused:
        key_rotation.accept_announcement(session, forged, signer=package.signer, actor=ACTOR)
    assert refused.value.code == "BAD_ANNOUNCEMENT"


def test_packages_after_rotation_are_unknown_until_the_office_learns_the_key(pair):
    _rotate(pair.commune)
    _export(pair, "announce.antq", kind="full")  # never delivered
    later = _export(pair, "later.antq")
    with pytest.raises(PackageError) as unknown:
        _read(pair, later.path)
    assert unknown.value.code == "UNKNOWN_KEY"
    with pair.office.session_factory() as session:
        old_fp = next(r.fingerprint for r in keys.list_known(session))
    with pair.office.session() as session:  # re-enrolment by hand, after the paper check
        row = keys.trust_add(session, key_file(pair.commune), actor=ACTOR, replaces=old_fp)
        assert row.replaces_key_id is not None and row.source == "enrolled"
    assert _read(pair, later.path)[0].header.sequence == 2


def test_new_enrolment_after_a_lost_password(pair):
    from antq_desktop.services.accounts import login, users

    other_password = "mat khau moi cua quan tri"
    # The lost password was reset first (key wraps follow the account's password: docs/security.md §11).
    admin = login.sign_in(pair.commune, username=ACTOR, password=PASSWORD)
    users.reset_password(pair.commune, admin, ACTOR, other_password)
    with pair.commune.session() as session:
        key_rotation.rotate(session, other_password, actor=ACTOR, new_enrolment=True)
        assert key_rotation.pending_announcement(session) is None
        blob = keys.active_blob(session)
    with KeyStore.unlock(blob, other_password):
        pass
    assert "key_rotate" in _actions(pair.commune)


def test_rotation_needs_the_key_holders_password(pair):
    with pair.commune.session() as session, pytest.raises(keys.KeyProblem) as refused:
        key_rotation.rotate(session, "khong phai mat khau", actor=ACTOR)
    assert refused.value.code == "BAD_PASSWORD"


def test_the_office_merge_records_the_announced_key(pair):
    merge_service = pytest.importorskip("antq_desktop.services.merge")

    def merged(name):
        result = _export(pair, name)
        outcome = merge_service.merge_packages(pair.office, [result.path], actor=ACTOR, password=PASSWORD)
        assert [r.status for r in outcome] == ["merged"], outcome
        return result

    merged("p1.antq")
    new = _rotate(pair.commune)
    merged("p2.antq")
    with pair.office.session_factory() as session:
        row = session.execute(select(KnownKey).where(KnownKey.key_id == new)).scalar_one()
        assert (row.source, row.is_trusted) == ("announced", True)
    third = merged("p3.antq")
    assert inspect_signer(third.path) == new


def inspect_signer(path):
    return package_reader.inspect(path).signer_key_id


def test_two_rotations_before_an_export_are_announced_by_the_key_the_office_knows(pair):
    with pair.commune.session_factory() as session:
        original = keys.active_local_key(session).key_id
    _rotate(pair.commune)
    newest = _rotate(pair.commune)
    p = _export(pair, "p.antq", kind="full")
    package, records = _read(pair, p.path)
    assert package.header.signer_key_id == original
    assert _accept(pair, package, records) == [newest]
