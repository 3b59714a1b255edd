"""Duplicate detection: the same area name twice in a unit is refused, the same citizen ID is flagged.

- Area names: a second "Tổ dân phố số 2" raises the target's denominator and makes pick-lists (and
  Excel import, which matches areas by name) ambiguous, so it is refused. Names are compared in a
  normalised form (NFC, case-folded, runs of spaces collapsed) — diacritics stay significant:
  "Thôn Tô" and "Thôn Tổ" are different villages.
- Citizen IDs: two households may legitimately share one (a head moved house, a record entered twice
  on purpose while cleaning up), so a match within the unit is only warned about, with the other
  record to open. IDs are compared by their digits only ("001 203 004 567" == "001203004567").
- At an upper office a citizen ID registered in more than one commune is a review list, not an error.

The records service calls `check_area_names` once per validated batch (records._prepare).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import ValidationError
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, ResidentialArea, UnitProfile

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")


def name_key(name: str | None) -> str:
    """NFC, case-folded, spaces collapsed: "Tổ  dân phố SỐ 2" and "tổ dân phố số 2" are the same name."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name or "").casefold()).strip()


def citizen_id_key(citizen_id: str | None) -> str:
    """Digits only: "001 203 004 567", "001-203-004-567" and "001203004567" are the same ID."""
    return _NOT_DIGIT.sub("", citizen_id or "")


def _own_unit(session: Session) -> str | None:
    profile = session.get(UnitProfile, 1)
    return profile.unit_code if profile is not None else None


def _row_label(index: int, total: int) -> str:
    return f"Dòng {index + 1}: " if total > 1 else ""


def check_area_names(session: Session, record_type: str, rows: list[dict[str, Any]],
                     exclude_ids: set[str] | None = None) -> None:
    """Refuse an area whose name a live area of this unit (or an earlier row of the batch) already has."""
    if record_type != "residential_area" or not rows:
        return
    taken = {name_key(name): name for _id, name in own_area_names(session, exclude_ids or set())}
    for index, row in enumerate(rows):
        key = name_key(row.get("name"))
        if key in taken:
            raise ValidationError(
                f"{_row_label(index, len(rows))}Đơn vị đã có khu dân cư “{taken[key]}”; hai khu dân cư không được "
                "trùng tên. Hãy đặt tên khác (ví dụ thêm tên thôn, xóm) hoặc mở khu dân cư đã có để sửa.", "name")
        taken[key] = row.get("name") or ""


def own_area_names(session: Session, exclude_ids: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(id, name) of this unit's live areas."""
    query = select(ResidentialArea.id, ResidentialArea.name).where(
        ResidentialArea.deleted.is_(False), ResidentialArea.origin_unit == _own_unit(session))
    excluded = set(exclude_ids)
    return [(row_id, name) for row_id, name in session.execute(query) if row_id not in excluded]


def match_area(areas: Iterable[tuple[str, str]], name: str) -> tuple[str | None, str | None]:
    """For a spreadsheet naming an area: (its id, None), (None, why it is ambiguous) or (None, None) if unknown.

    The exact name (normalised) wins; a name typed without diacritics still matches when only one area
    fits. Never a silent pick between two areas."""
    from antq_desktop.domain.text import fold

    areas = list(areas)
    for same, how in (([a for a in areas if name_key(a[1]) == name_key(name)], "cùng tên"),
                      ([a for a in areas if fold(a[1]) == fold(name)], "gần giống tên")):
        if len(same) == 1:
            return same[0][0], None
        if same:
            names = ", ".join(f"“{area_name}”" for _id, area_name in same[:3])
            return None, (f"Có {len(same)} khu dân cư {how} “{name}” ({names}): không biết chọn khu nào. Hãy ghi đúng "
                          "tên có dấu, hoặc đổi tên cho khác nhau ở trang Khu dân cư, rồi xem trước lại.")
    return None, None


def sheet_area_name_problem(taken: dict[str, str], name: str) -> str | None:
    """An area row of a spreadsheet whose name this unit (or an earlier row) already has; records it."""
    key = name_key(name)
    if key in taken:
        return (f"Đơn vị đã có khu dân cư “{taken[key]}”; hai khu dân cư không được trùng tên. Dòng này sẽ không được "
                "nhập: hãy đặt tên khác hoặc bỏ dòng.")
    taken[key] = name
    return None


@dataclass(frozen=True)
class SameCitizenId:
    household_id: str
    head_name: str
    area_name: str
    citizen_id: str


def households_with_citizen_id(store: Store, citizen_id: str | None,
                               exclude_id: str | None = None) -> list[SameCitizenId]:
    """This unit's live households whose citizen ID has the same digits (a warning, not a refusal)."""
    digits = citizen_id_key(citizen_id)
    if not digits:
        return []
    with store.session_factory() as session:
        # Validation stores the 12 digits only, so the indexed column is compared directly.
        query = (select(Household.id, Household.head_name, ResidentialArea.name, Household.citizen_id)
                 .join(ResidentialArea, ResidentialArea.id == Household.area_id)
                 .where(Household.deleted.is_(False), Household.origin_unit == _own_unit(session),
                        Household.citizen_id == digits)
                 .order_by(Household.sort_key))
        rows = session.execute(query).all()
    return [SameCitizenId(row_id, head, area, cid or "") for row_id, head, area, cid in rows if row_id != exclude_id]


def citizen_id_warning(matches: list[SameCitizenId]) -> str | None:
    """One Vietnamese sentence for the household dialog, naming the other record(s)."""
    if not matches:
        return None
    first = matches[0]
    more = f" và {len(matches) - 1} hộ khác" if len(matches) > 1 else ""
    return (f"Số định danh này đã có ở hộ “{first.head_name}” ({first.area_name}){more}. Hãy kiểm tra có phải cùng "
            "một người không; nếu nhập trùng, hãy mở hộ đã có thay vì thêm hộ mới.")


@dataclass(frozen=True)
class CrossCommuneId:
    citizen_id: str  # masked to its last 4 digits (Law 91/2025): enough for the communes to find the households
    units: tuple[str, ...]  # origin unit codes, sorted
    unit_names: tuple[str, ...]
    households: int

    def as_dict(self) -> dict[str, object]:
        return {"citizen_id": self.citizen_id, "units": list(self.units), "unit_names": list(self.unit_names),
                "households": self.households}


def _commune_name(code: str) -> str:
    from antq_desktop.domain.units import find_commune

    commune = find_commune(code)
    return commune.name if commune else code


def _last_four(citizen_id: str) -> str:
    """As privacy.mask_citizen_id shows it (not imported: privacy writes records, which import this module)."""
    return "*" * (len(citizen_id) - 4) + citizen_id[-4:]


def cross_commune_citizen_ids(store: Store, limit: int = 5000) -> list[CrossCommuneId]:
    """Citizen IDs held by live households of more than one commune: a review list for the upper office
    (a family that moved, or one entered by two communes), not an error."""
    live = (Household.deleted.is_(False), Household.citizen_id.is_not(None), Household.citizen_id != "")
    with store.session_factory() as session:
        shared = session.execute(
            select(Household.citizen_id, func.count()).where(*live).group_by(Household.citizen_id)
            .having(func.count(func.distinct(Household.origin_unit)) > 1)
            .order_by(Household.citizen_id).limit(limit)).all()
        found = []
        for citizen_id, households in shared:
            units = tuple(sorted(session.scalars(select(Household.origin_unit).distinct().where(
                Household.citizen_id == citizen_id, *live)).all()))
            names = tuple(_commune_name(code) for code in units)
            found.append(CrossCommuneId(_last_four(citizen_id or ""), units, names, households))
    return found
