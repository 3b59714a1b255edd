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

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.storage.models import AuditEntry

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
