"""Managing accounts on a shared laptop: admins add, disable, re-role and reset; everyone changes their own password.

Every change is an audit entry in the same transaction. The store always keeps at least one
active admin, so nobody can lock the unit out of its own data by mistake.

The unit's keys follow the accounts (services.keys.wraps, docs/security.md section 11): an admin who
creates an admin/officer account or resets its password and gives their own password wraps the keys
for it under the password being set; a password change re-wraps the account's own; disabling an
account or making it read-only removes its wraps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import AuthError, NotFoundError, PermissionDenied, ValidationError
from antq_desktop.domain.text_hygiene import clip_for_log, normalise_username
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts.login import ROLES, UserInfo
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.keys import wraps
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Setting, User, utcnow

IDLE_LOCK_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10

# Called inside the password-change transaction as hook(session, username, old, new), after the account's
# key wraps were re-wrapped (wraps.rewrap_own); if a hook raises, the password stays unchanged.
PasswordHook = Callable[[Session, str, str, str], None]
PASSWORD_CHANGE_HOOKS: list[PasswordHook] = []


@dataclass(frozen=True)
class UserRow:
    """One account as the user-management page shows it (never the hash)."""

    username: str
    full_name: str
    role: str
    disabled: bool
    locked_until: datetime | None
    created_at: datetime
    holds_keys: bool = False  # may use the unit's keys and holds its wrap of the active key

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


def require_admin(actor: UserInfo) -> None:
    if actor.role != "admin":
        raise PermissionDenied("Chỉ quản trị viên mới được quản lý tài khoản. Hãy nhờ quản trị viên của đơn vị.")


# An account or an account setting (the idle lock) changed: the users page and sign-in lists redraw.
ACCOUNTS = Changes(accounts_changed=True)


def list_accounts(store: Store) -> list[UserRow]:
    with store.session_factory() as session:
        users = session.execute(select(User).order_by(User.username)).scalars()
        return [UserRow(u.username, u.full_name, u.role, u.disabled, u.locked_until, u.created_at,
                        wraps.holds_keys(session, u)) for u in users]


def add(store: Store, actor: UserInfo, *, username: str, full_name: str, role: str, password: str,
        actor_password: str | None = None) -> UserInfo:
    """New account. With ``actor_password`` (the admin's own) an admin or officer account also gets the
    unit's keys, wrapped under ``password``; a wrong ``actor_password`` adds nothing."""
    require_admin(actor)
    with store.session() as session:
        created = accounts.add_user(session, username=username, full_name=full_name, role=role, password=password,
                                    actor=actor.username)
        if actor_password is not None:
            _grant(session, actor, actor_password, created.username, password, via="user_create")
    return replace(created, changes=ACCOUNTS)


def _grant(session: Session, actor: UserInfo, actor_password: str, username: str, password: str, *,
           via: str) -> int:
    user = _load(session, username)
    return wraps.grant_all(session, grantor=actor.username, grantor_password=actor_password, user=user,
                           password=password, via=via)


def _load(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == normalise_username(username))).scalar_one_or_none()
    if user is None:
        raise NotFoundError(f"Không có tài khoản “{clip_for_log(username)}”. Hãy kiểm tra lại tên đăng nhập.")
    return user


def _active_admins(session: Session) -> int:
    return session.execute(select(func.count()).select_from(User).where(
        User.role == "admin", User.disabled.is_(False))).scalar() or 0


def _keep_one_admin(session: Session, user: User) -> None:
    if user.role == "admin" and not user.disabled and _active_admins(session) <= 1:
        raise PermissionDenied("Đây là quản trị viên duy nhất còn hoạt động. Hãy tạo hoặc cấp quyền quản trị "
                               "cho một tài khoản khác trước.")


def set_disabled(store: Store, actor: UserInfo, username: str, disabled: bool = True) -> Changes:
    """Disable (or re-enable) an account; a disabled account cannot sign in. Nothing is deleted."""
    require_admin(actor)
    with store.session() as session:
        user = _load(session, username)
        if user.disabled == disabled:
            return NO_CHANGES
        if disabled:
            if user.username == actor.username:
                raise PermissionDenied("Không thể tự khóa tài khoản đang dùng. Hãy nhờ quản trị viên khác.")
            _keep_one_admin(session, user)
        user.disabled = disabled
        audit.append(session, actor=actor.username, action="user_disable" if disabled else "user_enable",
                     record_type="user", record_id=user.id, details={"username": user.username})
        # A re-enabled account gets no keys back: an admin grants them by resetting its password.
        wraps.revoke_if_not_allowed(session, user, actor=actor.username)
        return ACCOUNTS


def change_role(store: Store, actor: UserInfo, username: str, role: str) -> Changes:
    require_admin(actor)
    if role not in ROLES:
        raise ValidationError("Vai trò phải là admin (quản trị), officer (cán bộ) hoặc readonly (chỉ xem).", "role")
    with store.session() as session:
        user = _load(session, username)
        if user.role == role:
            return NO_CHANGES
        if role != "admin":
            _keep_one_admin(session, user)
        audit.append(session, actor=actor.username, action="user_role", record_type="user", record_id=user.id,
                     details={"username": user.username, "changes": {"role": [user.role, role]}})
        user.role = role
        wraps.revoke_if_not_allowed(session, user, actor=actor.username)
        return ACCOUNTS


def _check_new_password(password: str, store: Store | None = None, username: str = "") -> None:
    problem = accounts.password_problem(password, _role_of(store, username) if store else "officer")
    if problem:
        raise ValidationError(problem, "password")


def _role_of(store: Store, username: str) -> str:
    """The account's role (its password rule depends on it); an unknown name is refused later."""
    with store.session_factory() as session:
        role = session.scalar(select(User.role).where(User.username == normalise_username(username)))
    return role or "officer"


def reset_password(store: Store, actor: UserInfo, username: str, new_password: str,
                   actor_password: str | None = None) -> Changes:
    """Admin sets a new password for someone who forgot theirs; also lifts a lockout.

    The account's key wraps were under the password it forgot: they go. With ``actor_password`` (the
    admin's own, opening the admin's wraps) the keys are wrapped again under ``new_password``, so an
    admin or officer keeps merging; a wrong ``actor_password`` changes nothing.
    """
    require_admin(actor)
    _check_new_password(new_password, store, username)
    with store.session() as session:
        user = _load(session, username)
        if actor_password is not None:
            _grant(session, actor, actor_password, user.username, new_password, via="password_reset")
        else:
            wraps.remove_wraps(session, user, actor=actor.username, reason="password_reset")
        user.password_hash = accounts.hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        audit.append(session, actor=actor.username, action="password_reset", record_type="user",
                     record_id=user.id, details={"username": user.username})
        return ACCOUNTS


def change_own_password(store: Store, username: str, old_password: str, new_password: str) -> Changes:
    """The signed-in officer changes their password; the old one must be given again."""
    _check_new_password(new_password, store, username)
    if new_password == old_password:
        raise ValidationError("Mật khẩu mới phải khác mật khẩu hiện tại.", "password")
    with store.session() as session:
        user = _load(session, username)
        if user.disabled or not accounts.verify_password(user.password_hash, old_password):
            raise AuthError("Mật khẩu hiện tại không đúng. Mật khẩu chưa được đổi.")
        wraps.rewrap_own(session, user, old_password, new_password)
        for hook in PASSWORD_CHANGE_HOOKS:
            hook(session, user.username, old_password, new_password)
        user.password_hash = accounts.hash_password(new_password)
        audit.append(session, actor=user.username, action="password_change", record_type="user",
                     record_id=user.id, details={"username": user.username})
        return ACCOUNTS


def idle_lock_minutes(store: Store) -> int:
    """Minutes without keyboard or mouse before the window locks (0 = never)."""
    with store.session_factory() as session:
        row = session.get(Setting, IDLE_LOCK_KEY)
    try:
        return max(0, int(row.value)) if row is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def set_idle_lock_minutes(store: Store, actor: UserInfo, minutes: int) -> Changes:
    require_admin(actor)
    if not 0 <= minutes <= 240:
        raise ValidationError("Thời gian tự khóa phải từ 0 (không khóa) đến 240 phút.", "minutes")
    with store.session() as session:
        row = session.get(Setting, IDLE_LOCK_KEY)
        old = row.value if row is not None else str(DEFAULT_IDLE_MINUTES)
        if row is None:
            session.add(Setting(key=IDLE_LOCK_KEY, value=str(minutes)))
        else:
            row.value = str(minutes)
        audit.append(session, actor=actor.username, action="setting", record_type="setting",
                     record_id=IDLE_LOCK_KEY, details={"changes": {"value": [old, str(minutes)]}})
        return ACCOUNTS
