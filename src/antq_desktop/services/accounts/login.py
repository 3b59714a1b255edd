"""User accounts: Argon2id password hashes, roles, sign-in with throttling."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import AuthError, FieldError, ValidationError
from antq_desktop.domain.text import nfc
from antq_desktop.domain.text_hygiene import clip_for_log, normalise_username, text_problem, username_problem
from antq_desktop.exchange.keystore import remember_derivations
from antq_desktop.paths import resource_path
from antq_desktop.services.accounts import password_strength
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import User, utcnow

_LOG = logging.getLogger(__name__)

ROLES = {"admin": "Quản trị", "officer": "Cán bộ", "readonly": "Chỉ xem"}
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256  # far above any sentence typed by hand (NIST asks for at least 64)
MAX_FULL_NAME = 200  # the column's length
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)

# RFC 9106 "second recommended" profile (64 MiB, 3 passes): above OWASP's Argon2id minimum.
_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=1)


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    changes: Changes = field(default=NO_CHANGES, compare=False)  # set when a front call created the account

    @property
    def can_write(self) -> bool:
        return self.role in ("admin", "officer")


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    lines = resource_path("security", "common-passwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, role: str = "officer") -> str | None:
    """Length, a list of common passwords and how hard it is to guess (zxcvbn: stricter for admins, who
    hold the unit's keys); no composition rules: they make passwords weaker in practice."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Mật khẩu dài quá {MAX_PASSWORD_LENGTH} ký tự. Hãy chọn một câu ngắn hơn."
    if password.casefold() in _common_passwords():
        return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác (ví dụ một câu ngắn dễ nhớ)."
    return password_strength.strength_problem(password, role)


def hash_password(password: str) -> str:
    """Argon2id hash with the store's parameters (services.accounts.users sets and resets passwords)."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True if the password matches; a damaged hash counts as a mismatch, never an exception."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, user.role)


def create_user(store: Store, *, username: str, full_name: str, role: str, password: str,
                actor: str = "system") -> UserInfo:
    with store.session() as session:
        return add_user(session, username=username, full_name=full_name, role=role, password=password,
                        actor=actor)


def add_user(session: Session, *, username: str, full_name: str, role: str, password: str,
             actor: str) -> UserInfo:
    """Validate and add an account inside the caller's transaction."""
    username = normalise_username(username)
    errors = []
    problem = username_problem(username)
    if problem:
        errors.append(FieldError("username", problem))
    elif session.execute(select(func.count()).select_from(User).where(User.username == username)).scalar():
        errors.append(FieldError("username", f"Tên đăng nhập “{username}” đã có."))
    problem = full_name_problem(full_name)
    if problem:
        errors.append(FieldError("full_name", problem))
    if role not in ROLES:
        errors.append(FieldError("role", "Vai trò không hợp lệ."))
    problem = password_problem(password, role)
    if problem:
        errors.append(FieldError("password", problem))
    if errors:
        raise ValidationError(errors)
    user = User(username=username, full_name=nfc(full_name), role=role, password_hash=_HASHER.hash(password))
    session.add(user)
    session.flush()
    audit.append(session, actor=actor, action="user_create", record_type="user", record_id=user.id,
                 details={"username": username, "role": role})
    return _info(user)


def full_name_problem(full_name: str) -> str | None:
    """An officer's name is a record name like any other: not empty, bounded, nothing hidden, one script."""
    name = nfc(full_name)
    if not name:
        return "Họ tên cán bộ không được để trống."
    if len(name) > MAX_FULL_NAME:
        return f"Họ tên cán bộ dài quá {MAX_FULL_NAME} ký tự."
    return text_problem("Họ tên cán bộ", name)


def sign_in(store: Store, *, username: str, password: str, remember_key: bool = False) -> UserInfo:
    """Check a password. Failed attempts are counted (and committed) and lock the account for a while.

    ``remember_key`` (the CLI, one command per context): the key-encryption key the check derives from the
    account's wrap is kept for the rest of the command, so unlocking the unit's keys does not derive it again
    (``keystore.remember_derivations``; docs/security.md, section 4)."""
    username = normalise_username(username)
    if remember_key:
        remember_derivations()
    if store.read_only:
        return _sign_in_read_only(store, username, password)
    with store.session() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        now = utcnow()
        if user is not None and user.locked_until and user.locked_until > now:
            # Round up, never past the lockout itself ("5 minutes", not "6", right after locking).
            minutes = max(1, -int(-(user.locked_until - now).total_seconds() // 60))
            raise AuthError(f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút.")
        if user is not None and not user.disabled and _password_right(session, user, password):
            user.failed_attempts = 0
            user.locked_until = None
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)
            audit.append(session, actor=user.username, action="login")
            # The password is at hand: take the unit's keys waiting for this account (a rotated-in key
            # handed over to the holders of the old one, the wrap of a store from before migration 0012).
            from antq_desktop.services.keys import wraps

            wraps.pick_up(session, user, password)
            return _info(user)
        _record_failure(session, user, username)
        # Only someone who typed the right password learns that the account is disabled (and what to do).
        disabled = user is not None and user.disabled and _verify(user, password)
    # Raised only after the block above committed the failure counter.
    if disabled:
        raise AuthError("Tài khoản này đã bị khóa và không còn giữ khóa của đơn vị. Hãy nhờ quản trị viên mở "
                        "khóa và đặt lại mật khẩu cho tài khoản.")
    raise AuthError()


def _sign_in_read_only(store: Store, username: str, password: str) -> UserInfo:
    """A read replica refuses every write: the password is checked and a lockout set on the primary is
    honoured, but neither the login nor a failure can be recorded (no audit entry, no failure count).
    Said in the log so that an administrator reading it knows why the audit log has no entry."""
    with store.read_session() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is not None and user.locked_until and user.locked_until > utcnow():
            raise AuthError("Đăng nhập sai quá nhiều lần. Hãy thử lại sau.")
        if user is None or user.disabled or not _verify(user, password):
            _LOG.warning("read-only database: failed sign-in not counted nor audited")
            raise AuthError()
        _LOG.info("read-only database: sign-in of %s not audited", user.username)
        return _info(user)


def _verify(user: User, password: str) -> bool:
    return verify_password(user.password_hash, password)


def _password_right(session: Session, user: User, password: str) -> bool:
    """One Argon2id derivation where the account holds the unit's keys: its own wrap of the active key is the
    check when it was derived at no lower cost than the hash (docs/security.md, section 4); otherwise, and
    when the wrap does not open (a wrong password, a damaged wrap), the hash decides, exactly as before."""
    from antq_desktop.services.keys import wraps  # services.keys imports this package: not at module level

    cost = _hash_cost(user.password_hash)
    if cost is not None and wraps.opens_own_wrap(session, user, password, time_cost=cost[0],
                                                 memory_cost_kib=cost[1]):
        return True
    return _verify(user, password)


def _hash_cost(password_hash: str) -> tuple[int, int] | None:
    """(passes, memory KiB) of the account's Argon2id hash; None for a damaged one (the hash check refuses it)."""
    try:
        params = extract_parameters(password_hash)
    except (InvalidHashError, ValueError):
        return None
    return params.time_cost, params.memory_cost


def _record_failure(session: Session, user: User | None, username: str) -> None:
    if user is not None:
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = utcnow() + LOCKOUT
            user.failed_attempts = 0
    # The typed name is untrusted (no account needed to type it): bounded and with nothing hidden.
    audit.append(session, actor=clip_for_log(username) or "?", action="login_failed")


def list_users(store: Store) -> list[UserInfo]:
    with store.session_factory() as session:
        return [_info(u) for u in session.execute(select(User).order_by(User.username)).scalars()]


def single_admin(store: Store) -> str | None:
    """The username to assume when only one account exists (scripted, single-officer use)."""
    users = list_users(store)
    return users[0].username if len(users) == 1 else None
