"""Replacing a unit's key pair: the new key is announced in a package signed by the old one.

Format of the ``key_announcement`` record: docs/package-format.md, section 12.2. The
announcement is built once, at rotation time (the password is at hand then), and kept in a
setting until the next export carries it; that export is signed by the old key.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import (
    TrustedKey,
    b64decode,
    b64encode,
    check_key_id,
    read_public_key_file,
    utc_now_text,
    verify_ed25519,
)
from antq_desktop.exchange.strict_json import canonical_dumps
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import wraps
from antq_desktop.services.keys.registry import KeyProblem
from antq_desktop.storage import audit
from antq_desktop.storage.models import KnownKey, LocalKey, Setting, utcnow

RECORD_TYPE = "key_announcement"
SIG_TAG = b"ANTQ-KEY-ANNOUNCE-v1\x00"
PENDING_SETTING = "exchange.pending_key_announcement"
FIELDS = {"type", "id", "origin_unit", "old_signing_key_id", "announced_at", "new_key_file", "old_key_signature"}


def _signed_message(record: dict[str, Any]) -> bytes:
    return SIG_TAG + canonical_dumps({k: v for k, v in record.items() if k != "old_key_signature"})


def _retire(old: LocalKey, reason: str) -> None:
    old.retired_at = utcnow()
    old.retired_reason = reason[:400]


def rotate(session: Session, password: str, *, actor: str, new_enrolment: bool = False) -> LocalKey:
    """New key pair, wrapped for ``actor`` (``password`` is that account's own). Normally announced by the
    next export (signed by the old key, so ``password`` must open ``actor``'s wrap of it) and handed over
    to the other holders of the old key, who take it at their next sign-in (``wraps.hand_over``).
    ``new_enrolment``: lost password or stolen key, the old key is only retired, nobody else gets the new
    one until an admin resets their password, and the upper office must enrol the new public key file."""
    old = keys.require_local_key(session) if not new_enrolment else keys.active_local_key(session)
    announcer = None if new_enrolment else _announcer(session, old)
    announcement = None
    if announcer is not None:
        try:
            wraps.unlock(session, actor, password, announcer).close()
        except PackageError as exc:
            raise KeyProblem(keys.unlock_message(exc), exc.code) from None
    new = keys.create_local_keys(session, password, actor=actor)
    if old is not None:
        _retire(old, f"Thay bằng khóa {new.fingerprint}")
    if old is not None and not new_enrolment:
        with wraps.unlock(session, actor, password, new) as new_keys:
            wraps.hand_over(session, new, new_keys, old, actor=actor)
    if announcer is not None:
        announcement = build_announcement(session, announcer, new, password, actor)
    _set_pending(session, announcement)
    audit.append(session, actor=actor, action="key_rotate", record_type="key", record_id=new.key_id,
                 details={"fingerprint": new.fingerprint, "old_key_id": old.key_id if old else None,
                          "announced": announcement is not None})
    return new


def _announcer(session: Session, current: LocalKey | None) -> LocalKey | None:
    """The key the office knows: if an earlier rotation was never announced, its old key still speaks."""
    pending = pending_announcement(session)
    if pending is None:
        return current
    return session.execute(select(LocalKey).where(LocalKey.key_id == pending["old_signing_key_id"])
                           ).scalar_one_or_none()


def build_announcement(session: Session, old: LocalKey, new: LocalKey, password: str,
                       actor: str | None = None) -> dict[str, Any]:
    key_file = keys.KEYSTORE.export_public_key_file(
        wraps.wrapped_blob(session, actor, new), password, *_unit(session))
    record: dict[str, Any] = {
        "type": RECORD_TYPE,
        "id": new.key_id,
        "origin_unit": _unit(session)[0],
        "old_signing_key_id": old.key_id,
        "announced_at": utc_now_text(),
        "new_key_file": key_file.decode("utf-8").rstrip("\n"),
    }
    with wraps.unlock(session, actor or wraps.sole_holder(session, old), password, old) as unlocked:
        record["old_key_signature"] = b64encode(unlocked.sign(_signed_message(record)))
    return record


def _unit(session: Session) -> tuple[str, str, str]:
    from antq_desktop.storage.models import UnitProfile

    profile = session.get(UnitProfile, 1)
    assert profile is not None
    return profile.unit_code, profile.unit_name, profile.role


def _set_pending(session: Session, record: dict[str, Any] | None) -> None:
    row = session.get(Setting, PENDING_SETTING)
    if record is None:
        if row is not None:
            session.delete(row)
        return
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=PENDING_SETTING, value=text))
    else:
        row.value = text


def pending_announcement(session: Session) -> dict[str, Any] | None:
    """The announcement the next export must carry (and be signed by its old key), or None."""
    row = session.get(Setting, PENDING_SETTING)
    return json.loads(row.value) if row is not None else None


def mark_announced(session: Session, package_uuid: str, *, actor: str) -> None:
    """Called by the export after the package that carries the announcement was written."""
    record = pending_announcement(session)
    if record is None:
        return
    _set_pending(session, None)
    audit.append(session, actor=actor, action="key_announce", record_type="key", record_id=record["id"],
                 details={"package_uuid": package_uuid, "old_key_id": record["old_signing_key_id"]})


# ---- upper office: accepting an announcement found in a verified package ----

def _refuse(message: str, code: str = "BAD_ANNOUNCEMENT") -> KeyProblem:
    return KeyProblem(message, code)


def check_announcement(record: dict[str, Any], signer: TrustedKey) -> Any:
    """The announced key's ``PublicKeyRecord`` if the record is valid for this package signer."""
    bad = _refuse("Thông báo đổi khóa trong gói không hợp lệ (chữ ký hoặc đơn vị không khớp). Khóa mới không được "
                  "ghi nhận; hãy đăng ký khóa mới bằng tay sau khi đối chiếu mã vân tay.")
    if set(record) != FIELDS or record.get("type") != RECORD_TYPE:
        raise bad
    try:
        check_key_id(record["old_signing_key_id"], "old_signing_key_id")
        signature = b64decode(record["old_key_signature"], 64, "old_key_signature")
        new = read_public_key_file(str(record["new_key_file"]).encode("utf-8") + b"\n")
    except (PackageError, TypeError):
        raise bad from None
    if record["old_signing_key_id"] != signer.key_id or not verify_ed25519(
            signer.signing_public, signature, _signed_message(record)):
        raise bad
    if not (new.unit_code == record["origin_unit"] == signer.unit_code) or record["id"] != new.signing_key_id:
        raise bad
    return new


def accept_announcement(session: Session, record: dict[str, Any], *, signer: TrustedKey, actor: str) -> KnownKey:
    """Record the announced key as trusted (source "announced", replaces the signer's key).

    The new key inherits the unit and role this office gave the signer's key; a key file that
    claims another role is refused (NOT_AUTHORISED), never taken (services.authority.keys).
    """
    new = check_announcement(record, signer)
    signer_row = session.execute(select(KnownKey).where(KnownKey.key_id == signer.key_id)).scalar_one_or_none()
    if signer_row is None:
        raise _refuse("Khóa ký gói không có trong danh sách khóa tin cậy; thông báo đổi khóa không được ghi nhận.")
    unit_code, role = authority.announced_identity(signer_row, new.unit_code, new.role)
    row = session.execute(select(KnownKey).where(KnownKey.key_id == new.signing_key_id)).scalar_one_or_none()
    if row is not None and row.revoked_at is not None:
        raise _refuse("Khóa mới được thông báo đã bị thu hồi ở đây trước đó; không ghi nhận lại.", "REVOKED_KEY")
    if row is None:
        row = KnownKey(key_id=new.signing_key_id, unit_code=unit_code, unit_name=new.unit_name, role=role,
                       signing_public=b64encode(new.signing_public), receiving_public=b64encode(new.receiving_public),
                       fingerprint=new.fingerprint, source="announced", replaces_key_id=signer.key_id,
                       enrolled_by=actor, is_trusted=True)
        session.add(row)
        session.flush()
        audit.append(session, actor=actor, action="key_announced", record_type="key", record_id=row.key_id,
                     details={"unit_code": new.unit_code, "fingerprint": new.fingerprint,
                              "replaces": signer.key_id})
    return row
