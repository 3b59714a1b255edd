"""Review meetings (họp bình xét / họp xét công nhận) as records: rules beyond field validation, and
what the filled minutes read from a stored meeting.

The discussion is kept per criterion; a code the subject's catalog does not have is refused, so a
minutes page never prints a criterion the unit was not assessed on.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import ValidationError
from antq_desktop.reports.form_data import MinutesData, Participant
from antq_desktop.reports.text import number
from antq_desktop.storage.canonical import canonical_json
from antq_desktop.storage.db import Store
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


def minutes_facts(store: Store, row: Any, year: int, data: MinutesData) -> MinutesData:
    """The minutes of `row`'s subject filled from its stored meeting (unchanged when none was held)."""
    with store.engine.connect() as conn:
        found = meeting_for(conn, row["subject_kind"], row.get("area_id"), row.get("organization_id"), year)
    if found is None:
        return data
    said = discussion(found["discussion"])
    criteria = tuple(replace(c, assessment=_discussed(c.assessment, said.get(c.code))) for c in data.criteria)
    return replace(
        data, meeting_date=found["held_on"], start_time=clock(found["start_time"]), end_time=clock(found["end_time"]),
        venue=found["place"], participants=_attendance(found),
        chair=Participant(found["chair"]) if found["chair"] else None,
        secretary=Participant(found["secretary"]) if found["secretary"] else None,
        criteria=criteria, votes_for=found["votes_for"], votes_against=found["votes_against"],
        votes_total=found["present"], conclusion=found["conclusion"] or data.conclusion)


def _discussed(finding: str | None, said: str | None) -> str | None:
    if not said:
        return finding
    return f"{finding} Ý kiến thảo luận: {said}" if finding else f"Ý kiến thảo luận: {said}"


def _attendance(found: dict[str, Any]) -> tuple[Participant, ...]:
    """Counts as the minutes state them (names of those present are in the attendance sheet)."""
    lines = []
    if found["invited"] is not None:
        lines.append(Participant(f"Số người được mời: {number(found['invited'])} người"))
    if found["present"] is not None:
        lines.append(Participant(f"Có mặt: {number(found['present'])} người"))
    if found["absent"] is not None:
        lines.append(Participant(f"Vắng mặt: {number(found['absent'])} người"))
    return tuple(lines)


def find(store: Store, subject_kind: str, area_id: str | None, organization_id: str | None, year: int,
         kind: str | None = None) -> str | None:
    """The id of the subject's live meeting of the year (of this kind, when given), or None."""
    with store.engine.connect() as conn:
        if kind is None:
            found = meeting_for(conn, subject_kind, area_id, organization_id, year)
            return str(found["id"]) if found else None
        stmt = select(M.c.id).where(M.c.deleted.is_(False), M.c.year == year, M.c.kind == kind,
                                    M.c.subject_kind == subject_kind,
                                    M.c.area_id.is_(None) if area_id is None else M.c.area_id == area_id,
                                    M.c.organization_id.is_(None) if organization_id is None
                                    else M.c.organization_id == organization_id)
        value = conn.execute(stmt.order_by(M.c.id).limit(1)).scalar()
        return str(value) if value else None
