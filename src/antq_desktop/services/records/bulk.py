"""Bulk work on many records at once (pledges for a whole area, carrying registrations forward…).

Each function goes through `services.records.writes`, so validation and the audit log are the same as for
single entries. They take `progress(fraction, message)` and a cancel event so the GUI can run
them in the background; nothing is written once cancelled before the write starts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from antq_desktop.domain.pledge_templates import default_template
from antq_desktop.services.changes import WrittenCount, WrittenIds
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, Pledge, Registration

Progress = Callable[[float, str], None]
HOUSEHOLD_TEMPLATE = default_template("household")


class Cancelled(Exception):
    """Dừng theo yêu cầu; chưa có gì được ghi."""


def _quiet(_fraction: float, _message: str) -> None:
    return None


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def households_without_pledge(store: Store, area_id: str, year: int,
                              template_code: str = HOUSEHOLD_TEMPLATE) -> list[dict[str, Any]]:
    """Live households of an area with no live pledge of that template in that year."""
    pledged = select(Pledge.household_id).where(
        Pledge.year == year, Pledge.deleted.is_(False), Pledge.template_code == template_code,
        Pledge.signer_kind == "household", Pledge.household_id.is_not(None))
    stmt = (select(Household.id, Household.head_name)
            .where(Household.area_id == area_id, Household.deleted.is_(False), Household.id.not_in(pledged))
            .order_by(Household.sort_key, Household.id))
    with store.session_factory() as session:
        return [dict(row) for row in session.execute(stmt).mappings()]


def pledge_area(store: Store, area_id: str, year: int, signed_on: date | None, *, actor: str,
                template_code: str = HOUSEHOLD_TEMPLATE, progress: Progress = _quiet,
                cancel: threading.Event | None = None) -> WrittenIds:
    """Record a signed pledge for every household of the area that has none this year; returns new ids."""
    progress(0.05, "Đang tìm các hộ chưa có bản cam kết…")
    households = households_without_pledge(store, area_id, year, template_code)
    _check(cancel)
    if not households:
        progress(1.0, "Mọi hộ trong khu dân cư đã có bản cam kết năm này.")
        return WrittenIds("pledge")
    progress(0.3, f"Đang ghi {len(households)} bản cam kết…")
    rows = [{"signer_kind": "household", "household_id": h["id"], "template_code": template_code, "year": year,
             "signed_on": signed_on, "status": "signed"} for h in households]
    ids = records.create_many(store, "pledge", rows, actor=actor)
    progress(1.0, "Xong.")
    return ids


def previous_pledge_values(store: Store, pledge_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Status and signing date before a batch change, so the change can be undone."""
    with store.session_factory() as session:
        rows = session.execute(select(Pledge.id, Pledge.status, Pledge.signed_on)
                               .where(Pledge.id.in_(list(pledge_ids)))).mappings()
        return {r["id"]: {"status": r["status"], "signed_on": r["signed_on"]} for r in rows}


def mark_pledges_signed(store: Store, pledge_ids: list[str], signed_on: date, *, actor: str) -> WrittenCount:
    """Mark a batch of pledges as signed; a pledge without a signing date gets `signed_on`.

    Dates already recorded are kept: the paper form's date is the truth, not the day of data entry.
    """
    previous = previous_pledge_values(store, pledge_ids)
    dated = [i for i in pledge_ids if previous.get(i, {}).get("signed_on")]
    undated = [i for i in pledge_ids if i not in set(dated)]
    done = [records.update_many(store, "pledge", dated, {"status": "signed"}, actor=actor)] if dated else []
    if undated:
        done.append(records.update_many(store, "pledge", undated, {"status": "signed", "signed_on": signed_on},
                                        actor=actor))
    return WrittenCount("pledge", sum(done), [i for part in done for i in part.changes.ids])


def write_back(store: Store, record_type: str, previous: dict[str, dict[str, Any]], *, actor: str,
               progress: Progress = _quiet, cancel: threading.Event | None = None) -> int:
    """Undo of a batch change: write each record's previous values back."""
    changed = 0
    for done, (record_id, values) in enumerate(previous.items()):
        _check(cancel)
        changed += 1 if records.update(store, record_type, record_id, values, actor=actor) else 0
        progress((done + 1) / max(1, len(previous)), "Đang hoàn tác…")
    return changed


def delete_many(store: Store, record_type: str, record_ids: list[str], *, actor: str,
                progress: Progress = _quiet, cancel: threading.Event | None = None) -> int:
    """Undo of a batch creation: soft-delete each record (tombstones travel in packages)."""
    for done, record_id in enumerate(record_ids):
        _check(cancel)
        records.delete(store, record_type, record_id, actor=actor)
        if done % 20 == 0:
            progress(done / max(1, len(record_ids)), f"Đang hoàn tác {done}/{len(record_ids)}…")
    return len(record_ids)


def registrations_to_carry(store: Store, from_year: int, to_year: int) -> list[dict[str, Any]]:
    """Last year's live registrations whose subject has none in `to_year` (and still exists)."""
    with store.session_factory() as session:
        source = session.execute(select(Registration).where(
            Registration.year == from_year, Registration.deleted.is_(False))).scalars().all()
        existing = {(r.subject_kind, r.area_id, r.organization_id) for r in session.execute(
            select(Registration).where(Registration.year == to_year, Registration.deleted.is_(False))).scalars()}
        return [{"subject_kind": r.subject_kind, "area_id": r.area_id, "organization_id": r.organization_id}
                for r in source if (r.subject_kind, r.area_id, r.organization_id) not in existing]


def carry_registrations_forward(store: Store, from_year: int, to_year: int, registered_on: date, *, actor: str,
                                progress: Progress = _quiet, cancel: threading.Event | None = None) -> WrittenIds:
    """Register again this year every area/unit registered last year; subjects deleted since are skipped."""
    progress(0.1, "Đang đọc đăng ký năm trước…")
    subjects = registrations_to_carry(store, from_year, to_year)
    live = [s for s in subjects if _subject_live(store, s)]
    _check(cancel)
    rows = [{**s, "year": to_year, "registered_on": registered_on,
             "note": f"Chuyển tiếp từ đăng ký năm {from_year}"} for s in live]
    progress(0.4, f"Đang ghi {len(rows)} đăng ký…")
    ids = records.create_many(store, "registration", rows, actor=actor) if rows else WrittenIds("registration")
    progress(1.0, "Xong.")
    return ids


def _subject_live(store: Store, subject: dict[str, Any]) -> bool:
    for field, record_type in (("area_id", "residential_area"), ("organization_id", "organization")):
        if subject.get(field):
            try:
                return not records.get(store, record_type, subject[field])["deleted"]
            except records.NotFoundError:
                return False
    return True
