"""Recovery packages this office sent, as its own audit log records them.

A commune that lost its laptop (new store, new key) or restored an old backup starts a new branch of
its audit log. After the office sends it a recovery package (services/recovery), the commune's next
package carries links that do not pass through the head this office holds, and without a `restore`
entry after a known head (a new installation has none) the continuity check would refuse it as
AUDIT_CHAIN_BROKEN. This module is the one extra door: the office itself issued a recovery package
for this producer while it held exactly that head (its `recovery_build` audit entry says so), and the
carried links contain the commune's `recovery_apply` entry. The door closes by itself: once the
commune's next package is merged the stored head moves on and no recovery entry names it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import b64decode, b64encode, verify_ed25519
from antq_desktop.exchange.package_format import RECOVERY_GRANT_TYPE
from antq_desktop.storage.canonical import canonical_json
from antq_desktop.storage.models import AuditEntry, KnownKey, OfficeCatchment

BUILD_ACTION = "recovery_build"  # the office: a recovery package written for a commune
APPLY_ACTION = "recovery_apply"  # the commune: a recovery package taken in
_APP_HEAD = re.compile(r"[0-9a-f]{64}")


def issued_for(session: Session, producer: str, stored_head: str | None) -> bool:
    """Did this office build a recovery package for `producer` while holding `stored_head`?"""
    if not stored_head or not _APP_HEAD.fullmatch(stored_head):  # no LIKE wildcards get in
        return False
    stmt = select(AuditEntry.details).where(AuditEntry.action == BUILD_ACTION, AuditEntry.record_type == "package",
                                            AuditEntry.details.like(f'%"base_head":"{stored_head}"%'))
    for text in session.execute(stmt).scalars():
        details = json.loads(text)
        if details.get("unit") == producer and details.get("base_head") == stored_head:
            return True
    return False


# ---- the grant: the office's signed word that travels with the commune's next package ----
# A province receives the commune's next package inside the cluster's forward and has no
# `recovery_build` entry of its own. The recovery package therefore carries a small statement signed
# by the office's key ("I sent <unit> its data while holding <head>"); the commune puts it in its next
# packages (record type `recovery_grant`, right after the audit lines), and any office that trusts the
# signing office for that commune accepts the new branch on the same terms as the office itself.
GRANT_TYPE = RECOVERY_GRANT_TYPE
GRANT_FIELDS = frozenset({"type", "unit_code", "office_unit", "office_key_id", "base_head", "package_id",
                          "signature"})
_GRANT_TAG = b"ANTQ-RECOVERY-GRANT-v1\x00"


def grant_message(grant: dict[str, Any]) -> bytes:
    """What the office signs: a domain tag and the canonical JSON of every field but the signature."""
    return _GRANT_TAG + canonical_json({k: v for k, v in grant.items() if k != "signature"}).encode("utf-8")


def make_grant(signer: Any, *, unit: str, office: str, base_head: str | None, package_id: str) -> dict[str, Any]:
    grant: dict[str, Any] = {"type": GRANT_TYPE, "unit_code": unit, "office_unit": office,
                             "office_key_id": signer.signing_key_id, "base_head": base_head, "package_id": package_id}
    grant["signature"] = b64encode(signer.sign(grant_message(grant)))
    return grant


def grant_accepted(session: Session, producer: str, stored_head: str | None, grant: dict[str, Any] | None) -> bool:
    """A grant for `producer` at the head this office holds, signed by an office key enrolled here that may
    speak for the commune (the commune is in that office's catchment), not revoked."""
    if grant is None or set(grant) != GRANT_FIELDS or not stored_head:
        return False
    if grant["unit_code"] != producer or grant["base_head"] != stored_head:
        return False
    row = session.execute(select(KnownKey).where(KnownKey.key_id == grant["office_key_id"])).scalar_one_or_none()
    if (row is None or row.revoked_at is not None or not row.is_trusted or row.role not in ("district", "province")
            or row.unit_code != grant["office_unit"]):
        return False
    catchment = session.execute(select(OfficeCatchment.commune_code)
                                .where(OfficeCatchment.office_unit == row.unit_code)).scalars()
    if producer not in set(catchment):
        return False
    try:
        signature = b64decode(grant["signature"], 64, "recovery_grant.signature")
    except PackageError:
        return False
    return verify_ed25519(b64decode(row.signing_public, 32), signature, grant_message(grant))
