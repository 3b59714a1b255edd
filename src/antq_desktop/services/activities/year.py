"""The year's activities of the store (a commune: its own), for the commune report and the
self-assessment hints: one query per kind, plain values, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.activity_validation import (
    AUDIENCE_KINDS,
    COMMENDATION_SUBJECTS,
    MODEL_KINDS,
    MODEL_STATUSES,
    TEAM_RATINGS,
)
from antq_desktop.services.records.rules import ACTIVITY_TYPES
from antq_desktop.storage.models import (
    Briefing,
    Commendation,
    FestivalDay,
    MovementModel,
    SecurityTeam,
    SecurityTeamRating,
)

# Vietnamese names of the record types (the audit log, the import wizard, the report).
ACTIVITY_LABELS = {
    "movement_model": "Mô hình, điển hình tiên tiến", "festival_day": "Ngày hội toàn dân bảo vệ ANTQ",
    "briefing": "Buổi phổ biến, quán triệt", "commendation": "Khen thưởng, biểu dương",
    "security_team": "Tổ bảo vệ an ninh, trật tự ở cơ sở", "security_team_rating": "Xếp loại tổ bảo vệ ANTT",
}
WORKING = ("dang_hoat_dong", "da_cong_nhan")


@dataclass(frozen=True)
class ModelLine:
    name: str
    kind: str
    status: str
    started_year: int
    recognised: str  # "UBND xã, 12/09/2025" or ""


@dataclass(frozen=True)
class FestivalLine:
    held_on: date
    place: str
    participants: int
    by_organization: bool


@dataclass(frozen=True)
class CommendationLine:
    subject: str
    kind: str
    level: str
    awarded_by: str
    awarded_on: date


@dataclass(frozen=True)
class YearActivities:
    year: int
    models: tuple[ModelLine, ...] = ()
    festivals: tuple[FestivalLine, ...] = ()
    briefings: int = 0
    invited: int = 0
    present: int = 0
    audiences: tuple[str, ...] = ()
    commendations: tuple[CommendationLine, ...] = ()
    teams: int = 0
    team_members: int = 0
    ratings: dict[str, int] = field(default_factory=dict)  # rating label -> teams

    @property
    def working_models(self) -> int:
        return sum(1 for m in self.models if m.status in (MODEL_STATUSES[s] for s in WORKING))

    @property
    def commune_festival(self) -> bool:
        return any(not f.by_organization for f in self.festivals)


def _live(model: Any, unit: str | None) -> list[Any]:
    conditions = [model.deleted.is_(False)]
    if unit is not None:
        conditions.append(model.origin_unit == unit)
    return conditions


def _recognised(model: MovementModel) -> str:
    day = model.recognised_on.strftime("%d/%m/%Y") if model.recognised_on else ""
    return ", ".join(part for part in (model.recognised_by or "", day) if part)


def _models(session: Session, year: int, unit: str | None) -> tuple[ModelLine, ...]:
    rows = session.execute(select(MovementModel).where(*_live(MovementModel, unit), MovementModel.started_year <= year)
                           .order_by(MovementModel.started_year, MovementModel.name)).scalars()
    return tuple(ModelLine(m.name, MODEL_KINDS.get(m.kind, m.kind), MODEL_STATUSES.get(m.status, m.status),
                           m.started_year, _recognised(m))
                 for m in rows)


def _festivals(session: Session, year: int, unit: str | None) -> tuple[FestivalLine, ...]:
    rows = session.execute(select(FestivalDay).where(*_live(FestivalDay, unit), FestivalDay.year == year)
                           .order_by(FestivalDay.held_on, FestivalDay.id)).scalars()
    return tuple(FestivalLine(f.held_on, f.place, f.participants, f.organization_id is not None) for f in rows)


def _commendations(session: Session, year: int, unit: str | None) -> tuple[CommendationLine, ...]:
    rows = session.execute(select(Commendation).where(*_live(Commendation, unit), Commendation.year == year)
                           .order_by(Commendation.awarded_on, Commendation.subject_name)).scalars()
    return tuple(CommendationLine(c.subject_name, COMMENDATION_SUBJECTS.get(c.subject_kind, c.subject_kind), c.level,
                                  c.awarded_by, c.awarded_on) for c in rows)


def year_activities(session: Session, year: int, unit: str | None = None) -> YearActivities:
    """Everything recorded for `year` (of `unit`, or the whole store)."""
    briefings = session.execute(select(func.count(), func.coalesce(func.sum(Briefing.invited), 0),
                                       func.coalesce(func.sum(Briefing.present), 0))
                                .where(*_live(Briefing, unit), Briefing.year == year)).one()
    audiences = session.execute(select(Briefing.audience_kind).where(*_live(Briefing, unit), Briefing.year == year)
                                .distinct().order_by(Briefing.audience_kind)).scalars()
    teams = session.execute(select(func.count(), func.coalesce(func.sum(SecurityTeam.members), 0))
                            .where(*_live(SecurityTeam, unit))).one()
    ratings = session.execute(select(SecurityTeamRating.rating, func.count())
                              .join(SecurityTeam, SecurityTeam.id == SecurityTeamRating.team_id)
                              .where(*_live(SecurityTeamRating, unit), SecurityTeam.deleted.is_(False),
                                     SecurityTeamRating.year == year)
                              .group_by(SecurityTeamRating.rating)).all()
    order = list(TEAM_RATINGS)
    return YearActivities(
        year, _models(session, year, unit), _festivals(session, year, unit),
        int(briefings[0]), int(briefings[1]), int(briefings[2]),
        tuple(AUDIENCE_KINDS.get(a, a) for a in audiences), _commendations(session, year, unit),
        int(teams[0]), int(teams[1]),
        {TEAM_RATINGS[r]: int(n) for r, n in sorted(ratings, key=lambda x: order.index(x[0]) if x[0] in order else 9)
         if r in TEAM_RATINGS},
    )


__all__ = ["ACTIVITY_LABELS", "ACTIVITY_TYPES", "YearActivities", "year_activities"]
