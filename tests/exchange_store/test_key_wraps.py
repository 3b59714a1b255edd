"""The office key per account (issue 17, point 1): every admin or officer opens the unit's keys with
its own password; wraps are made, re-wrapped, handed over and removed with the accounts (audited)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.exchange_store.conftest import Pair

from antq_desktop.domain.errors import KeyProblem
from antq_desktop.exchange.errors import BAD_PASSWORD, PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services import accounts, export
from antq_desktop.services.accounts import users
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation, wraps
from antq_desktop.services.merge import MergeStatus, merge_packages
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, KeyWrap, User

B_PASSWORD = "con meo vang ngu tren mai nha"
B_NEW = "mua thu ha noi la vang ruc ro"


def _admin(store: Store) -> accounts.UserInfo:
    return accounts.sign_in(store, username="admin", password=PASSWORD)


def _add_b(store: Store, role: str = "officer") -> None:
    accounts.add(store, _admin(store), username="b", full_name="Lê Thị Cúc", role=role, password=B_PASSWORD,
                 actor_password=PASSWORD)


def _package(pair: Pair, name: str = "p1.antq") -> str:
    path = pair.tmp / name
    export.export_package(pair.commune, path, password=PASSWORD, actor="admin", kind="full")
    return str(path)


def _wraps_of(store: Store, username: str) -> list[KeyWrap]:
    with store.session_factory() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one()
        rows = list(session.execute(select(KeyWrap).where(KeyWrap.user_id == user.id)).scalars())
        session.expunge_all()
        return rows


def _actions(store: Store) -> list[str]:
    with store.session_factory() as session:
        return [a for (a,) in session.execute(select(AuditEntry.action).order_by(AuditEntry.id))]


def _unlock_as(store: Store, username: str, password: str) -> str:
    with store.session_factory() as session:
        blob = keys.active_blob(session, username)
    with KeyStore.unlock(blob, password) as unlocked:
        return unlocked.signing_key_id


def test_a_second_officer_merges_an_encrypted_package_with_its_own_password(pair: Pair) -> None:
    _add_b(pair.office)
    [result] = merge_packages(pair.office, [_package(pair)], actor="b", password=B_PASSWORD)
    assert result.status == MergeStatus.MERGED, result.message
    assert "key_wrap" in _actions(pair.office)
    # Each account opens the keys with its OWN password only: B typing the admin's is refused.
    [again] = merge_packages(pair.office, [_package(pair, "p2.antq")], actor="b", password=PASSWORD, dry_run=True)
    assert again.status == MergeStatus.REFUSED and again.code == BAD_PASSWORD


def test_the_wrap_is_the_same_key_and_keeps_no_private_half_in_local_keys(pair: Pair) -> None:
    _add_b(pair.office)
    assert _unlock_as(pair.office, "b", B_PASSWORD) == _unlock_as(pair.office, "admin", PASSWORD)
    with pair.office.session_factory() as session:
        public = keys.blob_of(keys.require_local_key(session))
    assert "kdf" not in public and "wrapped" not in public["signing"]


def test_password_change_rewraps_only_the_accounts_own_wraps(pair: Pair) -> None:
    _add_b(pair.office)
    admin_before = [w.blob for w in _wraps_of(pair.office, "admin")]
    users.change_own_password(pair.office, "b", B_PASSWORD, B_NEW)
    assert _unlock_as(pair.office, "b", B_NEW)
    with pytest.raises(PackageError) as refused:
        _unlock_as(pair.office, "b", B_PASSWORD)
    assert refused.value.code == BAD_PASSWORD
    assert [w.blob for w in _wraps_of(pair.office, "admin")] == admin_before
    assert _actions(pair.office)[-2:] == ["key_rewrap", "password_change"]
    [result] = merge_packages(pair.office, [_package(pair)], actor="b", password=B_NEW)
    assert result.status == MergeStatus.MERGED


def test_disabling_removes_the_wraps_and_a_leftover_row_cannot_be_used(pair: Pair) -> None:
    _add_b(pair.office)
    [leftover] = _wraps_of(pair.office, "b")
    users.set_disabled(pair.office, _admin(pair.office), "b", True)
    assert _wraps_of(pair.office, "b") == []
    assert _actions(pair.office)[-2:] == ["user_disable", "key_unwrap"]
    # Hostile: the row comes back (a restored copy, a hand-edited database): a disabled account still gets nothing.
    with pair.office.session() as session:
        session.add(KeyWrap(key_id=leftover.key_id, user_id=leftover.user_id, kind="account", blob=leftover.blob,
                            created_by="x"))
    with pytest.raises(KeyProblem) as refused:
        _unlock_as(pair.office, "b", B_PASSWORD)
    assert refused.value.code == wraps.NOT_HOLDER and "không được dùng khóa" in refused.value.message
    [result] = merge_packages(pair.office, [_package(pair)], actor="b", password=B_PASSWORD)
    assert result.status == MergeStatus.REFUSED and "không được dùng khóa" in result.message


def test_a_re_enabled_account_has_no_keys_until_an_admin_resets_its_password(pair: Pair) -> None:
    _add_b(pair.office)
    admin = _admin(pair.office)
    users.set_disabled(pair.office, admin, "b", True)
    users.set_disabled(pair.office, admin, "b", False)
    [result] = merge_packages(pair.office, [_package(pair)], actor="b", password=B_PASSWORD)
    assert result.status == MergeStatus.REFUSED and "chưa được cấp khóa" in result.message
    assert "user passwd b" in result.message  # what to do next, in the command line's words
    users.reset_password(pair.office, admin, "b", B_NEW, actor_password=PASSWORD)
    assert [r.holds_keys for r in users.list_accounts(pair.office) if r.username == "b"] == [True]
    [result] = merge_packages(pair.office, [str(pair.tmp / "p1.antq")], actor="b", password=B_NEW)
    assert result.status == MergeStatus.MERGED


def test_read_only_role_removes_the_wraps(pair: Pair) -> None:
    _add_b(pair.office)
    users.change_role(pair.office, _admin(pair.office), "b", "readonly")
    assert _wraps_of(pair.office, "b") == []
    _add_readonly = accounts.add(pair.office, _admin(pair.office), username="c", full_name="Đỗ Văn Dũng",
                                 role="readonly", password=B_PASSWORD, actor_password=PASSWORD)
    assert _add_readonly.username == "c" and _wraps_of(pair.office, "c") == []


def test_reset_with_a_wrong_admin_password_changes_nothing(pair: Pair) -> None:
    _add_b(pair.office)
    before = [w.blob for w in _wraps_of(pair.office, "b")]
    with pytest.raises(KeyProblem):
        users.reset_password(pair.office, _admin(pair.office), "b", B_NEW, actor_password="sai mat khau roi")
    assert [w.blob for w in _wraps_of(pair.office, "b")] == before
    assert accounts.sign_in(pair.office, username="b", password=B_PASSWORD)


def test_reset_without_the_admins_keys_leaves_no_wrap_under_a_forgotten_password(pair: Pair) -> None:
    _add_b(pair.office)
    users.reset_password(pair.office, _admin(pair.office), "b", B_NEW)
    assert _wraps_of(pair.office, "b") == []
    assert _actions(pair.office)[-2:] == ["key_unwrap", "password_reset"]


def test_rotation_hands_the_new_key_to_the_other_holders_at_their_next_sign_in(pair: Pair) -> None:
    _add_b(pair.office)
    with pair.office.session() as session:
        new_id = rotation.rotate(session, PASSWORD, actor="admin").key_id
    with pair.office.session_factory() as session:
        assert session.execute(select(KeyWrap).where(KeyWrap.kind == "handover")).scalars().all()
    with pytest.raises(KeyProblem):
        _unlock_as(pair.office, "b", B_PASSWORD)  # not yet: B has not signed in since
    accounts.sign_in(pair.office, username="b", password=B_PASSWORD)
    assert _unlock_as(pair.office, "b", B_PASSWORD) == new_id
    with pair.office.session_factory() as session:  # everyone has it: the hand-over is gone
        assert session.execute(select(KeyWrap).where(KeyWrap.kind == "handover")).scalars().all() == []
    assert {"key_handover", "key_handover_done"} <= set(_actions(pair.office))


def test_a_new_enrolment_is_not_handed_over(pair: Pair) -> None:
    _add_b(pair.office)
    with pair.office.session() as session:
        rotation.rotate(session, PASSWORD, actor="admin", new_enrolment=True)
    accounts.sign_in(pair.office, username="b", password=B_PASSWORD)
    with pytest.raises(KeyProblem) as refused:
        _unlock_as(pair.office, "b", B_PASSWORD)
    assert refused.value.code == wraps.NO_WRAP


def test_another_units_account_or_wrap_cannot_get_the_office_keys(pair: Pair) -> None:
    """The commune's officer (another store) has no account here, and its wrap (its own unit's keys,
    under a password it knows) copied in as B's does not open the office key."""
    accounts.add(pair.commune, _admin(pair.commune), username="b", full_name="Lê Thị Cúc", role="officer",
                 password=B_PASSWORD, actor_password=PASSWORD)
    [foreign] = _wraps_of(pair.commune, "b")
    with pytest.raises(KeyProblem) as refused:
        _unlock_as(pair.office, "b", B_PASSWORD)
    assert refused.value.code == wraps.NOT_HOLDER
    accounts.add(pair.office, _admin(pair.office), username="b", full_name="Lê Thị Cúc", role="officer",
                 password=B_PASSWORD)  # no admin password: no keys
    with pair.office.session() as session:
        user = session.execute(select(User).where(User.username == "b")).scalar_one()
        office_key = keys.require_local_key(session).key_id
        session.add(KeyWrap(key_id=office_key, user_id=user.id, kind="account", blob=foreign.blob, created_by="b"))
    with pytest.raises(KeyProblem) as refused:
        _unlock_as(pair.office, "b", B_PASSWORD)
    assert refused.value.code == "MALFORMED"
    assert json.loads(foreign.blob)["signing"]["key_id"] != office_key


def test_a_damaged_waiting_row_does_not_stop_a_sign_in(pair: Pair) -> None:
    accounts.add(pair.office, _admin(pair.office), username="b", full_name="Lê Thị Cúc", role="officer",
                 password=B_PASSWORD)  # no keys yet: the sign-in looks for waiting rows
    with pair.office.session() as session:
        office_key = keys.require_local_key(session).key_id
        session.add(KeyWrap(key_id=office_key, user_id=None, kind="legacy", blob="{not json", created_by="x"))
        session.add(KeyWrap(key_id=office_key, user_id=None, kind="handover", blob="%%%", sealed_to="0" * 32,
                            created_by="x"))
    assert accounts.sign_in(pair.office, username="b", password=B_PASSWORD).username == "b"
    assert _wraps_of(pair.office, "b") == []
