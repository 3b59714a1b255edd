"""The office's key revocations, carried up in every forward (issue 14, point 3 "Revocations travel").

Each commune key this office revoked becomes one ``key_revocation`` record of the forward's payload,
so the forward's own signature covers it. Every forward carries all of them (the province applies a
report once and ignores repeats), so a lost or skipped forward never loses a revocation.

A stolen laptop can set its clock back, so the record does not rely on package timestamps: it names
the packages of that key this office had merged BEFORE revoking it (``valid_packages``) and the
highest sequence among them (``valid_up_to_sequence``). The province accepts that key's packages
only inside this office's forwards and only those (services/merge/received_revocations.py).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import PackageError
from antq_desktop.services.authority.table import COMMUNE
from antq_desktop.services.merge import archive as merge_archive
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, ImportAttempt, KnownKey

RECORD_TYPE = "key_revocation"


def revocation_records(store: Store, session: Session, own: str) -> list[dict[str, Any]]:
    """One record per commune key this office revoked, oldest revocation first."""
    rows = session.execute(select(KnownKey).where(KnownKey.role == COMMUNE, KnownKey.revoked_at.is_not(None))
                           .order_by(KnownKey.revoked_at, KnownKey.key_id)).scalars()
    return [_record(store, session, own, row) for row in rows]


def _record(store: Store, session: Session, own: str, row: KnownKey) -> dict[str, Any]:
    assert row.revoked_at is not None
    merged = _merged_before(store, session, row)
    return {"type": RECORD_TYPE, "id": row.key_id, "origin_unit": own, "unit_code": row.unit_code,
            "unit_name": row.unit_name, "fingerprint": row.fingerprint, "signing_public": row.signing_public,
            "receiving_public": row.receiving_public, "revoked_at": _iso(row.revoked_at),
            "revoked_by": row.revoked_by or "", "compromised_since": _compromised_since(session, row.key_id),
            "reason": row.revoke_reason, "valid_up_to_sequence": max((seq for seq, _ in merged), default=None),
            "valid_packages": sorted(pid for _, pid in merged)}


def _merged_before(store: Store, session: Session, row: KnownKey) -> list[tuple[int, str]]:
    """(sequence, package id) of the packages signed by this key that were merged here before its revocation.

    The signer is read from the kept copy (the import log names the unit, not the key); a package
    without a kept copy cannot be forwarded anyway, so it need not be listed.
    """
    attempts = session.execute(select(ImportAttempt.sequence, ImportAttempt.package_uuid).where(
        ImportAttempt.result == "merged", ImportAttempt.kind.in_(("full", "incremental")),
        ImportAttempt.producer_unit == row.unit_code, ImportAttempt.at <= row.revoked_at)).all()
    found: list[tuple[int, str]] = []
    wanted = {package_id: sequence for sequence, package_id in attempts if sequence is not None and package_id}
    with merge_archive.copies_out(store, sorted(wanted)) as files:
        for package_id, path in files.items():
            try:
                signer = package_reader.inspect(path).signer_key_id
            except PackageError:
                signer = None
            if signer == row.key_id:
                found.append((wanted[package_id], package_id))
    return found


def _compromised_since(session: Session, key_id: str) -> str | None:
    """The `--since` day the officer gave when revoking (kept in the revocation's audit entry)."""
    entry = session.execute(select(AuditEntry.details).where(AuditEntry.action == "trust_revoke",
                                                             AuditEntry.record_id == key_id)
                            .order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()
    since = json.loads(entry).get("since") if entry else None
    return since if isinstance(since, str) else None


def _iso(value: Any) -> str:
    return f"{value:%Y-%m-%dT%H:%M:%SZ}"
