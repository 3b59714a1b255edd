"""The recognition decision's number and date, recorded when the decision is printed with them.

A commune's People's Committee recognises its areas and organisations (subjects: their ids); an upper
office recognises communes (subjects: their unit codes). The record travels up in data packages and
down in the office's plan package, so the commune's annual report cites the decision by number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.services.changes import Changes
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import RecognitionDecision, UnitProfile

D = RecognitionDecision.__table__


def full_number(number: str, doc_code: str) -> str:
    """"07" + "QĐ-UBND" → "07/QĐ-UBND"; a number typed whole is kept as typed."""
    number = number.strip()
    return number if "/" in number else f"{number}/{doc_code}"


def record_decision(store: Store, *, year: int, number: str, decided_on: date, issuing_body: str,
                    subjects: Iterable[str], actor: str) -> Changes:
    """Create the year's decision of this number (or update it: reprinting corrects it, never duplicates);
    returns what was written (nothing when the reprint carried the same values)."""
    values = {"year": year, "number": number, "decided_on": decided_on, "issuing_body": issuing_body,
              "subjects": sorted(set(subjects))}
    with store.session_factory() as session:
        unit = session.get(UnitProfile, 1)
        stmt = select(D.c.id).where(D.c.deleted.is_(False), D.c.year == year, D.c.number == number,
                                    D.c.origin_unit == (unit.unit_code if unit else ""))
        found = session.execute(stmt).scalar()
    if found:
        return records.update(store, "recognition_decision", found, values, actor=actor).changes
    return records.create(store, "recognition_decision", values, actor=actor).changes


def own_decision(store: Store, year: int) -> tuple[str, date] | None:
    """(number, date) of the newest decision this unit recorded for `year`, to offer when printing again."""
    with store.session_factory() as session:
        unit = session.get(UnitProfile, 1)
        row = session.execute(select(D.c.number, D.c.decided_on).where(
            D.c.deleted.is_(False), D.c.year == year, D.c.origin_unit == (unit.unit_code if unit else ""))
            .order_by(D.c.decided_on.desc(), D.c.updated_at.desc()).limit(1)).first()
    return (str(row[0]), row[1]) if row else None


def decisions_by_subject(session: Session, year: int) -> dict[str, str]:
    """Subject (area/organisation id or commune code) → "QĐ số 07/QĐ-UBND ngày 20/11/2026", newest decision first."""
    rows = session.execute(select(D.c.number, D.c.decided_on, D.c.subjects).where(
        D.c.deleted.is_(False), D.c.year == year).order_by(D.c.decided_on, D.c.id)).all()
    out: dict[str, str] = {}
    for number, decided_on, subjects in rows:
        for subject in _subjects(subjects):
            out[subject] = f"QĐ số {number} ngày {decided_on:%d/%m/%Y}"
    return out


def _subjects(raw: str | None) -> list[str]:
    try:
        found = json.loads(raw or "[]")
    except ValueError:
        return []
    return [s for s in found if isinstance(s, str)] if isinstance(found, list) else []


def subject_key(row: Any, commune_code: str) -> str:
    """What a decision lists for an assessment row: the area or organisation id, or the commune's code."""
    if row["subject_kind"] == "area":
        return str(row["area_id"])
    if row["subject_kind"] == "organization":
        return str(row["organization_id"])
    return str(row.get("origin_unit") or commune_code)
