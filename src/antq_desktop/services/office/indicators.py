"""Computing the year's target indicators (chỉ tiêu) from the records in the store.

An indicator is computed over the whole store (what a commune sees of itself, or an upper
office of all its communes), for one origin unit (one commune), or for every origin unit at
once (the upper office's overview): the same definition each time, over a `Scope` whose counts
are plain numbers, or `Counts` per unit from queries grouped by origin unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeAlias

from sqlalchemy import and_, distinct, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.catalog import CatalogError
from antq_desktop.storage.models import (
    Assessment,
    Briefing,
    Commendation,
    FestivalDay,
    Household,
    MovementModel,
    Organization,
    Plan,
    Pledge,
    Registration,
    ResidentialArea,
    SecurityTeam,
    SecurityTeamRating,
    SyncedRecord,
    UnitProfile,
)

ALL_ORG_TYPES = ("agency", "enterprise", "school")


def household_in_year(year: int) -> list[ColumnElement[bool]]:
    """A household counts in `year` if it was part of the commune then (issue 14: past years stay as
    reported): entered before the year ended, not moved away before it began ("Chuyển đi", left_on),
    and not deleted — or deleted only in a later year (a deletion corrects the year it is made in,
    never the years already reported; the tombstone's updated_at is when it was deleted)."""
    start, end = date(year, 1, 1), datetime(year + 1, 1, 1)
    return [Household.created_at < end,
            or_(Household.left_on.is_(None), Household.left_on >= start),
            or_(Household.deleted.is_(False), Household.updated_at >= end)]


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return None if self.denominator == 0 else round(100.0 * self.numerator / self.denominator, 2)


class Counts:
    """A count per origin unit, from a Scope grouped by unit; a unit absent from `values` has `default`
    (0 when no row of it matched, or a constant such as one commune per commune)."""

    __slots__ = ("values", "default")

    def __init__(self, values: dict[str, int] | None = None, default: int = 0) -> None:
        self.values, self.default = values or {}, default

    def get(self, unit: str) -> int:
        return self.values.get(unit, self.default)

    def __add__(self, other: Counts | int) -> Counts:
        if isinstance(other, int):
            return Counts({unit: value + other for unit, value in self.values.items()}, self.default + other)
        return Counts({unit: self.get(unit) + other.get(unit) for unit in self.values.keys() | other.values.keys()},
                      self.default + other.default)

    __radd__ = __add__

    def at_most(self, limit: int) -> Counts:
        return Counts({unit: min(limit, value) for unit, value in self.values.items()}, min(limit, self.default))

    def __repr__(self) -> str:
        return f"Counts({self.values!r}, default={self.default})"


Count: TypeAlias = int | Counts  # a Scope's figure: a number, or one per unit when grouped


@dataclass(frozen=True)
class Ratios:
    """An indicator for every origin unit: numerators and denominators per unit."""

    numerator: Counts
    denominator: Counts

    def get(self, unit: str) -> Ratio:
        return Ratio(self.numerator.get(unit), self.denominator.get(unit))

    def units(self) -> set[str]:
        return self.numerator.values.keys() | self.denominator.values.keys()


class Scope:
    """The records an indicator looks at: live ones, of one year; of one origin unit (`unit`), of
    the whole store, or of each origin unit in turn (`by_unit`: every count is then `Counts`, from
    one query grouped by origin unit, and an organisation a registration or assessment refers to
    counts when it is of that registration's unit, as in a Scope of one unit).
    A query asked twice of one Scope (an indicator reusing another's count) runs once."""

    def __init__(self, session: Session, year: int, unit: str | None = None, *, by_unit: bool = False) -> None:
        if unit is not None and by_unit:
            raise ValueError("a Scope is of one unit or grouped by unit, not both")
        self.session, self.year, self.unit, self.by_unit = session, year, unit, by_unit
        self._seen: dict[tuple[Any, ...], Count] = {}

    def _where(self, model: type[SyncedRecord]) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [model.deleted.is_(False)]
        if self.unit is not None:
            conditions.append(model.origin_unit == self.unit)
        return conditions

    def _same_unit(self, inner: type[SyncedRecord], outer: type[SyncedRecord]) -> list[ColumnElement[bool]]:
        """Conditions on the records a subquery looks up: live, and of the unit counted."""
        if self.by_unit:  # correlated: the referring record's own unit
            return [*self._where(inner), inner.origin_unit == outer.origin_unit]
        return self._where(inner)

    def count(self, stmt: Any, model: type[SyncedRecord]) -> Count:
        """A `SELECT count(...)` over `model`'s records: one number, or one per unit grouped on
        `model.origin_unit` (the column every synced table indexes)."""
        if self.by_unit:
            stmt = stmt.add_columns(model.origin_unit).group_by(model.origin_unit)
            return Counts({unit: int(n) for n, unit in self.session.execute(stmt)})
        return int(self.session.execute(stmt).scalar() or 0)

    def _once(self, key: tuple[Any, ...], counter: Callable[[], Count]) -> Count:
        """A count several indicators share (the areas, the organisations...) runs once per Scope."""
        if key not in self._seen:
            self._seen[key] = counter()
        return self._seen[key]

    def constant(self, value: int) -> Count:
        return Counts(default=value) if self.by_unit else value

    def ratio(self, numerator: Count, denominator: Count) -> Any:
        """A `Ratio`, or `Ratios` when grouped by unit (even when no unit has a row: a year without
        assessments gives plain zeros, and every unit then has 0/0, "no data yet")."""
        if self.by_unit or isinstance(numerator, Counts) or isinstance(denominator, Counts):
            return Ratios(numerator + Counts(), denominator + Counts())
        return Ratio(numerator, denominator)

    @staticmethod
    def at_most(limit: int, value: Count) -> Count:
        return value.at_most(limit) if isinstance(value, Counts) else min(limit, value)

    def live(self, model: type[SyncedRecord], *conditions: ColumnElement[bool]) -> Any:
        """Live records of `model` (meeting `conditions`); all of them counted once per Scope."""
        def counter() -> Count:
            stmt = select(func.count()).select_from(model).where(*self._where(model), *conditions)
            return self.count(stmt, model)
        return counter() if conditions else self._once(("live", model), counter)

    def areas(self) -> Any:
        return self.live(ResidentialArea)

    def households(self) -> Any:
        """The households that were part of the commune in the year (see `household_in_year`)."""
        def counter() -> Count:
            where = [Household.origin_unit == self.unit] if self.unit is not None else []
            stmt = select(func.count()).select_from(Household).where(*where, *household_in_year(self.year))
            return self.count(stmt, Household)
        return self._once(("households_in_year",), counter)

    def orgs(self, types: tuple[str, ...]) -> Any:
        return self._once(("orgs", types), lambda: self.live(
            Organization, Organization.in_scope.is_(True), Organization.org_type.in_(types)))

    def org_ids(self, types: tuple[str, ...], referrer: type[SyncedRecord] = Organization) -> Any:
        """In-scope organisations of these types (grouped: of the referring record's unit)."""
        return select(Organization.id).where(*self._same_unit(Organization, referrer), Organization.in_scope.is_(True),
                                             Organization.org_type.in_(types))

    def live_household(self, household_id: Any) -> ColumnElement[bool]:
        """The household a record refers to is live (a reference always exists: foreign key).
        One unit's few thousand references are each looked up; over many units, a lookup per
        reference costs seconds (1 M rows) and leaving out the few deleted households is one pass."""
        if self.unit is not None:
            return exists().where(Household.id == household_id, *household_in_year(self.year))
        return household_id.not_in(select(Household.id).where(~and_(*household_in_year(self.year))))

    def communes(self) -> Any:
        """A commune assesses itself; the upper office counts the communes whose data it holds."""
        if self.unit is not None or self.by_unit:
            return self.constant(1)
        profile = self.session.get(UnitProfile, 1)
        if profile is not None and profile.role == "commune":
            return 1
        own = profile.unit_code if profile else ""
        units = select(ResidentialArea.origin_unit).where(ResidentialArea.origin_unit != own).distinct()
        return len(self.session.execute(units).all())

    def _registered(self, subject_kind: str, *conditions: ColumnElement[bool]) -> Any:
        subject = func.coalesce(Registration.area_id, Registration.organization_id, Registration.origin_unit)
        return self.count(select(func.count(distinct(subject))).where(
            *self._where(Registration), Registration.year == self.year,
            Registration.subject_kind == subject_kind, *conditions), Registration)

    def registered(self, subject_kind: str) -> Any:
        return self._once(("registered", subject_kind), lambda: self._registered(subject_kind))

    def registered_orgs(self, types: tuple[str, ...]) -> Any:
        return self._once(("registered_orgs", types), lambda: self._registered(
            "organization", Registration.organization_id.in_(self.org_ids(types, Registration))))

    def _met(self, subject_kind: str, *conditions: ColumnElement[bool]) -> Any:
        subject = func.coalesce(Assessment.area_id, Assessment.organization_id, Assessment.origin_unit)
        return self.count(select(func.count(distinct(subject))).where(
            *self._where(Assessment), Assessment.year == self.year, Assessment.status == "submitted",
            Assessment.outcome == "dat", Assessment.subject_kind == subject_kind, *conditions), Assessment)

    def met(self, subject_kind: str) -> Any:
        return self._once(("met", subject_kind), lambda: self._met(subject_kind))

    def met_orgs(self, types: tuple[str, ...]) -> Any:
        return self._once(("met_orgs", types), lambda: self._met(
            "organization", Assessment.organization_id.in_(self.org_ids(types, Assessment))))

    def units_with(self, model: type[SyncedRecord], *conditions: ColumnElement[bool]) -> Any:
        """Communes with at least one live record of `model` meeting `conditions` (0 or 1 for one
        unit or per unit); over an office's whole store, its communes' (as `communes` counts them)."""
        extra: list[ColumnElement[bool]] = []
        if self.unit is None and not self.by_unit:
            profile = self.session.get(UnitProfile, 1)
            if profile is not None and profile.role != "commune":
                extra.append(model.origin_unit != profile.unit_code)
        return self.count(select(func.count(distinct(model.origin_unit))).where(
            *self._where(model), *conditions, *extra), model)

    def total(self, column: Any, model: type[SyncedRecord], *conditions: ColumnElement[bool]) -> Any:
        """The sum of `column` over live records of `model` (0 when none)."""
        return self.count(select(func.coalesce(func.sum(column), 0)).where(*self._where(model), *conditions), model)

    def levels(self) -> list[tuple[str, str, Count]]:
        """Submitted assessments by catalog and level: (catalog, level, count), the count per unit if grouped."""
        keys = [Assessment.origin_unit] if self.by_unit else []
        stmt = select(Assessment.catalog_code, Assessment.level, func.count(), *keys).where(
            *self._where(Assessment), Assessment.year == self.year, Assessment.status == "submitted",
        ).group_by(Assessment.catalog_code, Assessment.level, *keys)
        rows: Any = self.session.execute(stmt)
        if not self.by_unit:
            return [(code, level, count) for code, level, count in rows]
        grouped: dict[tuple[str, str], dict[str, int]] = {}
        for code, level, count, unit in rows:
            grouped.setdefault((code, level), {})[unit] = int(count)
        return [(code, level, Counts(counts)) for (code, level), counts in grouped.items()]


# Each indicator, once: a Ratio over a Scope of the store or of one unit, Ratios over a Scope by unit.

def areas_registered(s: Scope) -> Any:
    return s.ratio(s.registered("area"), s.areas())


def orgs_registered(s: Scope) -> Any:
    return s.ratio(s.registered_orgs(("agency", "school")), s.orgs(("agency", "school")))


def enterprises_registered(s: Scope) -> Any:
    return s.ratio(s.registered_orgs(("enterprise",)), s.orgs(("enterprise",)))


def units_registered(s: Scope) -> Any:
    numerator = s.registered("area") + s.registered_orgs(ALL_ORG_TYPES) + s.registered("commune")
    return s.ratio(numerator, s.areas() + s.orgs(ALL_ORG_TYPES) + s.communes())


def areas_meet_standard(s: Scope) -> Any:
    return s.ratio(s.met("area"), s.areas())


def units_meet_standard(s: Scope) -> Any:
    numerator = s.met("area") + s.met_orgs(ALL_ORG_TYPES) + s.met("commune")
    return s.ratio(numerator, s.areas() + s.orgs(ALL_ORG_TYPES) + s.communes())


def enterprises_meet_standard(s: Scope) -> Any:
    return s.ratio(s.met_orgs(("enterprise",)), s.registered_orgs(("enterprise",)))


def classified_kha_or_above(s: Scope) -> Any:
    good: Count = 0
    total: Count = 0
    for catalog_code, level, count in s.levels():
        total += count
        try:
            catalog = catalogs.get_catalog(catalog_code)
        except CatalogError:
            continue  # an unknown catalog cannot vouch for its level
        if catalog.rank(level) <= catalog.rank("kha"):
            good += count
    return s.ratio(good, total)


def households_pledged(s: Scope) -> Any:
    pledged = select(func.count(distinct(Pledge.household_id))).where(
        *s._where(Pledge), Pledge.year == s.year, Pledge.status == "signed", s.live_household(Pledge.household_id))
    return s.ratio(s.count(pledged, Pledge), s.households())


def plan_issued(s: Scope) -> Any:
    return s.ratio(s.at_most(1, s.live(Plan, Plan.year == s.year)), s.constant(1))


# The movement's activities (issue 20).
WORKING_MODEL = ("dang_hoat_dong", "da_cong_nhan")
TEAM_COMPLETED = ("hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh")


def communes_with_model(s: Scope) -> Any:
    """A commune with at least one model started by the year and working (or recognised)."""
    return s.ratio(s.units_with(MovementModel, MovementModel.started_year <= s.year,
                                MovementModel.status.in_(WORKING_MODEL)), s.communes())


def festival_held(s: Scope) -> Any:
    return s.ratio(s.units_with(FestivalDay, FestivalDay.year == s.year), s.communes())


def orgs_festival_held(s: Scope) -> Any:
    held = select(func.count(distinct(FestivalDay.organization_id))).where(
        *s._where(FestivalDay), FestivalDay.year == s.year,
        FestivalDay.organization_id.in_(s.org_ids(ALL_ORG_TYPES, FestivalDay)))
    return s.ratio(s.count(held, FestivalDay), s.orgs(ALL_ORG_TYPES))


def briefed(s: Scope) -> Any:
    """People present over people invited, over the year's briefings (none: no figure)."""
    return s.ratio(s.total(Briefing.present, Briefing, Briefing.year == s.year),
                   s.total(Briefing.invited, Briefing, Briefing.year == s.year))


def security_teams_completed(s: Scope) -> Any:
    """Of the year's ratings of live teams, those "hoàn thành nhiệm vụ" or better."""
    rated = (SecurityTeamRating.year == s.year,
             SecurityTeamRating.team_id.not_in(select(SecurityTeam.id).where(SecurityTeam.deleted.is_(True))))
    return s.ratio(s.live(SecurityTeamRating, *rated, SecurityTeamRating.rating.in_(TEAM_COMPLETED)),
                   s.live(SecurityTeamRating, *rated))


def activity_counts(s: Scope) -> dict[str, Any]:
    """How many of the year's activities, for the summary's columns (a number, or `Counts` per unit):
    working models started by the year (as `communes_with_model` counts them), festival days held,
    commendations awarded."""
    return {"models": s.live(MovementModel, MovementModel.started_year <= s.year,
                             MovementModel.status.in_(WORKING_MODEL)),
            "festivals": s.live(FestivalDay, FestivalDay.year == s.year),
            "commendations": s.live(Commendation, Commendation.year == s.year)}


INDICATORS: dict[str, Callable[[Scope], Any]] = {
    "areas_registered_pct": areas_registered,
    "orgs_registered_pct": orgs_registered,
    "enterprises_registered_pct": enterprises_registered,
    "units_registered_pct": units_registered,
    "areas_meet_standard_pct": areas_meet_standard,
    "units_meet_standard_pct": units_meet_standard,
    "enterprises_meet_standard_pct": enterprises_meet_standard,
    "classified_kha_or_above_pct": classified_kha_or_above,
    "households_pledged_pct": households_pledged,
    "plan_issued_pct": plan_issued,
    "communes_with_model_pct": communes_with_model,
    "festival_held_pct": festival_held,
    "orgs_festival_held_pct": orgs_festival_held,
    "briefed_pct": briefed,
    "security_teams_completed_pct": security_teams_completed,
}


def compute(session: Session, indicator: str, year: int, unit: str | None = None) -> Ratio | None:
    """One indicator for the whole store or one origin unit; None for an indicator this version lacks."""
    function = INDICATORS.get(indicator)
    return function(Scope(session, year, unit)) if function else None


def compute_by_unit(session: Session, indicators: Iterable[str], year: int, units: Iterable[str],
                    scope: Scope | None = None) -> dict[str, dict[str, Ratio]]:
    """Indicators for every unit in `units` at once: {indicator: {unit: Ratio}}, equal to `compute`
    for each unit, from a number of grouped queries that does not grow with the number of units.
    An indicator this version lacks is left out. `scope` (grouped by unit, of `year`) shares the
    counts a caller has already made with it (the overview's live records per unit)."""
    scope = scope or Scope(session, year, by_unit=True)
    if not scope.by_unit or scope.year != year:
        raise ValueError("compute_by_unit needs a Scope grouped by unit, of the same year")
    wanted = list(units)
    out: dict[str, dict[str, Ratio]] = {}
    for indicator in indicators:
        function = INDICATORS.get(indicator)
        if function is not None and indicator not in out:
            ratios: Ratios = function(scope)
            out[indicator] = {unit: ratios.get(unit) for unit in wanted}
    return out
