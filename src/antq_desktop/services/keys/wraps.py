"""The office's private keys wrapped once per authorised account (issue 17, point 1).

Every admin or officer of the unit opens and signs with the unit's keys through their OWN password:
each local key (active and retired: packages encrypted to an older receiving key still open) has one
``KeyWrap`` row per account, its private halves wrapped under an Argon2id KEK derived from that
account's password (the keystore blob format, at the cost of the wrap it was copied from).

A wrap is only ever made where the keys are in memory AND the account's password is being typed or
set, so no key is ever wrapped under a password nobody knows:
- ``initialise`` / ``rotate``: the acting admin's wrap of the new key;
- ``grant_all``: an admin creating an account, or resetting its password, unlocks their own wraps
  with their own password and wraps the keys under the password they are setting;
- ``rewrap_own``: an account changing its own password;
- ``pick_up`` at sign-in: a ``legacy`` wrap (from before migration 0012) claimed by the account whose
  password opens it, and a rotated-in key ``handover`` sealed to the previous receiving key, opened with
  the account's wrap of that key.
Disabling an account or giving it the read-only role removes its wraps (``revoke_if_not_allowed``);
``wrapped_blob`` refuses any row of an account that is disabled or read-only even if one were left.
Every wrap, claim, hand-over and removal is an audit entry. Model: docs/security.md, section 11.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import KeyProblem
from antq_desktop.domain.fronts import hint
from antq_desktop.domain.text_hygiene import normalise_username
from antq_desktop.exchange.errors import BAD_PASSWORD, PackageError
from antq_desktop.exchange.keys import utc_now_text
from antq_desktop.exchange.keystore import KeyStore, PublicKeys, UnlockedKeys, kdf_of
from antq_desktop.storage import audit
from antq_desktop.storage.models import KeyWrap, LocalKey, User

_LOG = logging.getLogger(__name__)
AUTHORISED_ROLES = frozenset({"admin", "officer"})
ACCOUNT, LEGACY, HANDOVER = "account", "legacy", "handover"
NOT_HOLDER = "NOT_AUTHORISED"
NO_WRAP = "NO_KEY_ACCESS"


def may_hold_keys(user: User | None) -> bool:
    """Only an active admin or officer of this store may hold the unit's keys."""
    return user is not None and not user.disabled and user.role in AUTHORISED_ROLES


def find_user(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == normalise_username(username))).scalar_one_or_none()


def public_of(row: LocalKey) -> PublicKeys:
    return KeyStore.public_info(json.loads(row.blob))


def _local_keys(session: Session) -> list[LocalKey]:
    return list(session.execute(select(LocalKey).order_by(LocalKey.created_at, LocalKey.key_id)).scalars())


def account_wrap(session: Session, user: User, key_id: str) -> KeyWrap | None:
    return session.execute(select(KeyWrap).where(KeyWrap.key_id == key_id, KeyWrap.user_id == user.id,
                                                 KeyWrap.kind == ACCOUNT)).scalar_one_or_none()


def _active_key(session: Session) -> LocalKey | None:
    return session.execute(select(LocalKey).where(LocalKey.retired_at.is_(None))
                           .order_by(LocalKey.created_at.desc()).limit(1)).scalar_one_or_none()


def holds_keys(session: Session, user: User) -> bool:
    """The account may use the unit's keys and holds its wrap of the active (newest) key."""
    active = _active_key(session)
    return may_hold_keys(user) and active is not None and account_wrap(session, user, active.key_id) is not None


def opens_own_wrap(session: Session, user: User, password: str, *, time_cost: int,
                   memory_cost_kib: int) -> bool | None:
    """The sign-in's password check done on the account's own wrap of the active key, so that a command
    which then unlocks that wrap derives once (docs/security.md, section 4). True: the wrap opens under
    ``password`` (ChaCha20-Poly1305 authenticated both private halves under the Argon2id KEK); False: it
    does not; None: no wrap fit to be the check — none, not this unit's key, unreadable, or derived at a
    lower cost (``time_cost`` passes, ``memory_cost_kib``) than the account's password hash: the caller
    checks the hash instead."""
    active = _active_key(session) if may_hold_keys(user) else None
    wrap = account_wrap(session, user, active.key_id) if active is not None else None
    if active is None or wrap is None:
        return None
    try:
        blob = json.loads(wrap.blob)
        cost = kdf_of(blob)
        if KeyStore.public_info(blob) != public_of(active):
            return None
    except (PackageError, ValueError, TypeError, AttributeError):
        return None
    if cost.time_cost < time_cost or cost.memory_cost_kib < memory_cost_kib:
        return None
    try:
        KeyStore.unlock(blob, password).close()
    except PackageError as exc:
        if exc.code == BAD_PASSWORD:
            return False
        return None
    return True


# ---- reading a wrap ----

def _not_holder(username: str) -> KeyProblem:
    return KeyProblem(f"Tài khoản “{username}” không được dùng khóa của đơn vị (tài khoản đã bị khóa, chỉ xem "
                      "hoặc không có ở đây). Hãy đăng nhập bằng tài khoản quản trị hoặc cán bộ của đơn vị.", NOT_HOLDER)


def _no_wrap(username: str) -> KeyProblem:
    return KeyProblem(f"Tài khoản “{username}” chưa được cấp khóa của đơn vị. Quản trị viên giữ khóa hãy đặt lại "
                      "mật khẩu cho tài khoản này " + hint(gui="(trang Tài khoản → “Đặt lại mật khẩu…”)",
                                                          cli="(lệnh: antq --user QUẢN_TRỊ user passwd "
                                                              f"{username})") +
                      " để cấp khóa; nếu khóa vừa được thay, hãy đăng nhập lại để nhận khóa mới.", NO_WRAP)


def sole_holder(session: Session, key_row: LocalKey) -> str:
    """The one account holding this key, for callers that name none (scripts and tools on a one-officer unit,
    as the CLI's ``--user`` defaults to the only account); KeyProblem when there are several or none."""
    names = [user.username for wrap in session.execute(select(KeyWrap).where(
        KeyWrap.key_id == key_row.key_id, KeyWrap.kind == ACCOUNT)).scalars()
             if (user := session.get(User, wrap.user_id)) is not None and may_hold_keys(user)]
    if len(names) != 1:
        raise KeyProblem("Không rõ dùng khóa của tài khoản nào: hãy đăng nhập bằng tài khoản giữ khóa của đơn vị"
                         + hint(gui="", cli=" (--user TÊN_ĐĂNG_NHẬP)") + ".", NO_WRAP)
    return names[0]


def wrapped_blob(session: Session, username: str | None, key_row: LocalKey) -> dict[str, Any]:
    """This account's wrap of the key (unlock it with the account's password); KeyProblem when it has none.
    ``username`` None: the key's only holder (``sole_holder``)."""
    username = username if username is not None else sole_holder(session, key_row)
    user = find_user(session, username)
    if user is None or not may_hold_keys(user):
        raise _not_holder(username)
    wrap = account_wrap(session, user, key_row.key_id)
    if wrap is None:
        raise _no_wrap(user.username)
    blob: dict[str, Any] = json.loads(wrap.blob)
    # A row swapped in from another store (another unit's keys) must never sign under this unit's key id.
    if KeyStore.public_info(blob) != public_of(key_row):
        raise KeyProblem("Bản khóa của tài khoản không khớp với khóa của đơn vị (dữ liệu khóa bị sửa). Hãy nhờ "
                         "quản trị viên đặt lại mật khẩu cho tài khoản này để cấp lại khóa.", "MALFORMED")
    return blob


def unlock(session: Session, username: str, password: str, key_row: LocalKey) -> UnlockedKeys:
    """The key's private halves through this account's own wrap (PackageError BAD_PASSWORD if wrong)."""
    return KeyStore.unlock(wrapped_blob(session, username, key_row), password)


# ---- making and removing wraps ----

def put_wrap(session: Session, user: User, key_row: LocalKey, keys: UnlockedKeys, password: str, *,
             actor: str, via: str, cost_from: dict[str, Any] | None = None) -> None:
    """Wrap ``keys`` for ``user`` under ``password`` (replacing its earlier wrap of this key); audited."""
    if keys.public != public_of(key_row):
        raise KeyProblem("Khóa đang mở không phải khóa của đơn vị; không cấp được.", "MALFORMED")
    store = KeyStore(kdf_of(cost_from)) if cost_from is not None else KeyStore()
    blob = store.seal_unlocked(keys, password, utc_now_text())
    wrap = account_wrap(session, user, key_row.key_id)
    if wrap is None:
        session.add(KeyWrap(key_id=key_row.key_id, user_id=user.id, kind=ACCOUNT, blob=json.dumps(blob),
                            created_by=actor))
    else:
        wrap.blob, wrap.created_by = json.dumps(blob), actor
    session.flush()
    audit.append(session, actor=actor, action="key_wrap", record_type="user", record_id=user.id,
                 details={"username": user.username, "key_id": key_row.key_id, "via": via})


def remove_wraps(session: Session, user: User, *, actor: str, reason: str) -> int:
    """Delete every wrap of this account (audited with the reason); returns how many."""
    rows = list(session.execute(select(KeyWrap).where(KeyWrap.user_id == user.id)).scalars())
    for row in rows:
        session.delete(row)
    session.flush()
    if rows:
        audit.append(session, actor=actor, action="key_unwrap", record_type="user", record_id=user.id,
                     details={"username": user.username, "key_ids": sorted(r.key_id for r in rows),
                              "reason": reason})
        _prune_handovers(session, actor=actor)
    return len(rows)


def revoke_if_not_allowed(session: Session, user: User, *, actor: str) -> int:
    """After a disable or a role change: an account that may no longer hold the keys loses its wraps."""
    if may_hold_keys(user):
        return 0
    return remove_wraps(session, user, actor=actor, reason="disabled" if user.disabled else f"role {user.role}")


def grant_all(session: Session, *, grantor: str, grantor_password: str, user: User, password: str,
              via: str) -> int:
    """An admin wraps every key they hold for ``user`` under ``password`` (the one being set for it).

    The account's earlier wraps (under a password it forgot) go first. The grantor's keys are unlocked
    before anything is written: a wrong grantor password leaves the store as it was."""
    opened = _unlock_all(session, grantor, grantor_password)
    try:
        remove_wraps(session, user, actor=grantor, reason=via)
        if not may_hold_keys(user):
            return 0
        for key_row, keys, blob in opened:
            put_wrap(session, user, key_row, keys, password, actor=grantor, via=via, cost_from=blob)
        return len(opened)
    finally:
        for _row, keys, _blob in opened:
            keys.close()


def _unlock_all(session: Session, username: str,
                password: str) -> list[tuple[LocalKey, UnlockedKeys, dict[str, Any]]]:
    grantor = find_user(session, username)
    if grantor is None or grantor.role != "admin" or grantor.disabled:
        raise _not_holder(username)
    opened: list[tuple[LocalKey, UnlockedKeys, dict[str, Any]]] = []
    try:
        for key_row in _local_keys(session):
            if account_wrap(session, grantor, key_row.key_id) is None:
                continue
            blob = wrapped_blob(session, username, key_row)
            opened.append((key_row, KeyStore.unlock(blob, password), blob))
    except PackageError as exc:
        for _row, keys, _blob in opened:
            keys.close()
        if exc.code == BAD_PASSWORD:
            raise KeyProblem("Mật khẩu của quản trị viên không mở được khóa của đơn vị; chưa có gì thay đổi. "
                             "Hãy nhập đúng mật khẩu của chính bạn.", BAD_PASSWORD) from None
        raise
    return opened  # an admin who holds no keys grants none (the account's old wraps still go)


def rewrap_own(session: Session, user: User, old_password: str, new_password: str) -> int:
    """The account's own wraps, re-wrapped under its new password (fresh salts); audited as key_rewrap.

    A wrap its current password does not open is useless and is dropped (audited), never left behind."""
    count, stale = 0, []
    for wrap in session.execute(select(KeyWrap).where(KeyWrap.user_id == user.id)).scalars():
        blob = json.loads(wrap.blob)
        try:
            wrap.blob = json.dumps(KeyStore(kdf_of(blob)).rewrap(blob, old_password, new_password))
            count += 1
        except PackageError as exc:
            if exc.code != BAD_PASSWORD:
                raise
            stale.append(wrap)
    for wrap in stale:
        session.delete(wrap)
    session.flush()
    if count:
        audit.append(session, actor=user.username, action="key_rewrap", record_type="user", record_id=user.id,
                     details={"username": user.username, "keys": count})
    if stale:
        audit.append(session, actor=user.username, action="key_unwrap", record_type="user", record_id=user.id,
                     details={"username": user.username, "key_ids": sorted(w.key_id for w in stale),
                              "reason": "stale"})
    return count


# ---- new keys ----

def wrap_new_key(session: Session, key_row: LocalKey, keystore_blob: dict[str, Any], *, username: str,
                 password: str) -> None:
    """A key just created under ``password``: that blob becomes ``username``'s wrap (its first holder).
    ``password`` must be the account's own: a key is never wrapped under a password the account does not use."""
    user = find_user(session, username)
    if user is None or not may_hold_keys(user):
        raise _not_holder(username)
    if not _is_password_of(user, password):
        raise KeyProblem("Mật khẩu không phải mật khẩu đăng nhập của tài khoản “" + user.username + "”: khóa mới "
                         "phải được bọc bằng mật khẩu của chính tài khoản tạo nó. Hãy nhập lại đúng mật khẩu.",
                         BAD_PASSWORD)
    session.add(KeyWrap(key_id=key_row.key_id, user_id=user.id, kind=ACCOUNT, blob=json.dumps(keystore_blob),
                        created_by=user.username))
    session.flush()
    audit.append(session, actor=user.username, action="key_wrap", record_type="user", record_id=user.id,
                 details={"username": user.username, "key_id": key_row.key_id, "via": "create"})


def hand_over(session: Session, new_row: LocalKey, new_keys: UnlockedKeys, old_row: LocalKey, *,
              actor: str) -> None:
    """Seal the new key pair to the previous receiving key: its other holders take it at their next sign-in."""
    old_public = public_of(old_row)
    sealed = KeyStore.hand_over(new_keys, old_public.receiving_public)
    session.add(KeyWrap(key_id=new_row.key_id, user_id=None, kind=HANDOVER, sealed_to=old_public.receiving_key_id,
                        blob=base64.b64encode(sealed).decode("ascii"), created_by=actor))
    session.flush()
    audit.append(session, actor=actor, action="key_handover", record_type="key", record_id=new_row.key_id,
                 details={"sealed_to": old_public.receiving_key_id, "old_key_id": old_row.key_id})
    _prune_handovers(session, actor=actor)


def _is_password_of(user: User, password: str) -> bool:
    # argon2's own check of the account's hash (the hash carries its parameters): services.accounts
    # imports this module, so its verify_password cannot be imported here.
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# ---- at sign-in ----

def pick_up(session: Session, user: User, password: str) -> int:
    """Wraps this account can make for itself now that its password is typed: legacy claims and hand-overs."""
    if not may_hold_keys(user):
        return 0
    count = 0
    for key_row in _local_keys(session):  # oldest first: a hand-over opens with the key before it
        try:
            if account_wrap(session, user, key_row.key_id) is None and (
                    _claim_legacy(session, user, key_row, password)
                    or _take_handover(session, user, key_row, password)):
                count += 1
        except (PackageError, KeyProblem, ValueError):
            # A damaged key row must not stop the sign-in: using that key says what is wrong.
            _LOG.warning("key %s: waiting wrap not taken (damaged row)", key_row.key_id)
    if count:
        _prune_handovers(session, actor=user.username)
    return count


def _claim_legacy(session: Session, user: User, key_row: LocalKey, password: str) -> bool:
    for wrap in session.execute(select(KeyWrap).where(KeyWrap.key_id == key_row.key_id,
                                                      KeyWrap.kind == LEGACY)).scalars():
        blob = json.loads(wrap.blob)
        try:
            KeyStore.unlock(blob, password).close()
        except PackageError:
            continue
        if KeyStore.public_info(blob) != public_of(key_row):
            continue
        wrap.user_id, wrap.kind = user.id, ACCOUNT
        session.flush()
        audit.append(session, actor=user.username, action="key_wrap_claim", record_type="user", record_id=user.id,
                     details={"username": user.username, "key_id": key_row.key_id})
        return True
    return False


def _take_handover(session: Session, user: User, key_row: LocalKey, password: str) -> bool:
    for wrap in session.execute(select(KeyWrap).where(KeyWrap.key_id == key_row.key_id,
                                                      KeyWrap.kind == HANDOVER)).scalars():
        older = _by_receiving_key(session, wrap.sealed_to or "")
        holder_wrap = account_wrap(session, user, older.key_id) if older is not None else None
        if older is None or holder_wrap is None:
            continue
        try:
            holder_blob = wrapped_blob(session, user.username, older)
            with KeyStore.unlock(holder_blob, password) as holder, \
                    KeyStore.take_over(base64.b64decode(wrap.blob), holder, key_row.key_id) as keys:
                put_wrap(session, user, key_row, keys, password, actor=user.username, via="handover",
                         cost_from=holder_blob)
        except (PackageError, KeyProblem, ValueError):
            continue
        return True
    return False


def _by_receiving_key(session: Session, receiving_key_id: str) -> LocalKey | None:
    for row in _local_keys(session):
        if public_of(row).receiving_key_id == receiving_key_id:
            return row
    return None


def _prune_handovers(session: Session, *, actor: str) -> None:
    """A hand-over stays only while some account that may hold the keys holds the older key but not the new."""
    for wrap in list(session.execute(select(KeyWrap).where(KeyWrap.kind == HANDOVER)).scalars()):
        if not _still_waiting(session, wrap):
            session.delete(wrap)
            session.flush()
            audit.append(session, actor=actor, action="key_handover_done", record_type="key", record_id=wrap.key_id,
                         details={"sealed_to": wrap.sealed_to})


def _still_waiting(session: Session, handover: KeyWrap) -> bool:
    older = _by_receiving_key(session, handover.sealed_to or "")
    if older is None:
        return False
    for holder in session.execute(select(KeyWrap).where(KeyWrap.key_id == older.key_id,
                                                        KeyWrap.kind == ACCOUNT)).scalars():
        user = session.get(User, holder.user_id) if holder.user_id else None
        if user is not None and may_hold_keys(user) and account_wrap(session, user, handover.key_id) is None:
            return True
    return False
