"""A spreadsheet row names the area, organisation or security team it belongs to by its name, as a person
types it: "truong thcs  an nong" for "Trường THCS An Nông". Here those names become ids.

Only this unit's live records are candidates (an activity may name only its own unit's area, organisation
or team: records/rules.check_same_unit). The exact name wins (NFC, case and runs of spaces ignored); a name
typed without diacritics still matches when only one record fits. Never a silent pick between two records,
and never a guess for a name that is not there: the row is refused with a sentence saying what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from antq_desktop.domain.text import fold
from antq_desktop.services.records import duplicates
from antq_desktop.services.records.duplicates import name_key
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    Organization,
    ResidentialArea,
    SecurityTeam,
    SecurityTeamRating,
    UnitProfile,
)


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    area_id: str | None = None  # a team's area: two teams of one name are told apart by it


@dataclass(frozen=True)
class Noun:
    """How a message names the kind of record: "khu dân cư", added "ở trang Khu dân cư"."""

    word: str
    page: str


AREA = Noun("khu dân cư", "trang Khu dân cư")
ORGANIZATION = Noun("cơ quan, doanh nghiệp, trường học", "trang Cơ quan – doanh nghiệp – trường học")
TEAM = Noun("tổ bảo vệ an ninh, trật tự", "trang Phong trào, thẻ “Tổ bảo vệ ANTT”")


@dataclass
class Candidates:
    """This unit's live records a sheet may name (loaded once per preview, only the kinds it needs)."""

    areas: list[Named] = field(default_factory=list)
    organizations: list[Named] = field(default_factory=list)
    teams: list[Named] = field(default_factory=list)
    # (team id, year) already rated -> the sheet line that rated it, or None for a stored rating
    rated: dict[tuple[str, int], int | None] = field(default_factory=dict)


def load(store: Store, *, areas: bool = False, organizations: bool = False, teams: bool = False) -> Candidates:
    found = Candidates()
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        unit = profile.unit_code if profile is not None else ""

        def own(model: type[ResidentialArea] | type[Organization] | type[SecurityTeam]) -> tuple:
            return model.deleted.is_(False), model.origin_unit == unit

        if areas:
            found.areas = [Named(i, n) for i, n in session.execute(
                select(ResidentialArea.id, ResidentialArea.name).where(*own(ResidentialArea)))]
        if organizations:
            found.organizations = [Named(i, n) for i, n in session.execute(
                select(Organization.id, Organization.name).where(*own(Organization)))]
        if teams:
            found.teams = [Named(i, n, a) for i, n, a in session.execute(
                select(SecurityTeam.id, SecurityTeam.name, SecurityTeam.area_id).where(*own(SecurityTeam)))]
            found.rated = {(t, y): None for t, y in session.execute(
                select(SecurityTeamRating.team_id, SecurityTeamRating.year).where(
                    SecurityTeamRating.deleted.is_(False), SecurityTeamRating.origin_unit == unit))}
    return found


def fits(candidates: Iterable[Named], typed: str) -> list[Named]:
    """The records `typed` names: the exact name (normalised) if any has it, else those equal without
    diacritics; one, several (ambiguous) or none (unknown)."""
    candidates = list(candidates)
    exact = [c for c in candidates if name_key(c.name) == name_key(typed)]
    return exact or [c for c in candidates if fold(c.name) == fold(typed)]


def _shown(typed: str) -> str:
    return " ".join(typed.split())


def ambiguous(same: Sequence[Named], typed: str, noun: Noun, also: str = "") -> str:
    listed = ", ".join(f"“{n.name}”" for n in same[:3]) + (" …" if len(same) > 3 else "")
    return (f"Có {len(same)} {noun.word} ứng với tên “{_shown(typed)}” ({listed}): không biết chọn {noun.word} nào. "
            f"Hãy ghi đúng tên có dấu, {also}hoặc đổi tên cho khác nhau ở {noun.page}, rồi xem trước lại.")


def unknown(typed: str, noun: Noun) -> str:
    return (f"Không có {noun.word} “{_shown(typed)}” trong chương trình. Hãy kiểm tra tên trong tệp, hoặc thêm "
            f"{noun.word} ở {noun.page} trước, rồi xem trước lại.")


def match(candidates: Iterable[Named], typed: str, noun: Noun) -> tuple[str | None, str | None]:
    """(its id, None), or (None, why not): no record of that name, or several that fit."""
    same = fits(candidates, typed)
    if len(same) == 1:
        return same[0].id, None
    return None, ambiguous(same, typed, noun) if same else unknown(typed, noun)


def match_team(candidates: Candidates, typed: str, area_id: str | None) -> tuple[str | None, str | None]:
    """A team by its name; two areas often name their teams alike ("Tổ số 1"), so the row's area, when
    given, narrows the choice first."""
    same = fits([t for t in candidates.teams if area_id is None or t.area_id == area_id], typed)
    if len(same) == 1:
        return same[0].id, None
    if same:
        return None, ambiguous(same, typed, TEAM, "" if area_id else "thêm cột “Khu dân cư” ghi khu của tổ, ")
    if area_id is None:
        return None, unknown(typed, TEAM)
    return None, (f"Khu dân cư ghi ở dòng này không có {TEAM.word} “{_shown(typed)}”. Hãy kiểm tra tên tổ và khu "
                  f"dân cư trong tệp, hoặc thêm tổ ở {TEAM.page} trước, rồi xem trước lại.")


# The cells that name a record, and the id each one fills in.
NAME_CELLS = {"area_name": "area_id", "organization_name": "organization_id", "team_name": "team_id"}


def needs(field_keys: Iterable[str]) -> dict[str, bool]:
    """What `load` must read for a sheet with these fields."""
    keys = set(field_keys)
    return {"areas": bool(keys & {"area_name", "team_name"}), "organizations": "organization_name" in keys,
            "teams": "team_name" in keys}


def _present(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def resolve(cells: dict[str, object], found: Candidates) -> tuple[dict[str, str | None], list[str]]:
    """The ids the row's name cells stand for ({"area_id": …}) and, first, what is wrong with them.
    A name cell left empty gives no id (the validator then says whether it was required)."""
    ids: dict[str, str | None] = {}
    problems: list[str] = []
    area = cells.get("area_name")
    if _present(area):
        ids["area_id"], problem = duplicates.match_area([(a.id, a.name) for a in found.areas], str(area))
        if ids["area_id"] is None:
            problems.append(problem or f"Không có khu dân cư “{area}” trong danh sách; hãy thêm khu dân cư trước.")
    organization = cells.get("organization_name")
    if _present(organization):
        ids["organization_id"], problem = match(found.organizations, str(organization), ORGANIZATION)
        problems += [problem] if problem else []
    team = cells.get("team_name")
    if _present(team) and not (_present(area) and ids.get("area_id") is None):  # a wrong area is said once
        ids["team_id"], problem = match_team(found, str(team), ids.get("area_id"))
        problems += [problem] if problem else []
    return ids, problems


def already_rated(found: Candidates, team_id: str, year: int, line: int) -> str | None:
    """A team is rated once a year: refused if a stored rating or an earlier row of the sheet has it;
    otherwise records this row's (`line`) for the rows below."""
    key = (team_id, year)
    if key not in found.rated:
        found.rated[key] = line
        return None
    where = "đã có trong chương trình" if found.rated[key] is None else f"đã có ở dòng {found.rated[key]} của tệp"
    return (f"Kết quả xếp loại năm {year} của tổ này {where}; mỗi tổ chỉ xếp loại một lần mỗi năm. Hãy bỏ dòng "
            "này, hoặc sửa kết quả đã có ở trang Phong trào, thẻ “Xếp loại tổ”.")
