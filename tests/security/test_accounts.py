"""Sign-in throttling, disabled accounts and the password policy (NIST SP 800-63B style)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from antq_desktop.domain.errors import AuthError, ValidationError
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts import users
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, User, utcnow

from .conftest import PASSWORD


def _user(store: Store, name: str = "admin") -> User:
    with store.session_factory() as session:
        return session.execute(select(User).where(User.username == name)).scalar_one()


def test_five_failures_lock_for_five_minutes_and_counter_is_committed(store: Store) -> None:
    for attempt in range(1, 5):
        with pytest.raises(AuthError):
            accounts.sign_in(store, username="admin", password="sai mat khau")
        # sign_in raised, yet the failure is counted: it was committed before the raise
        assert _user(store).failed_attempts == attempt
    with pytest.raises(AuthError):
        accounts.sign_in(store, username="admin", password="sai mat khau")
    locked = _user(store).locked_until
    assert locked is not None
    assert timedelta(minutes=4) < locked - utcnow() <= timedelta(minutes=5)
    with pytest.raises(AuthError, match="thử lại sau 5 phút"):
        accounts.sign_in(store, username="admin", password=PASSWORD)  # even the right password waits
    with store.session() as session:  # five minutes later
        session.execute(update(User).values(locked_until=utcnow() - timedelta(seconds=1)))
    assert accounts.sign_in(store, username="admin", password=PASSWORD).role == "admin"
    assert _user(store).failed_attempts == 0


def test_failed_and_successful_logins_are_audited(store: Store) -> None:
    with pytest.raises(AuthError):
        accounts.sign_in(store, username="admin", password="sai mat khau")
    with pytest.raises(AuthError):
        accounts.sign_in(store, username="khong-co", password="sai mat khau")
    accounts.sign_in(store, username="admin", password=PASSWORD)
    with store.session_factory() as session:
        actions = [(e.actor, e.action) for e in session.execute(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(3)).scalars()]
    assert actions == [("admin", "login"), ("khong-co", "login_failed"), ("admin", "login_failed")]


def test_unknown_and_wrong_password_give_the_same_message(store: Store) -> None:
    with pytest.raises(AuthError) as unknown:
        accounts.sign_in(store, username="khong-co", password=PASSWORD)
    with pytest.raises(AuthError) as wrong:
        accounts.sign_in(store, username="admin", password="sai mat khau")
    assert unknown.value.message == wrong.value.message  # no hint which usernames exist


def test_disabled_account_cannot_sign_in(store: Store, admin: accounts.UserInfo) -> None:
    users.add(store, admin, username="lan", full_name="Trần Thị Lan", role="officer", password="cau dai cua lan")
    users.set_disabled(store, admin, "lan")
    with pytest.raises(AuthError):
        accounts.sign_in(store, username="lan", password="cau dai cua lan")
    users.set_disabled(store, admin, "lan", False)
    assert accounts.sign_in(store, username="lan", password="cau dai cua lan").username == "lan"


@pytest.mark.parametrize("password, ok", [
    ("ngan", False), ("1234567", False), ("12345678", False), ("PASSWORD", False), ("matkhau123", False),
    ("abcdefgh", True), ("mot cau rat dai", True), ("Trời hôm nay đẹp quá", True), ("x" * 200, True),
])
def test_password_policy_is_length_and_common_list_only(password: str, ok: bool) -> None:
    problem = accounts.password_problem(password)
    assert (problem is None) == ok, problem


def test_weak_password_refused_everywhere(store: Store, admin: accounts.UserInfo) -> None:
    with pytest.raises(ValidationError, match="ít nhất 8"):
        users.add(store, admin, username="lan", full_name="Lan", role="officer", password="ngan")
    with pytest.raises(ValidationError, match="phổ biến"):
        users.change_own_password(store, "admin", PASSWORD, "12345678")
    with pytest.raises(ValidationError):
        users.reset_password(store, admin, "admin", "1234")


def test_passwords_are_stored_as_argon2id(store: Store) -> None:
    stored = _user(store).password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    assert PASSWORD not in stored
