"""`antq verify`: is this package intact, from a trusted and unrevoked key, and addressed to this office?

Nothing is decrypted or merged; the attempt is logged (``import_log``) either way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MESSAGES_VI, WRONG_RECIPIENT, PackageError
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import import_log
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import KnownKey

TRUST_LABELS = {"trusted": "đã đăng ký, tin cậy", "revoked": "ĐÃ THU HỒI", "unknown": "CHƯA ĐĂNG KÝ",
                "untrusted": "có trong danh sách nhưng chưa được tin cậy"}


@dataclass(frozen=True)
class VerifyOutcome:
    ok: bool
    code: str | None
    message: str
    header: PackageHeader | None  # verified if ok, else the claimed header (or None if unreadable)
    signer_fingerprint: str | None
    trust: str  # trusted | revoked | unknown | untrusted
    package_sha256: str = ""


def _trust(store: Store, header: PackageHeader | None) -> tuple[str | None, str]:
    if header is None:
        return None, "unknown"
    with store.session_factory() as session:
        row = session.execute(select(KnownKey).where(KnownKey.key_id == header.signer_key_id)).scalar_one_or_none()
    if row is None:
        return None, "unknown"
    if row.revoked_at is not None:
        return row.fingerprint, "revoked"
    return row.fingerprint, "trusted" if row.is_trusted else "untrusted"


def _my_receiving_id(store: Store, header: PackageHeader) -> str | None:
    """Our receiving key the package names (an older key still counts), else the active one."""
    with store.session_factory() as session:
        if header.recipient_key_id and keys.blob_for_receiving_key(session, header.recipient_key_id) is not None:
            return header.recipient_key_id
        return keys.own_receiving_key_id(session)


def verify_file(store: Store, path: str | os.PathLike[str], *, actor: str) -> VerifyOutcome:
    path = Path(path)
    claimed: PackageHeader | None = None
    try:
        claimed = package_reader.inspect(path)
        with store.session_factory() as session:
            lookup = keys.trusted_lookup(session)
        package = package_reader.verify(path, lookup, my_receiving_key_id=_my_receiving_id(store, claimed))
        if package.header.encrypted and _my_receiving_id(store, claimed) != package.header.recipient_key_id:
            raise PackageError(WRONG_RECIPIENT, detail="no local receiving key")
    except PackageError as exc:
        fingerprint, trust = _trust(store, claimed)
        _log(store, path, actor, "refused", claimed, code=exc.code, message=exc.message_vi)
        return VerifyOutcome(False, exc.code, exc.message_vi, claimed, fingerprint, trust)
    fingerprint, trust = _trust(store, package.header)
    message = "Gói dữ liệu nguyên vẹn, do khóa đã đăng ký ký, gửi đúng cho đơn vị này."
    if not package.header.encrypted:
        message = ("Gói dữ liệu nguyên vẹn, do khóa đã đăng ký ký; lưu ý: gói KHÔNG được mã hóa (đơn vị gửi đã "
                   "chọn xuất không mã hóa).")
    _log(store, path, actor, "verified", package.header, sha=package.package_sha256)
    return VerifyOutcome(True, None, message, package.header, fingerprint, trust, package.package_sha256)


def _log(store: Store, path: Path, actor: str, result: str, header: PackageHeader | None, *,
         code: str | None = None, message: str | None = None, sha: str | None = None) -> None:
    with store.session() as session:
        import_log.log_attempt(session, actor=actor, path=path, result=result, header=header, file_sha256_hex=sha,
                               error_code=code, message=message)


def default_message(code: str) -> str:
    return MESSAGES_VI.get(code, MESSAGES_VI["MALFORMED"])
