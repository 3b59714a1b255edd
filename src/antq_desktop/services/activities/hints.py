"""Self-assessment criteria that speak of an activity (a model, the festival, briefings, the security
force's rating, commendations), and a hint when such a criterion is ticked with nothing recorded.

Criteria are matched by their words, not their codes: an upper office may send an edited catalog
with other codes, and "mô hình" or "Ngày hội" still name the same activity.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.text import fold
from antq_desktop.storage.models import (
    Briefing,
    Commendation,
    FestivalDay,
    MovementModel,
    SecurityTeam,
    SecurityTeamRating,
)

WORKING = ("dang_hoat_dong", "da_cong_nhan")
COMPLETED = ("hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh")
# Folded words of a criterion -> the activity it speaks of (first match wins).
_WORDS = (("mo hinh", "movement_model"), ("ngay hoi", "festival_day"),
          ("luc luong tham gia bao ve an ninh", "security_team_rating"), ("pho bien, quan triet", "briefing"),
          ("khen thuong", "commendation"))
_TABS = {"movement_model": "Mô hình", "festival_day": "Ngày hội 19/8", "security_team_rating": "Xếp loại tổ",
         "briefing": "Phổ biến, quán triệt", "commendation": "Khen thưởng"}
_MISSING = {
    "movement_model": "chưa có mô hình nào đang hoạt động hoặc đã công nhận được ghi nhận",
    "festival_day": "chưa ghi nhận Ngày hội toàn dân bảo vệ ANTQ của năm {year}",
    "security_team_rating": "chưa có tổ bảo vệ ANTT nào được xếp loại hoàn thành nhiệm vụ trở lên năm {year}",
    "briefing": "chưa ghi nhận buổi phổ biến, quán triệt nào năm {year}",
    "commendation": "chưa ghi nhận khen thưởng nào năm {year}",
}


def activity_of(criterion_text: str) -> str | None:
    """The activity record type a criterion speaks of, or None."""
    words = fold(criterion_text)
    return next((record_type for phrase, record_type in _WORDS if phrase in words), None)


def _subject(model: Any, subject_kind: str, subject_id: str | None) -> list[Any]:
    """Conditions tying an activity to the assessed subject (the commune: any of its own)."""
    if subject_kind == "area" and hasattr(model, "area_id"):
        own = model.area_id == subject_id
        if model is FestivalDay:  # an area takes part in the commune's own festival too
            return [or_(own, and_(model.area_id.is_(None), model.organization_id.is_(None)))]
        return [own]
    if subject_kind == "organization" and hasattr(model, "organization_id"):
        return [model.organization_id == subject_id]
    return []


def _recorded(session: Session, record_type: str, year: int, subject_kind: str, subject_id: str | None,
              unit: str) -> bool:
    if record_type == "security_team_rating":
        conditions: list[Any] = [SecurityTeamRating.year == year, SecurityTeamRating.rating.in_(COMPLETED),
                                 SecurityTeam.deleted.is_(False)]
        if subject_kind == "area":
            conditions.append(SecurityTeam.area_id == subject_id)
        stmt = select(SecurityTeamRating.id).join(SecurityTeam, SecurityTeam.id == SecurityTeamRating.team_id)
        return session.execute(stmt.where(SecurityTeamRating.deleted.is_(False),
                                          SecurityTeamRating.origin_unit == unit, *conditions).limit(1)).first() \
            is not None
    model = {"movement_model": MovementModel, "festival_day": FestivalDay, "briefing": Briefing,
             "commendation": Commendation}[record_type]
    when = ([MovementModel.started_year <= year, MovementModel.status.in_(WORKING)] if model is MovementModel
            else [model.__table__.c.year == year])
    return bool(session.execute(select(exists().where(model.deleted.is_(False), model.origin_unit == unit, *when,
                                                      *_subject(model, subject_kind, subject_id)))).scalar())


def criterion_hints(session: Session, year: int, subject_kind: str, subject_id: str | None, unit: str,
                    criteria: list[tuple[str, str]]) -> dict[str, str]:
    """{criterion code: hint} for the criteria (code, text) that speak of an activity none of which is
    recorded for this subject and year; a criterion with a record, or about nothing recorded, has none."""
    hints = {}
    for code, text in criteria:
        record_type = activity_of(text)
        if record_type and not _recorded(session, record_type, year, subject_kind, subject_id, unit):
            hints[code] = (f"Đã đánh dấu đạt nhưng {_MISSING[record_type].format(year=year)}. Hãy ghi nhận ở trang "
                           f"“Phong trào”, thẻ “{_TABS[record_type]}”, hoặc ghi minh chứng bên cạnh.")
    return hints
