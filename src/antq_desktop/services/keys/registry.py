"""This installation's keys and the other units' public keys, kept in the store.

* ``LocalKey`` rows hold the public halves of this unit's keys; the private halves are wrapped
  once per authorised account (admin or officer) in ``KeyWrap`` rows, each under that account's
  own password (``services.keys.wraps``: made, re-wrapped, handed over and removed there).
* ``KnownKey`` rows are other units' public keys: the upper office's (``is_recipient``: we
  encrypt to it and accept its receipts) and, at an upper office, the communes' signing keys
  (``is_trusted``: the trust registry). A key id in a package header is only a hint: the
  reader checks the signature with the public key stored here.

Every function takes the caller's ``Session``: it runs inside the caller's transaction, so a
key is created with the profile, and a trust change commits with its audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from antq_desktop.domain.errors import (
    KeyProblem,  # noqa: F401  (re-exported: callers catch keys.KeyProblem)
)
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import BAD_PASSWORD, PackageError
from antq_desktop.exchange.keys import (
    PublicKeyRecord,
    TrustedKey,
    b64decode,
    b64encode,
    fingerprint,
    fingerprint_v2,
    key_id,
    read_public_key_file,
)
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.keys import reported, wraps
from antq_desktop.storage import audit
from antq_desktop.storage.models import KnownKey, LocalKey, UnitProfile

# Production Argon2id cost (64 MiB, t=3). One module-level store so tests and tools can see it.
KEYSTORE = KeyStore()


@dataclass(frozen=True)
class LocalKeyInfo:
    """What `antq key show` and the settings page display (no password needed)."""

    signing_key_id: str
    receiving_key_id: str
    fingerprint: str
    created_at: str
    retired_at: str | None
    changes: Changes = field(default=NO_CHANGES, compare=False)  # set by the front call that wrote the key


# ---- this installation's keys ----

def create_local_keys(session: Session, password: str, *, actor: str) -> LocalKey:
    """New key pair wrapped under ``password`` for the account ``actor`` (its first holder), stored in the
    caller's transaction with audit entries. The key row itself keeps the public halves only."""
    blob, public = KEYSTORE.create(password)
    row = LocalKey(key_id=public.signing_key_id, fingerprint=public.fingerprint,
                   blob=json.dumps(KeyStore.public_only(blob)))
    session.add(row)
    session.flush()
    audit.append(session, actor=actor, action="key_create", record_type="key", record_id=public.signing_key_id,
                 details={"fingerprint": public.fingerprint})
    wraps.wrap_new_key(session, row, blob, username=actor, password=password)
    return row


def active_local_key(session: Session) -> LocalKey | None:
    """The newest key that is not retired: the one packages are signed with (after announcement)."""
    return session.execute(select(LocalKey).where(LocalKey.retired_at.is_(None))
                           .order_by(LocalKey.created_at.desc(), LocalKey.key_id).limit(1)).scalar_one_or_none()


def require_local_key(session: Session) -> LocalKey:
    row = active_local_key(session)
    if row is None:
        raise KeyProblem("Máy này chưa có khóa của đơn vị. Quản trị viên hãy tạo khóa mới " + hint(
            gui="(trang Cài đặt → “Thiết lập lại đơn vị…” → tạo cặp khóa mới cho đơn vị)",
            cli="bằng lệnh “antq key rotate”") + " rồi gửi tệp khóa công khai cho cấp trên.", "NO_KEY")
    return row


def blob_of(row: LocalKey) -> dict[str, Any]:
    """The key's public blob (``KeyStore.public_info`` reads it; it holds nothing to unlock)."""
    blob: dict[str, Any] = json.loads(row.blob)
    return blob


def active_blob(session: Session, username: str | None = None) -> dict[str, Any]:
    """``username``'s wrap of the active key (unlock it with ``KeyStore.unlock(blob, password)``, that
    account's own password); KeyProblem when the account may not or does not hold it. Without a name:
    the wrap of the key's only holder (tools and tests on a one-officer unit)."""
    return wraps.wrapped_blob(session, username, require_local_key(session))


def paper_fingerprint(session: Session, row: LocalKey) -> str:
    """The fingerprint of this unit's key file (version 2: unit code, role and keys): what is read out on paper.

    ``LocalKey.fingerprint`` stays the keys-only (version 1) value used in audit entries.
    """
    public = KeyStore.public_info(blob_of(row))
    profile = session.get(UnitProfile, 1)
    if profile is None:
        return public.fingerprint
    return fingerprint_v2(profile.unit_code, profile.role, public.signing_public, public.receiving_public)


def local_key_info(row: LocalKey) -> LocalKeyInfo:
    public = KeyStore.public_info(blob_of(row))
    retired = f"{row.retired_at:%Y-%m-%d %H:%M}" if row.retired_at else None
    session = object_session(row)
    shown = paper_fingerprint(session, row) if session is not None else public.fingerprint
    return LocalKeyInfo(public.signing_key_id, public.receiving_key_id, shown,
                        f"{row.created_at:%Y-%m-%d %H:%M}", retired)


def own_receiving_key_id(session: Session) -> str | None:
    """The active receiving key id (what a package addressed to this office names)."""
    row = active_local_key(session)
    return KeyStore.public_info(blob_of(row)).receiving_key_id if row is not None else None


def local_key_for_receiving_key(session: Session, receiving_key_id: str) -> LocalKey | None:
    """The key (active or retired) whose receiving key has this id: packages encrypted to an older key still open."""
    for row in session.execute(select(LocalKey)).scalars():
        if KeyStore.public_info(blob_of(row)).receiving_key_id == receiving_key_id:
            return row
    return None


def blob_for_receiving_key(session: Session, receiving_key_id: str) -> dict[str, Any] | None:
    """The public blob of that key, or None when this unit has no such key."""
    row = local_key_for_receiving_key(session, receiving_key_id)
    return blob_of(row) if row is not None else None


def blob_for_signing_key(session: Session, signing_key_id: str, username: str | None = None) -> dict[str, Any] | None:
    """None when this unit has no such key; else ``username``'s wrap of it (the public blob without a name)."""
    row = session.execute(select(LocalKey).where(LocalKey.key_id == signing_key_id)).scalar_one_or_none()
    if row is None:
        return None
    return wraps.wrapped_blob(session, username, row) if username is not None else blob_of(row)


def unlock_message(exc: PackageError) -> str:
    if exc.code == BAD_PASSWORD:
        return ("Mật khẩu không mở được khóa của đơn vị. Khóa được mở bằng mật khẩu của chính tài khoản đang "
                "đăng nhập; hãy nhập lại đúng mật khẩu của bạn.")
    return exc.message_vi


def public_key_file(session: Session, password: str, username: str | None = None) -> bytes:
    """The ``.antqkey`` bytes for the active key, with this unit's code, name and role."""
    profile = session.get(UnitProfile, 1)
    assert profile is not None
    try:
        return KEYSTORE.export_public_key_file(active_blob(session, username), password, profile.unit_code,
                                               profile.unit_name, profile.role)
    except PackageError as exc:
        raise KeyProblem(unlock_message(exc), exc.code) from None


# ---- other units' keys ----

def record_of(row: KnownKey) -> PublicKeyRecord:
    created = row.enrolled_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return PublicKeyRecord(row.unit_code, row.unit_name, row.role, b64decode(row.signing_public, 32),
                           b64decode(row.receiving_public, 32), created, 1 if is_legacy_fingerprint(row) else 2)


def parse_key_file(data: bytes) -> PublicKeyRecord:
    try:
        return read_public_key_file(data)
    except PackageError as exc:
        raise KeyProblem("Tệp khóa công khai (.antqkey) không hợp lệ hoặc đã hỏng. Hãy xin lại tệp từ đơn vị kia "
                        f"và chép lại. ({exc.code})", exc.code) from None


def known_by_fingerprint(session: Session, fingerprint_text: str) -> KnownKey:
    wanted = fingerprint_text.strip().upper().replace(" ", "")
    for row in session.execute(select(KnownKey)).scalars():
        keys_only = fingerprint(b64decode(row.signing_public, 32), b64decode(row.receiving_public, 32))
        if wanted.replace("-", "") in (row.fingerprint.replace("-", ""), keys_only.replace("-", "")) \
                or row.key_id == fingerprint_text.strip():
            return row
    raise KeyProblem(f"Không có khóa nào có mã vân tay “{fingerprint_text}”. Hãy xem danh sách " + hint(
        gui="ở trang Khóa tin cậy các xã hoặc trang Gửi – nhận dữ liệu (khóa của cấp trên).",
        cli="bằng “antq trust list” hoặc “antq recipient show”."), "UNKNOWN_KEY")


def _upsert(session: Session, record: PublicKeyRecord, *, actor: str, source: str) -> KnownKey:
    row = session.execute(select(KnownKey).where(KnownKey.key_id == record.signing_key_id)).scalar_one_or_none()
    if row is None:
        row = KnownKey(key_id=record.signing_key_id, unit_code=record.unit_code, unit_name=record.unit_name,
                       role=record.role, signing_public=b64encode(record.signing_public),
                       receiving_public=b64encode(record.receiving_public), fingerprint=record.fingerprint,
                       source=source, enrolled_by=actor)
        session.add(row)
    return row


def set_recipient(session: Session, data: bytes, *, actor: str) -> KnownKey:
    """Make the upper office's key file the one packages are encrypted to (replacing any earlier one)."""
    from antq_desktop.services.authority import keys as authority

    record = parse_key_file(data)
    if authority.is_own_unit(session, record.unit_code):  # "cum-01" too: one folded form (authority K10)
        raise KeyProblem("Đây là tệp khóa của chính đơn vị này, không phải của cấp trên. Hãy chọn tệp khóa công khai "
                        "do đơn vị cấp trên gửi.", "OWN_KEY")
    for other in session.execute(select(KnownKey).where(KnownKey.is_recipient.is_(True))).scalars():
        other.is_recipient = False
    row = _upsert(session, record, actor=actor, source="recipient")
    if row.revoked_at is not None:
        raise KeyProblem("Khóa này đã bị thu hồi trước đây, không dùng làm khóa nhận được. Hãy xin cấp trên tệp "
                        "khóa mới.", "REVOKED_KEY")
    row.is_recipient = True
    session.flush()
    audit.append(session, actor=actor, action="recipient_set", record_type="key", record_id=row.key_id,
                 details={"unit_code": record.unit_code, "fingerprint": record.fingerprint})
    return row


def recipient(session: Session) -> KnownKey | None:
    return session.execute(select(KnownKey).where(KnownKey.is_recipient.is_(True),
                                                  KnownKey.revoked_at.is_(None))).scalar_one_or_none()


def recipient_record(session: Session) -> PublicKeyRecord | None:
    row = recipient(session)
    return record_of(row) if row is not None else None


def trust_add(session: Session, data: bytes, *, actor: str, replaces: str | None = None,
              note: str | None = None, role: str | None = None, communes: list[str] | None = None) -> KnownKey:
    """Enrol a unit's key after the officer compared the fingerprint with the paper copy.

    The role is the clerk's (``role``, default commune), never the key file's: a file claiming
    another role is refused until the clerk chooses. ``communes``: an office's catchment.
    """
    record = parse_key_file(data)
    old = known_by_fingerprint(session, replaces) if replaces else None
    if old is not None and old.unit_code != record.unit_code:
        raise KeyProblem(f"Khóa cũ thuộc đơn vị {old.unit_code}, khóa mới thuộc {record.unit_code}: không thay được. "
                        "Hãy kiểm tra lại hai tệp khóa.", "SIGNER_MISMATCH")
    # A replacement key keeps the role this office gave the key it replaces, unless the clerk says otherwise.
    inherited = role or (old.role if old is not None and old.source in ("enrolled", "announced") else None)
    chosen = authority.enrolment_role(session, record.unit_code, record.role, inherited)
    existing = session.execute(select(KnownKey).where(KnownKey.key_id == record.signing_key_id)).scalar_one_or_none()
    authority.enrolment_clash(existing, record.unit_code)
    if existing is not None and existing.revoked_at is not None:
        raise KeyProblem("Khóa này đã bị thu hồi, không đăng ký lại được. Đơn vị kia cần tạo khóa mới.", "REVOKED_KEY")
    row = _upsert(session, record, actor=actor, source="enrolled")
    # Enrolling by hand makes the key this office's own decision, whatever it was known as before
    # (a vouched key becomes enrolled); the upper office's own key keeps its "recipient" source.
    row.role, row.is_trusted = chosen, True
    if row.source != "recipient":
        row.source = "enrolled"
    row.note = note or row.note
    if old is not None:
        row.replaces_key_id = old.key_id
    session.flush()
    if communes is not None:
        set_catchment(session, record.unit_code, communes, actor=actor)
    audit.append(session, actor=actor, action="trust_add", record_type="key", record_id=row.key_id,
                 details={"unit_code": record.unit_code, "role": chosen, "fingerprint": record.fingerprint,
                          "replaces": old.key_id if old is not None else None})
    return row


def set_catchment(session: Session, office_unit: str, communes: list[str], *, actor: str) -> list[str]:
    """Record which communes the office ``office_unit`` may vouch keys for (with an audit entry)."""
    enrolled = [r for r in session.execute(select(KnownKey).where(KnownKey.unit_code == office_unit)).scalars()
                if r.role in authority.OFFICE_ROLES]
    if not enrolled:
        raise KeyProblem(f"Đơn vị {office_unit} chưa được đăng ký là cơ quan cấp cụm/huyện ở đây; hãy đăng ký khóa "
                        "của đơn vị đó với cấp cụm/huyện trước.", "NOT_AN_OFFICE")
    wanted = authority.set_catchment(session, office_unit, communes, actor=actor)
    audit.append(session, actor=actor, action="office_catchment", record_type="key", record_id=office_unit,
                 details={"office": office_unit, "communes": wanted})
    return wanted


def catchment(session: Session, office_unit: str) -> list[str]:
    return authority.catchment(session, office_unit)


@dataclass(frozen=True)
class Revocation:
    """A revoked key and the keys revoked with it because it had announced them."""

    row: KnownKey
    also: list[KnownKey]


def trust_revoke(session: Session, fingerprint_text: str, *, actor: str, reason: str | None = None,
                 since: datetime | None = None) -> Revocation:
    """Revoke a key and every key it announced (transitively) whose announcement came at or after ``since``
    (default: all): a thief holding the old key may have announced a key of their own."""
    row = known_by_fingerprint(session, fingerprint_text)
    also = [k for k in authority.revocation_cascade(session, row, since) if k.revoked_at is None]
    for target in ([row] if row.revoked_at is None else []) + also:
        cascade = target is not row
        why = f"Khóa {row.fingerprint} đã thông báo khóa này bị thu hồi" + (f": {reason}" if reason else "")
        authority.revoke_row(target, actor=actor, reason=why if cascade else reason)
        session.flush()
        audit.append(session, actor=actor, action="trust_revoke", record_type="key", record_id=target.key_id,
                     details={"unit_code": target.unit_code, "fingerprint": target.fingerprint, "reason": reason,
                              "cascade_from": row.key_id if cascade else None, "since": since})
    return Revocation(row, also)


ROLE_LABELS = {"commune": "xã/phường", "district": "cụm/huyện", "province": "tỉnh"}


def source_label(row: KnownKey) -> str:
    """Where this office got the key: never the bare word "vouched" (who vouched matters)."""
    if row.source == "vouched":
        return f"bảo lãnh bởi {row.enrolled_by}"
    if row.source == "announced":
        return "thông báo (thay khóa cũ)"
    return {"enrolled": "đăng ký tại đây", "recipient": "khóa cấp trên"}.get(row.source, row.source)


def is_legacy_fingerprint(row: KnownKey) -> bool:
    """True for a key from a version 1 file: its fingerprint covers the two public keys only."""
    return row.fingerprint == fingerprint(b64decode(row.signing_public, 32), b64decode(row.receiving_public, 32))


def role_label(row: KnownKey) -> str:
    return ROLE_LABELS.get(row.role, row.role)


def list_known(session: Session) -> list[KnownKey]:
    return list(session.execute(select(KnownKey).order_by(KnownKey.unit_code, KnownKey.enrolled_at)).scalars())


def trusted_key(row: KnownKey, report: reported.Report | None = None) -> TrustedKey:
    """``report``: an office reported this key's revocation; its refusal then says what the commune must do."""
    public = b64decode(row.signing_public, 32)
    assert key_id(public) == row.key_id
    revoked = row.revoked_at is not None
    note = reported.refusal(row.unit_code, report) if revoked and report is not None else None
    return TrustedKey(row.key_id, row.unit_code, public, revoked=revoked, revoked_note=note)


def trusted_lookup(session: Session) -> Callable[[str], TrustedKey | None]:
    """A ``package_reader.verify`` lookup over the trust registry.

    Trusted keys come back as ``TrustedKey``; revoked ones with ``revoked=True`` so the reader
    says REVOKED_KEY rather than UNKNOWN_KEY; untrusted or missing ones as None (UNKNOWN_KEY).
    The rows are read once, so the lookup may be used after the session closes.
    """
    rows = session.execute(select(KnownKey).where(KnownKey.is_trusted.is_(True))).scalars()
    reports = reported.reports(session)
    table = {row.key_id: trusted_key(row, reports.get(row.key_id)) for row in rows}
    return table.get


def recipient_lookup(session: Session) -> Callable[[str], TrustedKey | None]:
    """Keys whose signatures a commune accepts on receipts: every upper-office key it imported."""
    rows = session.execute(select(KnownKey).where(KnownKey.source == "recipient")).scalars()
    table = {row.key_id: trusted_key(row) for row in rows}
    return table.get
