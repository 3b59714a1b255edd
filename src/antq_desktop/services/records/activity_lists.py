"""The activities' lists for the pages and the import wizard: each record with the names of the area,
organisation or team it refers to (services/records/queries.py asks here for these record types)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from antq_desktop.storage.models import (
    Briefing,
    Commendation,
    FestivalDay,
    MovementModel,
    Organization,
    ResidentialArea,
    SecurityTeam,
    SecurityTeamRating,
)

A, ORGS = ResidentialArea.__table__, Organization.__table__
Base = tuple[Select[Any], Any, ColumnElement[Any], ColumnElement[Any]]  # select, table, sort, search


def _with_place(table: Any) -> tuple[Select[Any], ColumnElement[Any]]:
    """The record with its area's and organisation's names; searched on their folded names."""
    area, org = A.alias("activity_area"), ORGS.alias("activity_org")
    joined = table.outerjoin(area, table.c.area_id == area.c.id) if "area_id" in table.c else table
    joined = joined.outerjoin(org, table.c.organization_id == org.c.id)
    names = [org.c.name.label("organization_name")]
    search = [org.c.search_key]
    if "area_id" in table.c:
        names.append(area.c.name.label("area_name"))
        search.append(area.c.search_key)
    return select(table, *names).select_from(joined), func.coalesce(*search, literal(""))


def _models() -> Base:
    M = MovementModel.__table__
    stmt, _ = _with_place(M)
    return stmt, M, M.c.started_year.desc(), M.c.search_key


def _festivals() -> Base:
    F = FestivalDay.__table__
    stmt, search = _with_place(F)
    return stmt, F, F.c.held_on.desc(), search


def _briefings() -> Base:
    B = Briefing.__table__
    stmt, search = _with_place(B)
    return stmt, B, B.c.held_on.desc(), search


def _commendations() -> Base:
    C = Commendation.__table__
    stmt, _ = _with_place(C)
    return stmt, C, C.c.awarded_on.desc(), C.c.search_key


def _teams(year: int | None) -> Base:
    T = SecurityTeam.__table__
    columns: list[Any] = [T, A.c.name.label("area_name")]
    if year is not None:  # the team's rating of the year being looked at, shown beside it
        rating = select(SecurityTeamRating.rating).where(SecurityTeamRating.team_id == T.c.id,
                                                         SecurityTeamRating.year == year,
                                                         SecurityTeamRating.deleted.is_(False)).limit(1)
        columns.append(rating.scalar_subquery().label("rating"))
    stmt = select(*columns).select_from(T.join(A, T.c.area_id == A.c.id))
    return stmt, T, A.c.sort_key, A.c.search_key


def _ratings() -> Base:
    R, T = SecurityTeamRating.__table__, SecurityTeam.__table__
    joined = R.join(T, R.c.team_id == T.c.id).join(A, T.c.area_id == A.c.id)
    stmt = select(R, T.c.name.label("team_name"), A.c.name.label("area_name")).select_from(joined)
    return stmt, R, A.c.sort_key, A.c.search_key


def base(record_type: str, year: int | None) -> Base | None:
    """(select, table, default sort, search) for an activity type; None for any other type."""
    builders = {"movement_model": _models, "festival_day": _festivals, "briefing": _briefings,
                "commendation": _commendations, "security_team_rating": _ratings}
    if record_type == "security_team":
        return _teams(year)
    builder = builders.get(record_type)
    return builder() if builder else None
