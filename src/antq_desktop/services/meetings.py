"""Review meetings (họp bình xét / họp xét công nhận) as records: rules beyond field validation, and
what the filled minutes read from a stored meeting.

The discussion is kept per criterion; a code the subject's catalog does not have is refused, so a
minutes page never prints a criterion the unit was not assessed on.
"""

from __future__ import annotations

import json
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import ValidationError
from antq_desktop.storage.canonical import canonical_json
from antq_desktop.storage.models import Meeting

M = Meeting.__table__


def finish(fields: dict[str, Any], unit_type: str) -> dict[str, Any]:
    """Discussion codes checked against the subject's criteria, then stored as canonical JSON."""
    known = {c.code for c in catalogs.get_catalog().criteria(unit_type)}
    unknown = set(fields["discussion"]) - known
    if unknown:
        raise ValidationError(f"Tiêu chí không có trong bộ tiêu chí của đối tượng này: {', '.join(sorted(unknown))}.",
                              "discussion")
    return {**fields, "discussion": canonical_json(fields["discussion"])}


def discussion(raw: str | None) -> dict[str, str]:
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def clock(value: str | None) -> time | None:
    if not value:
        return None
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def percent(part: int | None, whole: int | None) -> str:
    """"66,7 %" (Vietnamese decimal comma), or "" when there is nothing to divide by."""
    if part is None or not whole:
        return ""
    return f"{100 * part / whole:.1f}".replace(".", ",") + " %"


def meeting_for(conn: Connection, subject_kind: str, area_id: str | None, organization_id: str | None,
                year: int) -> dict[str, Any] | None:
    """The subject's live meeting of the year: the recognition meeting if held, else the review meeting."""
    stmt = select(M).where(M.c.deleted.is_(False), M.c.year == year, M.c.subject_kind == subject_kind,
                           M.c.area_id.is_(None) if area_id is None else M.c.area_id == area_id,
                           M.c.organization_id.is_(None) if organization_id is None
                           else M.c.organization_id == organization_id)
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    rows.sort(key=lambda r: (r["kind"] != "xet_cong_nhan", -r["held_on"].toordinal(), r["id"]))
    return rows[0] if rows else None
