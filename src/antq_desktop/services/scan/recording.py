"""One scanned sheet -> one outcome; a signed sheet of this unit and year becomes one pledge record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.pledge_templates import default_template
from antq_desktop.domain.validation import PLEDGE_STATUSES
from antq_desktop.services import records
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.scan.codes import SheetCode, code_field, is_genuine, parse_code, sheet_key
from antq_desktop.storage import household_links
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, Pledge, ResidentialArea, UnitProfile

H, A, P = Household.__table__, ResidentialArea.__table__, Pledge.__table__


class Outcome(StrEnum):
    """str-valued: the CLI and logs print these words."""

    RECORDED = "recorded"
    ALREADY_SIGNED = "already_signed"
    OTHER_YEAR = "other_year"
    OTHER_UNIT = "other_unit"
    UNKNOWN_HOUSEHOLD = "unknown_household"
    UNREADABLE = "unreadable"


TAKEN = frozenset({Outcome.RECORDED, Outcome.ALREADY_SIGNED})  # the sheet needs nothing more


@dataclass(frozen=True)
class ScanResult:
    outcome: Outcome
    message: str  # one Vietnamese sentence: what happened and what to do
    code: SheetCode | None = None
    household_name: str = ""
    area_name: str = ""
    pledge_id: str | None = None  # the pledge recorded by this scan (RECORDED only)
    changes: Changes = NO_CHANGES  # the pledge written (RECORDED only), for the GUI's one refresh hook

    @property
    def taken(self) -> bool:
        return self.outcome in TAKEN


@dataclass(frozen=True)
class _Household:
    name: str
    area: str


UNREADABLE = ("Không đọc được mã trên phiếu, hoặc mã không phải do đơn vị này in: chưa ghi gì. Hãy quét lại; nếu "
              "vẫn không được, hãy ghi cam kết của hộ bằng tay ở trang Cam kết.")


def _household(store: Store, household_id: str) -> _Household | None:
    stmt = (select(H.c.head_name, A.c.name).select_from(H.outerjoin(A, H.c.area_id == A.c.id))
            .where(H.c.id == household_id, H.c.deleted.is_(False)))
    with store.engine.connect() as conn:
        row = conn.execute(stmt).first()
    return _Household(row[0] or "", row[1] or "") if row is not None else None


def _own_unit(store: Store) -> str:
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        return profile.unit_code if profile is not None else ""


def _existing_status(store: Store, household_id: str, year: int) -> str | None:
    """The live pledge of the household for the year: "signed" first, else another status, else None."""
    stmt = select(P.c.status).where(household_links.of_id(P, household_id), P.c.year == year,
                                    P.c.deleted.is_(False))
    with store.engine.connect() as conn:
        statuses = set(conn.execute(stmt).scalars())
    return "signed" if "signed" in statuses else next(iter(sorted(statuses)), None)


def _who(found: _Household) -> str:
    return f"{found.name} ({found.area})" if found.area else found.name


def _checked(store: Store, scanned: str, year: int) -> ScanResult | tuple[SheetCode, _Household]:
    """A refusal, or the code and its household when the sheet is this unit's, genuine and of `year`."""
    code = parse_code(scanned)
    if code is None:
        return ScanResult(Outcome.UNREADABLE, UNREADABLE)
    own = _own_unit(store)
    if code.unit != code_field(own):
        return ScanResult(Outcome.OTHER_UNIT, f"Phiếu của đơn vị mã {code.unit}, không phải của đơn vị này (mã {own}): "
                                              "chưa ghi gì. Hãy để riêng phiếu này và gửi lại cho đơn vị đó.", code)
    key = sheet_key(store, create=False)
    if key is None or not is_genuine(key, code):
        return ScanResult(Outcome.UNREADABLE, UNREADABLE, code)
    found = _household(store, code.household_id)
    if code.year != year:
        who = f" của hộ {_who(found)}" if found else ""
        return ScanResult(Outcome.OTHER_YEAR, f"Phiếu năm {code.year}{who}, không phải năm {year} đang quét: chưa ghi "
                                              f"gì. Hãy để riêng phiếu này (hoặc chọn năm {code.year} rồi quét lại).",
                          code, *(_names(found)))
    if found is None:
        return ScanResult(Outcome.UNKNOWN_HOUSEHOLD, "Không có hộ gia đình của phiếu này trong dữ liệu (có thể đã bị "
                                                     "xóa): chưa ghi gì. Hãy kiểm tra ở trang Hộ gia đình.", code)
    return code, found


def _names(found: _Household | None) -> tuple[str, str]:
    return (found.name, found.area) if found else ("", "")


def record_scan(store: Store, scanned: str, *, year: int, signed_on: date | None, actor: str) -> ScanResult:
    """Check one scanned code and, for a genuine sheet of this unit and year whose household has no
    pledge yet, record the signed pledge (one audited record through the records service)."""
    checked = _checked(store, scanned, year)
    if isinstance(checked, ScanResult):
        return checked
    code, found = checked
    already = _already(store, code, found)
    if already is not None:
        return already
    values = {"signer_kind": "household", "household_id": code.household_id, "year": year, "status": "signed",
              "template_code": default_template("household"), "signed_on": signed_on}
    try:
        pledge_id = records.create(store, "pledge", values, actor=actor)
    except ValidationError:
        # Recorded by another window between the check and the write (the unique rule refused it).
        already = _already(store, code, found)
        if already is None:
            raise
        return already
    return ScanResult(Outcome.RECORDED, f"Đã ghi cam kết năm {year} của hộ {_who(found)}.", code, found.name,
                      found.area, str(pledge_id), pledge_id.changes)


def _already(store: Store, code: SheetCode, found: _Household) -> ScanResult | None:
    status = _existing_status(store, code.household_id, code.year)
    if status is None:
        return None
    note = "" if status == "signed" else f" (trạng thái hiện tại: {PLEDGE_STATUSES.get(status, status).lower()})"
    return ScanResult(Outcome.ALREADY_SIGNED, f"Hộ {_who(found)} đã có bản cam kết năm {code.year}{note}: không ghi "
                                              "thêm. Phiếu này không cần quét lại.", code, found.name, found.area)


