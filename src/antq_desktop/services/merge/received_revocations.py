"""The province takes in the key revocations an office reports in its forward (issue 14, point 3).

Format: docs/package-format.md section 14 (``key_revocation`` records, built by
services/forward/revocations.py). In the order services/merge/forwarded.py calls them:

1. ``parse``: each record well formed (key id = hash of the public key, fingerprint of those keys).
2. ``authorise``: the office may revoke that key here (authority K12), or the whole forward is refused.
3. ``limits``: the packages of each revoked key still accepted, and only inside THIS office's forwards:
   those the office merged before revoking it (the first report stored here wins over a later one).
4. ``lookup``: the reader lets those keys' signatures through inside this forward only;
   ``check_inner`` refuses the whole forward if an inner package of such a key is not one of them
   (a lost laptop's package, whatever date it claims: K13).
5. ``apply`` (not on a preview): the key revoked here, a ``ReceivedRevocation`` row and an audit entry.
Outside a forward the key is simply revoked here: a direct package is refused (REVOKED_KEY, saying
that the commune must enrol its new key with its office).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.local_time import local_date_text
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MALFORMED, REVOKED_KEY, PackageError
from antq_desktop.exchange.keys import TrustedKey, b64decode, fingerprint, fingerprint_v2, key_id
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.authority.table import COMMUNE, ROLES
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import KnownKey, ReceivedRevocation

RECORD_TYPE = "key_revocation"
Lookup = Callable[[str], "TrustedKey | None"]


@dataclasses.dataclass(frozen=True)
class Reported:
    """One ``key_revocation`` record, checked for shape (not yet for authority)."""

    key_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    signing_public: str
    receiving_public: str
    revoked_at: datetime
    revoked_by: str
    compromised_since: datetime | None
    reason: str | None
    valid_up_to_sequence: int | None
    valid_packages: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Limit:
    """What of a revoked key's packages this forward may still carry."""

    unit_code: str
    up_to_sequence: int | None
    packages: frozenset[str]
    revoked_at: datetime


def parse(record: dict[str, Any]) -> Reported:
    """A ``key_revocation`` record as values; a malformed one refuses the whole forward."""
    try:
        signing, receiving = b64decode(record["signing_public"], 32), b64decode(record["receiving_public"], 32)
        unit, packages, up_to = record["unit_code"], record.get("valid_packages") or [], record["valid_up_to_sequence"]
        if key_id(signing) != record["id"] or not isinstance(unit, str) or not isinstance(packages, list) \
                or not all(isinstance(p, str) for p in packages) or not (up_to is None or type(up_to) is int):
            raise ValueError("fields")
        shapes = {fingerprint(signing, receiving)} | {fingerprint_v2(unit, role, signing, receiving) for role in ROLES}
        if record.get("fingerprint") not in shapes:
            raise ValueError("fingerprint")
        return Reported(record["id"], unit, str(record.get("unit_name") or "")[:200], record["fingerprint"],
                        record["signing_public"], record["receiving_public"], _time(record["revoked_at"]),
                        str(record.get("revoked_by") or "")[:60], _optional_time(record.get("compromised_since")),
                        _optional_text(record.get("reason")), up_to, tuple(packages))
    except (KeyError, TypeError, ValueError, PackageError):
        raise PackageError(MALFORMED, detail="forward: key_revocation record") from None


def _time(value: Any) -> datetime:
    return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%SZ")


def _optional_time(value: Any) -> datetime | None:
    return _time(value) if value is not None else None


def _optional_text(value: Any) -> str | None:
    return str(value)[:300] if value is not None else None


def authorise(store: Store, office: str, reported: list[Reported]) -> list[Reported]:
    """The reports to apply (authority K12); a report this office may not make refuses the whole forward."""
    with store.session_factory() as session:
        return [r for r in reported
                if authority.authorise_reported_revocation(session, office, r.key_id, r.unit_code) == authority.APPLY]


def limits(store: Store, office: str, to_apply: list[Reported]) -> dict[str, Limit]:
    """Per revoked key: the packages still accepted from it in this office's forwards (stored report first)."""
    found = {r.key_id: Limit(r.unit_code, r.valid_up_to_sequence, frozenset(r.valid_packages), r.revoked_at)
             for r in to_apply}
    with store.session_factory() as session:
        stored = select(ReceivedRevocation).where(ReceivedRevocation.office_unit == office)
        for row in session.execute(stored).scalars():
            found[row.key_id] = Limit(row.unit_code, row.valid_up_to_sequence,
                                      frozenset(json.loads(row.valid_packages)), row.revoked_at)
    return found


def lookup(base: Lookup, allowed: dict[str, Limit], to_apply: list[Reported]) -> Lookup:
    """``base``, but a key this office revoked and reported verifies inside its forward (check_inner limits it)."""
    extra = {r.key_id: TrustedKey(r.key_id, r.unit_code, b64decode(r.signing_public, 32)) for r in to_apply}

    def find(kid: str) -> TrustedKey | None:
        found = base(kid)
        if kid not in allowed:
            return found
        found = found or extra.get(kid)
        return dataclasses.replace(found, revoked=False, revoked_note=None) if found is not None else None
    return find


def check_inner(paths: list[tuple[Path, int | None]], allowed: dict[str, Limit], office: str) -> None:
    """Every inner package of a revoked key must be one the office merged before revoking it."""
    for path, sequence in paths:
        header = package_reader.inspect(path)
        limit = allowed.get(header.signer_key_id)
        if limit is None:
            continue
        within = limit.up_to_sequence is not None and header.sequence <= limit.up_to_sequence
        if not within or header.package_id not in limit.packages:
            raise PackageError(REVOKED_KEY, message_vi=_outside(header.producer.unit_code, sequence, limit, office),
                               detail=f"forward: package {header.package_id} of revoked key {header.signer_key_id}")


def _outside(unit: str, sequence: int | None, limit: Limit, office: str) -> str:
    upto = (f"chỉ công nhận các gói {office} đã nhập trước khi thu hồi, đến gói số {limit.up_to_sequence}"
            if limit.up_to_sequence is not None else f"{office} chưa nhập gói nào của khóa này trước khi thu hồi")
    return (f"Gói chuyển tiếp bị từ chối toàn bộ, chưa ghi gì: gói số {sequence} của đơn vị {unit} bên trong được ký "
            f"bằng khóa {office} đã thu hồi ngày {local_date_text(limit.revoked_at)} ({upto}); gói này có thể do "
            f"người giữ máy bị mất làm ra, dù ngày ghi trong gói là ngày nào. Hãy báo {office} kiểm tra và gửi lại gói "
            f"chuyển tiếp không có gói đó; xã {unit} cần đăng ký khóa mới với {office}.")


def apply(store: Store, outer: VerifiedPackage, to_apply: list[Reported], actor: str) -> None:
    """Revoke each reported key here (recording it if unknown), once per office, with an audit entry."""
    office, forward_id = outer.header.producer.unit_code, outer.header.package_id
    with store.session() as session:
        for report in to_apply:
            if session.execute(select(ReceivedRevocation.id).where(ReceivedRevocation.key_id == report.key_id,
                                                                   ReceivedRevocation.office_unit == office)).first():
                continue  # already applied from an earlier forward: the first report stands
            _revoke_here(session, office, forward_id, report)
            session.add(ReceivedRevocation(
                key_id=report.key_id, unit_code=report.unit_code, office_unit=office, revoked_at=report.revoked_at,
                revoked_by=report.revoked_by, compromised_since=report.compromised_since, reason=report.reason,
                valid_up_to_sequence=report.valid_up_to_sequence,
                valid_packages=json.dumps(list(report.valid_packages)), forward_package_id=forward_id,
                received_by=actor))
            session.flush()
            audit.append(session, actor=actor, action="trust_revoke_reported", record_type="key",
                         record_id=report.key_id, details={
                             "unit_code": report.unit_code, "fingerprint": report.fingerprint, "office": office,
                             "revoked_at": report.revoked_at, "revoked_by": report.revoked_by,
                             "compromised_since": report.compromised_since, "reason": report.reason,
                             "valid_up_to_sequence": report.valid_up_to_sequence,
                             "valid_packages": len(report.valid_packages), "forward": forward_id})


def _revoke_here(session: Session, office: str, forward_id: str, report: Reported) -> None:
    row = session.execute(select(KnownKey).where(KnownKey.key_id == report.key_id)).scalar_one_or_none()
    if row is None:  # never vouched here before: recorded as vouched by the office, revoked from the start
        row = KnownKey(key_id=report.key_id, unit_code=report.unit_code, unit_name=report.unit_name, role=COMMUNE,
                       signing_public=report.signing_public, receiving_public=report.receiving_public,
                       fingerprint=report.fingerprint, source="vouched", enrolled_by=office, is_trusted=True,
                       note=f"Do {office} báo thu hồi trong gói chuyển tiếp {forward_id}")
        session.add(row)
    if row.revoked_at is None:
        row.revoked_at = report.revoked_at  # when the office revoked it; the audit entry says when it arrived
        row.revoked_by = f"{office}: {report.revoked_by}"[:60]
        why = f"Do {office} thu hồi và báo lên" + (f": {report.reason}" if report.reason else "")
        row.revoke_reason = why[:400]
        row.is_recipient = False
