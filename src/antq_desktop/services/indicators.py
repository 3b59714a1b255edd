"""Computing the year's target indicators (chỉ tiêu) from the records in the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

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
    UnitProfile,
)


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return None if self.denominator == 0 else round(100.0 * self.numerator / self.denominator, 2)


def _count(session: Session, stmt) -> int:  # type: ignore[no-untyped-def]
    return int(session.execute(stmt).scalar() or 0)


def _live_count(session: Session, model, *conditions) -> int:  # type: ignore[no-untyped-def]
    return _count(session, select(func.count()).select_from(model).where(model.deleted.is_(False), *conditions))


def _communes(session: Session) -> int:
    """A commune store assesses itself; an upper office counts the communes whose data it holds."""
    profile = session.get(UnitProfile, 1)
    if profile is not None and profile.role == "commune":
        return 1
    own = profile.unit_code if profile else ""
    units = select(ResidentialArea.origin_unit).where(ResidentialArea.origin_unit != own).distinct()
    return len(session.execute(units).all())


def _registered(session: Session, year: int, subject_kind: str, *conditions) -> int:  # type: ignore[no-untyped-def]
    stmt = select(func.count(distinct(func.coalesce(Registration.area_id, Registration.organization_id,
                                                     Registration.origin_unit))))
    stmt = stmt.where(Registration.deleted.is_(False), Registration.year == year,
                      Registration.subject_kind == subject_kind, *conditions)
    return _count(session, stmt)


def _org_filter(types: tuple[str, ...]):  # type: ignore[no-untyped-def]
    scope = select(Organization.id).where(Organization.deleted.is_(False), Organization.in_scope.is_(True),
                                          Organization.org_type.in_(types))
    return scope


def _orgs(session: Session, types: tuple[str, ...]) -> int:
    return _live_count(session, Organization, Organization.in_scope.is_(True), Organization.org_type.in_(types))


def _org_registrations(session: Session, year: int, types: tuple[str, ...]) -> int:
    return _registered(session, year, "organization", Registration.organization_id.in_(_org_filter(types)))


def _met(session: Session, year: int, subject_kind: str, *conditions) -> int:  # type: ignore[no-untyped-def]
    stmt = select(func.count(distinct(func.coalesce(Assessment.area_id, Assessment.organization_id,
                                                     Assessment.origin_unit))))
    stmt = stmt.where(Assessment.deleted.is_(False), Assessment.year == year, Assessment.status == "submitted",
                      Assessment.outcome == "dat", Assessment.subject_kind == subject_kind, *conditions)
    return _count(session, stmt)


ALL_ORG_TYPES = ("agency", "enterprise", "school")


def areas_registered(s: Session, year: int) -> Ratio:
    return Ratio(_registered(s, year, "area"), _live_count(s, ResidentialArea))


def orgs_registered(s: Session, year: int) -> Ratio:
    types = ("agency", "school")
    return Ratio(_org_registrations(s, year, types), _orgs(s, types))


def enterprises_registered(s: Session, year: int) -> Ratio:
    return Ratio(_org_registrations(s, year, ("enterprise",)), _orgs(s, ("enterprise",)))


def units_registered(s: Session, year: int) -> Ratio:
    num = _registered(s, year, "area") + _org_registrations(s, year, ALL_ORG_TYPES) + _registered(s, year, "commune")
    den = _live_count(s, ResidentialArea) + _orgs(s, ALL_ORG_TYPES) + _communes(s)
    return Ratio(num, den)


def areas_meet_standard(s: Session, year: int) -> Ratio:
    return Ratio(_met(s, year, "area"), _live_count(s, ResidentialArea))


def units_meet_standard(s: Session, year: int) -> Ratio:
    orgs = Assessment.organization_id.in_(_org_filter(ALL_ORG_TYPES))
    num = _met(s, year, "area") + _met(s, year, "organization", orgs) + _met(s, year, "commune")
    den = _live_count(s, ResidentialArea) + _orgs(s, ALL_ORG_TYPES) + _communes(s)
    return Ratio(num, den)


def enterprises_meet_standard(s: Session, year: int) -> Ratio:
    enterprises = Assessment.organization_id.in_(_org_filter(("enterprise",)))
    return Ratio(_met(s, year, "organization", enterprises), _org_registrations(s, year, ("enterprise",)))


def classified_kha_or_above(s: Session, year: int) -> Ratio:
    rows = s.execute(select(Assessment.catalog_code, Assessment.level, func.count()).where(
        Assessment.deleted.is_(False), Assessment.year == year, Assessment.status == "submitted",
    ).group_by(Assessment.catalog_code, Assessment.level)).all()
    good = total = 0
    for catalog_code, level, count in rows:
        total += count
        try:
            catalog = catalogs.get_catalog(catalog_code)
        except CatalogError:
            continue  # an unknown catalog cannot vouch for its level
        if catalog.rank(level) <= catalog.rank("kha"):
            good += count
    return Ratio(good, total)


def households_pledged(s: Session, year: int) -> Ratio:
    pledged = select(func.count(distinct(Pledge.household_id))).join(Household, Household.id == Pledge.household_id) \
        .where(Pledge.deleted.is_(False), Pledge.year == year, Pledge.status == "signed",
               Household.deleted.is_(False))
    return Ratio(_count(s, pledged), _live_count(s, Household))


def plan_issued(s: Session, year: int) -> Ratio:
    return Ratio(min(1, _live_count(s, Plan, Plan.year == year)), 1)


INDICATORS: dict[str, Callable[[Session, int], Ratio]] = {
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
