"""Admin user management, own password change, the keystore re-wrap hook, the idle-lock setting."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antq_desktop.domain.errors import AuthError, NotFoundError, PermissionDenied, ValidationError
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keystore import KdfParams, KeyStore
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts import users
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry

from .conftest import PASSWORD

LAN = "cau dai cua lan"


def _last_actions(store: Store, n: int) -> list[str]:
    with store.session_factory() as session:
        return [e.action for e in session.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(n)).scalars()]


@pytest.fixture
def officer(store: Store, admin: accounts.UserInfo) -> accounts.UserInfo:
    return users.add(store, admin, username="Lan", full_name="Trần Thị Lan", role="officer", password=LAN)


def test_admin_adds_lists_and_changes_roles(store: Store, admin: accounts.UserInfo,
                                            officer: accounts.UserInfo) -> None:
    assert officer.username == "lan"  # usernames are case-folded
    users.change_role(store, admin, "lan", "readonly")
    rows = {r.username: r for r in users.list_accounts(store)}
    assert rows["lan"].role == "readonly" and rows["lan"].role_label == "Chỉ xem"
    assert _last_actions(store, 2) == ["user_role", "user_create"]
    with store.session_factory() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "user_role")).scalar_one()
    assert '"role":["officer","readonly"]' in entry.details  # from -> to


def test_only_admins_manage_users(store: Store, officer: accounts.UserInfo) -> None:
    with pytest.raises(PermissionDenied, match="quản trị"):
        users.add(store, officer, username="x", full_name="X", role="admin", password="mot cau khac dai")
    with pytest.raises(PermissionDenied):
        users.change_role(store, officer, "lan", "admin")
    with pytest.raises(PermissionDenied):
        users.reset_password(store, officer, "admin", "mot cau khac dai")
    with pytest.raises(PermissionDenied):
        users.set_disabled(store, officer, "admin")


def test_last_admin_cannot_be_demoted_or_disabled(store: Store, admin: accounts.UserInfo,
                                                  officer: accounts.UserInfo) -> None:
    with pytest.raises(PermissionDenied, match="duy nhất"):
        users.change_role(store, admin, "admin", "officer")
    with pytest.raises(PermissionDenied):
        users.set_disabled(store, admin, "admin")  # oneself, too
    users.change_role(store, admin, "lan", "admin")
    users.change_role(store, admin, "admin", "officer")  # now there is another admin
    with pytest.raises(NotFoundError):
        users.change_role(store, admin, "khong-co", "officer")
    with pytest.raises(ValidationError):
        users.change_role(store, admin, "lan", "root")


def test_reset_password_lifts_lockout(store: Store, admin: accounts.UserInfo, officer: accounts.UserInfo) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.sign_in(store, username="lan", password="quen mat roi")
    users.reset_password(store, admin, "lan", "mat khau moi cua lan")
    assert accounts.sign_in(store, username="lan", password="mat khau moi cua lan").username == "lan"
    assert "password_reset" in _last_actions(store, 2)


def test_change_own_password_needs_the_old_one(store: Store, officer: accounts.UserInfo) -> None:
    with pytest.raises(AuthError, match="chưa được đổi"):
        users.change_own_password(store, "lan", "sai mat khau", "mat khau moi cua lan")
    with pytest.raises(ValidationError, match="khác"):
        users.change_own_password(store, "lan", LAN, LAN)
    users.change_own_password(store, "lan", LAN, "mat khau moi cua lan")
    with pytest.raises(AuthError):
        accounts.sign_in(store, username="lan", password=LAN)
    assert accounts.sign_in(store, username="lan", password="mat khau moi cua lan")


def test_password_change_rewraps_keystore_in_the_same_transaction(store: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The exchange keystore's private keys follow the password; a failed re-wrap changes nothing."""
    keystore = KeyStore(KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1))
    blobs = {"admin": keystore.create(PASSWORD)[0]}

    def rewrap(_session: object, username: str, old: str, new: str) -> None:
        blobs[username] = keystore.rewrap(blobs[username], old, new)

    monkeypatch.setattr(users, "PASSWORD_CHANGE_HOOKS", [rewrap])
    users.change_own_password(store, "admin", PASSWORD, "cau moi rat dai")
    KeyStore.unlock(blobs["admin"], "cau moi rat dai").close()
    with pytest.raises(PackageError):
        KeyStore.unlock(blobs["admin"], PASSWORD)

    def broken(*_args: object) -> None:
        raise PackageError("bad_password")

    monkeypatch.setattr(users, "PASSWORD_CHANGE_HOOKS", [broken])
    with pytest.raises(PackageError):
        users.change_own_password(store, "admin", "cau moi rat dai", "cau thu ba rat dai")
    assert accounts.sign_in(store, username="admin", password="cau moi rat dai")  # unchanged


def test_idle_lock_minutes_setting(store: Store, admin: accounts.UserInfo, officer: accounts.UserInfo) -> None:
    assert users.idle_lock_minutes(store) == users.DEFAULT_IDLE_MINUTES == 10
    users.set_idle_lock_minutes(store, admin, 5)
    assert users.idle_lock_minutes(store) == 5
    with pytest.raises(ValidationError):
        users.set_idle_lock_minutes(store, admin, 1000)
    with pytest.raises(PermissionDenied):
        users.set_idle_lock_minutes(store, officer, 0)


def test_password_change_rewraps_the_units_real_keys(store: Store) -> None:
    """Integration with services.keys.registry: the unit's keys open with the new password only."""
    from antq_desktop.services.keys import registry as keys

    users.change_own_password(store, "admin", PASSWORD, "cau moi rat dai")
    with store.session_factory() as session:
        blob = keys.active_blob(session)
    KeyStore.unlock(blob, "cau moi rat dai").close()
    with pytest.raises(PackageError):
        KeyStore.unlock(blob, PASSWORD)
    assert _last_actions(store, 2) == ["password_change", "key_rewrap"]
