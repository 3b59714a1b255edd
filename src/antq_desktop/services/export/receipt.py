"""Signed receipts: the upper office confirms what it merged; the commune checks it against its own data.

A receipt (``.antqrcpt``) is canonical JSON plus one LF (format: docs/package-format.md, 12.4):
the merged packages, and for each producing unit the record counts and digest exactly as
``antq stats`` computes them (``services.office.stats.unit_stats``), signed with the office's
Ed25519 key. The commune accepts it only if its recipient key (the upper office's key it
imported) signed it and the digest for its unit equals its own digest, now or as recorded
at one of the exports the receipt lists.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import (
    b64decode,
    b64encode,
    check_key_id,
    utc_now_text,
    verify_ed25519,
)
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.strict_json import canonical_dumps, loads_strict
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.office.stats import unit_stats
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, ExportRecord, ImportAttempt, UnitProfile, utcnow

FORMAT = "antq-receipt"
VERSION = 1
SIG_TAG = b"ANTQ-RECEIPT-SIG-v1\x00"
MAX_SIZE = 1024 * 1024
FIELDS = {"format", "version", "receipt_id", "issuer", "signer_key_id", "created_at", "packages", "units",
          "signature"}


class ReceiptError(AntqError):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ReceiptCheck:
    """Outcome of ``verify_receipt``: what the officer sees."""

    issuer: str
    packages: list[dict[str, Any]]
    counts: dict[str, int]
    matches: str  # "current" or "export"
    matched_sequence: int | None
    marked: list[int] = field(default_factory=list)  # export sequences now marked as confirmed


def _signed_message(document: dict[str, Any]) -> bytes:
    return SIG_TAG + canonical_dumps({k: v for k, v in document.items() if k != "signature"})


# ---- upper office ----

def _merged(session: Session, package_uuid: str) -> ImportAttempt:
    row = session.execute(select(ImportAttempt).where(ImportAttempt.package_uuid == package_uuid,
                                                      ImportAttempt.result == "merged")
                          .order_by(ImportAttempt.id.desc()).limit(1)).scalar_one_or_none()
    if row is None:
        raise ReceiptError(f"Gói {package_uuid} chưa được hợp nhất ở máy này nên chưa lập biên nhận được. Hãy nhập "
                           "gói trước " + hint(gui="(trang Nhận gói dữ liệu)", cli="(antq merge)")
                           + " rồi lập biên nhận.", "NOT_MERGED")
    return row


def issue_receipt(store: Store, package_uuids: list[str], *, password: str, actor: str) -> bytes:
    """Receipt bytes for merged packages, signed with this office's active key."""
    with store.session() as session:
        attempts = [_merged(session, p) for p in package_uuids]
        profile = session.get(UnitProfile, 1)
        assert profile is not None
        units = sorted({a.producer_unit for a in attempts if a.producer_unit})
        document: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "receipt_id": str(uuid.uuid4()),
            "issuer": {"unit_code": profile.unit_code, "unit_name": profile.unit_name, "role": profile.role},
            "created_at": utc_now_text(),
            "packages": [{"package_id": a.package_uuid, "producer_unit": a.producer_unit, "sequence": a.sequence,
                          "package_sha256": a.file_sha256} for a in attempts],
            "units": {code: _unit_entry(session, code) for code in units},
        }
        blob = keys.active_blob(session, actor)
        try:
            with KeyStore.unlock(blob, password) as signer:
                document["signer_key_id"] = signer.signing_key_id
                document["signature"] = b64encode(signer.sign(_signed_message(document)))
        except PackageError as exc:
            raise ReceiptError(keys.unlock_message(exc), exc.code) from None
        audit.append(session, actor=actor, action="receipt_issue", record_type="receipt",
                     record_id=document["receipt_id"], details={"packages": list(package_uuids), "units": units})
    return canonical_dumps(document) + b"\n"


def _unit_entry(session: Session, code: str) -> dict[str, Any]:
    stats = unit_stats(session, code)
    return {"counts": stats.counts, "digest": stats.digest}


# ---- commune ----

def _bad(message: str, code: str) -> ReceiptError:
    return ReceiptError(message, code)


def parse_receipt(data: bytes) -> dict[str, Any]:
    bad = _bad("Tệp không phải biên nhận ANTQ hợp lệ hoặc đã hỏng. Hãy xin cấp trên gửi lại tệp biên nhận.",
               "MALFORMED")
    if len(data) > MAX_SIZE:
        raise bad
    try:
        document = loads_strict(data.rstrip(b"\n"), max_depth=4, allow_newlines=False)
    except PackageError:
        raise bad from None
    if not isinstance(document, dict) or set(document) != FIELDS or document.get("format") != FORMAT:
        raise bad
    if document.get("version") != VERSION or not isinstance(document.get("units"), dict):
        raise bad
    if not isinstance(document.get("packages"), list) or not isinstance(document.get("issuer"), dict):
        raise bad
    return document


def _check_signature(session: Session, document: dict[str, Any]) -> None:
    try:
        kid = check_key_id(document["signer_key_id"], "signer_key_id")
        signature = b64decode(document["signature"], 64, "signature")
    except PackageError:
        raise _bad("Biên nhận hỏng (thiếu chữ ký hợp lệ). Hãy xin cấp trên gửi lại.", "MALFORMED") from None
    signer = keys.recipient_lookup(session)(kid)
    if signer is None:
        raise _bad("Biên nhận được ký bằng khóa không phải của đơn vị cấp trên đã đăng ký ở máy này. Không công "
                   "nhận biên nhận này; hãy liên hệ cấp trên.", "UNKNOWN_KEY")
    if signer.revoked:
        raise _bad("Biên nhận được ký bằng khóa đã bị thu hồi. Không công nhận; hãy liên hệ cấp trên.", "REVOKED_KEY")
    if signer.unit_code != document["issuer"].get("unit_code") or not verify_ed25519(
            signer.signing_public, signature, _signed_message(document)):
        raise _bad("Chữ ký của biên nhận không khớp: tệp đã bị sửa hoặc giả mạo. Không công nhận biên nhận này; "
                   "hãy xin cấp trên gửi lại.", "BAD_SIGNATURE")


def _expected_digests(session: Session, package_uuids: list[str]) -> dict[int, str]:
    """Sequence -> digest the upper office should have had after each listed export of ours."""
    result: dict[int, str] = {}
    exports = session.execute(select(ExportRecord).where(ExportRecord.package_uuid.in_(package_uuids))).scalars()
    for export in exports:
        entry = session.execute(select(AuditEntry.details).where(
            AuditEntry.action == "export", AuditEntry.record_id == export.package_uuid)).scalar_one_or_none()
        expected = json.loads(entry).get("expected", {}) if entry else {}
        if "digest" in expected:
            result[export.sequence] = expected["digest"]
    return result


def verify_receipt(store: Store, data: bytes, *, actor: str) -> ReceiptCheck:
    """Check signature and digest; mark the listed exports as confirmed. Raises ReceiptError."""
    document = parse_receipt(data)
    with store.session() as session:
        _check_signature(session, document)
        own = session.get(UnitProfile, 1)
        assert own is not None
        entry = document["units"].get(own.unit_code)
        if not isinstance(entry, dict):
            raise _bad(f"Biên nhận không có số liệu của đơn vị {own.unit_code}; biên nhận này dành cho đơn vị khác.",
                       "NOT_FOR_THIS_UNIT")
        mine = [str(p.get("package_id")) for p in document["packages"]
                if isinstance(p, dict) and p.get("producer_unit") == own.unit_code]
        check = _match(session, own.unit_code, entry, mine, document)
        for export in session.execute(select(ExportRecord).where(ExportRecord.package_uuid.in_(mine))).scalars():
            export.receipt_verified_at = utcnow()
            check.marked.append(export.sequence)
        audit.append(session, actor=actor, action="receipt_verify", record_type="receipt",
                     record_id=str(document["receipt_id"])[:36],
                     details={"matches": check.matches, "sequence": check.matched_sequence, "marked": check.marked})
    return check


def _match(session: Session, unit: str, entry: dict[str, Any], mine: list[str],
           document: dict[str, Any]) -> ReceiptCheck:
    digest = entry.get("digest")
    counts: dict[str, int] = entry["counts"] if isinstance(entry.get("counts"), dict) else {}
    issuer = f"{document['issuer'].get('unit_name')} ({document['issuer'].get('unit_code')})"
    expected = _expected_digests(session, mine)
    if digest == unit_stats(session, unit).digest:
        return ReceiptCheck(issuer, document["packages"], counts, "current", max(expected, default=None))
    matched = [seq for seq, value in expected.items() if value == digest]
    if matched:
        return ReceiptCheck(issuer, document["packages"], counts, "export", max(matched))
    raise _bad("Số liệu cấp trên xác nhận không khớp với dữ liệu của đơn vị (mã băm khác). Hãy xuất một gói đầy "
               "đủ " + hint(gui="(trang Gửi – nhận dữ liệu, kiểu Đầy đủ)", cli="(antq export --full)")
               + " gửi lại cấp trên rồi xin biên nhận mới.", "DIGEST_MISMATCH")
