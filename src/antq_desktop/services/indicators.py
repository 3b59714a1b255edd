"""Computing the year's target indicators (chỉ tiêu) from the records in the store.

An indicator is computed over the whole store (what a commune sees of itself, or an upper
office of all its communes) or for one origin unit (one commune, for the upper office's overview).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.catalog import CatalogError
from antq_desktop.storage.models import (
    Assessment,
    Household,
    Organization,
    Plan,
    Pledge,
    Registration,
    ResidentialArea,
    SyncedRecord,
    UnitProfile,
)

ALL_ORG_TYPES = ("agency", "enterprise", "school")


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return None if self.denominator == 0 else round(100.0 * self.numerator / self.denominator, 2)


class Scope:
    """The records an indicator looks at: live ones, of one year, optionally of one origin unit."""

    def __init__(self, session: Session, year: int, unit: str | None = None) -> None:
        self.session, self.year, self.unit = session, year, unit

    def _where(self, model: type[SyncedRecord]) -> list[ColumnElement[bool]]:
        conditions = [model.deleted.is_(False)]
        if self.unit is not None:
            conditions.append(model.origin_unit == self.unit)
        return conditions

    def count(self, stmt: Any) -> int:
        return int(self.session.execute(stmt).scalar() or 0)

    def live(self, model: type[SyncedRecord], *conditions: ColumnElement[bool]) -> int:
        return self.count(select(func.count()).select_from(model).where(*self._where(model), *conditions))

    def areas(self) -> int:
        return self.live(ResidentialArea)

    def orgs(self, types: tuple[str, ...]) -> int:
        return self.live(Organization, Organization.in_scope.is_(True), Organization.org_type.in_(types))

    def org_ids(self, types: tuple[str, ...]) -> Any:
        return select(Organization.id).where(*self._where(Organization), Organization.in_scope.is_(True),
                                             Organization.org_type.in_(types))

    def communes(self) -> int:
        """A commune assesses itself; the upper office counts the communes whose data it holds."""
        if self.unit is not None:
            return 1
        profile = self.session.get(UnitProfile, 1)
        if profile is not None and profile.role == "commune":
            return 1
        own = profile.unit_code if profile else ""
        units = select(ResidentialArea.origin_unit).where(ResidentialArea.origin_unit != own).distinct()
        return len(self.session.execute(units).all())

    def registered(self, subject_kind: str, *conditions: ColumnElement[bool]) -> int:
        subject = func.coalesce(Registration.area_id, Registration.organization_id, Registration.origin_unit)
        return self.count(select(func.count(distinct(subject))).where(
            *self._where(Registration), Registration.year == self.year,
            Registration.subject_kind == subject_kind, *conditions))

    def registered_orgs(self, types: tuple[str, ...]) -> int:
        return self.registered("organization", Registration.organization_id.in_(self.org_ids(types)))

    def met(self, subject_kind: str, *conditions: ColumnElement[bool]) -> int:
        subject = func.coalesce(Assessment.area_id, Assessment.organization_id, Assessment.origin_unit)
        return self.count(select(func.count(distinct(subject))).where(
            *self._where(Assessment), Assessment.year == self.year, Assessment.status == "submitted",
            Assessment.outcome == "dat", Assessment.subject_kind == subject_kind, *conditions))

    def met_orgs(self, types: tuple[str, ...]) -> int:
        return self.met("organization", Assessment.organization_id.in_(self.org_ids(types)))

    def levels(self) -> list[tuple[str, str, int]]:
        stmt = select(Assessment.catalog_code, Assessment.level, func.count()).where(
            *self._where(Assessment), Assessment.year == self.year, Assessment.status == "submitted",
        ).group_by(Assessment.catalog_code, Assessment.level)
        return [(code, level, count) for code, level, count in self.session.execute(stmt)]


def areas_registered(s: Scope) -> Ratio:
    return Ratio(s.registered("area"), s.areas())


def orgs_registered(s: Scope) -> Ratio:
    return Ratio(s.registered_orgs(("agency", "school")), s.orgs(("agency", "school")))


def enterprises_registered(s: Scope) -> Ratio:
    return Ratio(s.registered_orgs(("enterprise",)), s.orgs(("enterprise",)))


def units_registered(s: Scope) -> Ratio:
    numerator = s.registered("area") + s.registered_orgs(ALL_ORG_TYPES) + s.registered("commune")
    return Ratio(numerator, s.areas() + s.orgs(ALL_ORG_TYPES) + s.communes())


def areas_meet_standard(s: Scope) -> Ratio:
    return Ratio(s.met("area"), s.areas())


def units_meet_standard(s: Scope) -> Ratio:
    numerator = s.met("area") + s.met_orgs(ALL_ORG_TYPES) + s.met("commune")
    return Ratio(numerator, s.areas() + s.orgs(ALL_ORG_TYPES) + s.communes())


def enterprises_meet_standard(s: Scope) -> Ratio:
    return Ratio(s.met_orgs(("enterprise",)), s.registered_orgs(("enterprise",)))


def classified_kha_or_above(s: Scope) -> Ratio:
    good = total = 0
    for catalog_code, level, count in s.levels():
        total += count
        try:
            catalog = catalogs.get_catalog(catalog_code)
        except CatalogError:
            continue  # an unknown catalog cannot vouch for its level
        if catalog.rank(level) <= catalog.rank("kha"):
            good += count
    return Ratio(good, total)


def households_pledged(s: Scope) -> Ratio:
    pledged = select(func.count(distinct(Pledge.household_id))).join(Household, Household.id == Pledge.household_id) \
        .where(*s._where(Pledge), Pledge.year == s.year, Pledge.status == "signed", Household.deleted.is_(False))
    return Ratio(s.count(pledged), s.live(Household))


def plan_issued(s: Scope) -> Ratio:
    return Ratio(min(1, s.live(Plan, Plan.year == s.year)), 1)


INDICATORS: dict[str, Callable[[Scope], Ratio]] = {
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
}


def compute(session: Session, indicator: str, year: int, unit: str | None = None) -> Ratio | None:
    """One indicator for the whole store or one origin unit; None for an indicator this version lacks."""
    function = INDICATORS.get(indicator)
    return function(Scope(session, year, unit)) if function else None
