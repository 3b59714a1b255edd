"""Household members (nhân khẩu) as records: ordering, and the rows a pledge prints.

A household's members are the head first, then by relation and year of birth; the pledge
prints them by name, year of birth and relation instead of blank rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.validation import RELATIONS
from antq_desktop.reports.form_data import Member
from antq_desktop.storage import audit, household_links
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import HouseholdMember, utcnow

HM = HouseholdMember.__table__
_RELATION_ORDER = {code: index for index, code in enumerate(RELATIONS)}


def _order(row: Any) -> tuple[int, int, str, str]:
    return (_RELATION_ORDER.get(row["relation"], len(RELATIONS)), row["birth_year"] or 9999, row["full_name"],
            row["id"])


def by_household(store: Store, household_ids: Iterable[str]) -> dict[str, tuple[Member, ...]]:
    """The live members of each household, ready to print (households without members: absent)."""
    ids = sorted({i for i in household_ids if i})
    found: dict[str, list[Any]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            stmt = select(HM.c.id, HM.c.household_id, HM.c.full_name, HM.c.birth_year, HM.c.relation).where(
                household_links.of_ids(HM, ids[start:start + 500]), HM.c.deleted.is_(False))
            for row in conn.execute(stmt).mappings():
                found.setdefault(row["household_id"], []).append(row)
    return {hid: tuple(Member(r["full_name"], r["birth_year"], RELATIONS.get(r["relation"], ""))
                       for r in sorted(rows, key=_order)) for hid, rows in found.items()}


def printed(head: str | None, stored: tuple[Member, ...]) -> tuple[Member, ...]:
    """The rows a pledge prints: the stored members, the head first (added by name when not entered)."""
    head_label = RELATIONS["chu_ho"]
    if any(m.relation == head_label for m in stored):
        return stored
    return (Member(head or "", relation=head_label), *stored)


def with_members(store: Store, rows: Iterable[Any], chunk: int = 200) -> Iterator[tuple[Any, tuple[Member, ...]]]:
    """Each row (with a `household_id`) and its members, fetched a chunk of rows at a time."""
    buffer: list[Any] = []
    for row in rows:
        buffer.append(row)
        if len(buffer) >= chunk:
            yield from _flush(store, buffer)
            buffer = []
    yield from _flush(store, buffer)


def _flush(store: Store, rows: list[Any]) -> Iterator[tuple[Any, tuple[Member, ...]]]:
    members = by_household(store, (r.get("household_id") for r in rows))
    for row in rows:
        yield row, members.get(row.get("household_id") or "", ())


def member_rows(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The live members of one household as plain dicts (the household dialog's table)."""
    with store.engine.connect() as conn:
        stmt = select(HM).where(household_links.of_id(HM, household_id), HM.c.deleted.is_(False))
        return sorted((dict(r) for r in conn.execute(stmt).mappings()), key=_order)


def tombstone_members(session: Session, household_id: str, actor: str,
                      next_seq: Callable[[Session], int]) -> int:
    """A deleted household takes its member list with it (same transaction; each tombstone travels)."""
    rows = session.execute(select(HouseholdMember).where(household_links.of_id(HouseholdMember, household_id),
                                                         HouseholdMember.deleted.is_(False))).scalars().all()
    for row in rows:
        row.deleted, row.revision, row.updated_at = True, row.revision + 1, utcnow()
        row.change_seq = next_seq(session)
        audit.append(session, actor=actor, action="delete", record_type=HouseholdMember.RECORD_TYPE,
                     record_id=row.id, details={"revision": row.revision, "with_household": household_id})
    return len(rows)


def household_keys(store: Store) -> dict[str, str]:
    """What a member row of an Excel sheet may name its household by: the head's ID number or the household's
    code (its id), both → the id of a live household of this unit."""
    from antq_desktop.storage.models import Household

    H = Household.__table__  # noqa: N806
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for household_id, citizen_id in conn.execute(select(H.c.id, H.c.citizen_id).where(H.c.deleted.is_(False))):
            out[str(household_id).lower()] = str(household_id)
            if citizen_id:
                out.setdefault(str(citizen_id), str(household_id))
    return out
