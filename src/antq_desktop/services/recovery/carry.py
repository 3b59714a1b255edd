"""After a recovery, the commune's next packages carry the office's signed grant (services/merge/
recovery_grant.py), so that a province receiving them inside the cluster's forward accepts the
commune's new audit branch too. Carried until the office confirms a later package with a receipt."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.storage.models import ExportRecord, Setting

GRANT_KEY = "recovery.grant"  # the grant of the last recovery package taken in


def pending_grant(session: Session) -> list[dict[str, Any]]:
    """[the grant] while no package after the recovery was confirmed by a receipt, else []."""
    row = session.get(Setting, GRANT_KEY)
    if row is None:
        return []
    base = session.execute(select(func.max(ExportRecord.sequence)).where(ExportRecord.kind == "recovery")).scalar()
    confirmed = session.execute(select(ExportRecord.sequence).where(
        ExportRecord.sequence > (base or 0), ExportRecord.receipt_verified_at.is_not(None)).limit(1)).first()
    grant = json.loads(row.value)
    return [] if confirmed is not None or not isinstance(grant, dict) else [grant]


def keep_grant(session: Session, grant: dict[str, Any] | None) -> None:
    row = session.get(Setting, GRANT_KEY)
    if grant is None:
        if row is not None:
            session.delete(row)
        return
    row = row or Setting(key=GRANT_KEY, value="{}")
    row.value = json.dumps(grant, sort_keys=True)
    session.add(row)
