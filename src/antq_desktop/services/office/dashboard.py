"""The numbers behind the "Tổng quan" page: targets, counts, pledge coverage, assessments and a to-do list.

Targets come from `services.office.stats.target_statuses` (which uses `services.office.indicators`), so the page
shows exactly what `antq stats --json` prints; nothing here re-computes an indicator.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.scoring import OUTCOME_LABELS
from antq_desktop.services.authority.records import measuring_plans
from antq_desktop.services.office.indicators import household_in_year
from antq_desktop.services.office.stats import TargetStatus, target_statuses
from antq_desktop.services.records import queries
from antq_desktop.storage import household_links
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    STATS_KEYS,
    Assessment,
    Household,
    KnownKey,
    MergeConflict,
    Organization,
    Pledge,
    ResidentialArea,
    UnitProfile,
)

# Self-assessments are due by 20/11 for residential areas, 30/11 for every other unit (TT 124/2021).
AREA_DEADLINE = (11, 20)
OTHER_DEADLINE = (11, 30)


@dataclass(frozen=True)
class AreaCoverage:
    area_id: str
    name: str
    households: int
    pledged: int

    @property
    def missing(self) -> int:
        return self.households - self.pledged

    @property
    def percent(self) -> float | None:
        return None if self.households == 0 else round(100.0 * self.pledged / self.households, 2)


@dataclass(frozen=True)
class PendingAssessment:
    """A unit whose self-assessment for the year is missing ("missing") or still a draft ("draft")."""

    subject_kind: str  # area | organization | commune
    subject_id: str | None
    name: str
    unit_type: str  # area | commune | agency | enterprise | school
    state: str
    deadline: date
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class Dashboard:
    year: int
    counts: dict[str, int]
    targets: list[TargetStatus]
    coverage: list[AreaCoverage]
    outcomes: dict[str, int]  # outcome code (dat, chua_dat) -> submitted assessments
    levels: dict[str, int]  # level label (best first) -> submitted assessments
    drafts: int
    unregistered_areas: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    pending: list[PendingAssessment] = field(default_factory=list)
    unresolved_conflicts: int = 0  # merges' conflicts waiting for the officer (services/merge/conflicts.py)
    # indicator -> name of the office that added this target beside the highest office's plan (a cluster's)
    added_by: dict[str, str] = field(default_factory=dict)

    @property
    def households_without_pledge(self) -> int:
        return sum(area.missing for area in self.coverage)


def collect(store: Store, year: int, *, today: date | None = None) -> Dashboard:
    """Everything the dashboard shows for one year, read from one consistent snapshot."""
    today = today or date.today()
    with _read_session(store) as session:
        outcomes, levels, drafts = _assessment_distribution(session, year)
        targets = target_statuses(session, year)
        return Dashboard(
            year=year, counts=live_counts(session), targets=targets, added_by=_added_by(session, year, targets),
            coverage=pledge_coverage(session, year), outcomes=outcomes, levels=levels, drafts=drafts,
            unregistered_areas=unregistered_areas(session, year),
            pending=pending_assessments(session, year, today),
            unresolved_conflicts=_unresolved_conflicts(session),
        )


def _added_by(session: Session, year: int, targets: list[TargetStatus]) -> dict[str, str]:
    """Who set each target that is not the highest office's (nor the unit's own extra), by name: the officer
    sees which thresholds the cluster added to the province's plan."""
    measuring, _own = measuring_plans(session, year)
    if not measuring:
        return {}
    highest = measuring[0].origin_unit
    added = {t.indicator: t.set_by for t in targets if not t.extra and t.set_by and t.set_by != highest}
    names = _unit_names(session, set(added.values()))
    return {indicator: names.get(code, code) for indicator, code in added.items()}


def _unit_names(session: Session, codes: set[str]) -> dict[str, str]:
    """Names as this store knows them: its own profile, else the keys it holds (an office's key file names it)."""
    names: dict[str, str] = {}
    profile = session.get(UnitProfile, 1)
    if profile is not None and profile.unit_code in codes:
        names[profile.unit_code] = profile.unit_name
    rows = session.execute(select(KnownKey.unit_code, KnownKey.unit_name)
                           .where(KnownKey.unit_code.in_(codes - set(names)))
                           .order_by(KnownKey.revoked_at.is_(None), KnownKey.enrolled_at)).all()
    for code, name in rows:  # the newest live key's name last, so it wins
        if name:
            names[code] = name
    return names


@contextmanager
def _read_session(store: Store) -> Iterator[Session]:
    """Indicator reads last seconds on 200,000 households: they must never hold the write lock
    (SQLite's lock is not fair: the households list once took 7 s to open meanwhile)."""
    with store.read_session() as session:
        yield session


def _unresolved_conflicts(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(MergeConflict)
                               .where(MergeConflict.resolved_at.is_(None))).scalar() or 0)


def live_counts(session: Session) -> dict[str, int]:
    """Live records of each type over every origin unit, keyed like `antq stats` counts."""
    counts = {}
    for record_type, key in STATS_KEYS.items():
        model = MODEL_BY_TYPE[record_type]
        counts[key] = int(session.execute(select(func.count()).select_from(model)
                                          .where(model.deleted.is_(False))).scalar() or 0)
    return counts


def pledge_coverage(session: Session, year: int) -> list[AreaCoverage]:
    """Per live area: live households and those with a signed pledge this year (as households_pledged).

    Two grouped counts merged here: one outer join over 200,000 households took seconds.
    """
    in_year = household_in_year(year)  # as households_pledged: the households of that year
    totals = dict(session.execute(select(Household.area_id, func.count()).where(*in_year)
                                  .group_by(Household.area_id)).all())
    pledged = dict(session.execute(
        select(Household.area_id, func.count(distinct(Pledge.household_id)))
        .join(Household, household_links.of_row(Pledge, Household))
        .where(Pledge.deleted.is_(False), Pledge.year == year, Pledge.status == "signed", *in_year)
        .group_by(Household.area_id)).all())
    areas = session.execute(select(ResidentialArea.id, ResidentialArea.name)
                            .where(ResidentialArea.deleted.is_(False)).order_by(ResidentialArea.sort_key))
    return [AreaCoverage(area_id, name, int(totals.get(area_id, 0)), int(pledged.get(area_id, 0)))
            for area_id, name in areas]


def _assessment_distribution(session: Session, year: int) -> tuple[dict[str, int], dict[str, int], int]:
    base = select(func.count()).select_from(Assessment).where(Assessment.deleted.is_(False), Assessment.year == year)
    submitted = Assessment.status == "submitted"
    outcomes = {code: int(session.execute(base.where(submitted, Assessment.outcome == code)).scalar() or 0)
                for code in OUTCOME_LABELS}
    level_rows = dict(session.execute(select(Assessment.level, func.count()).where(
        Assessment.deleted.is_(False), Assessment.year == year, submitted).group_by(Assessment.level)).all())
    levels = {}
    for level in catalogs.get_catalog().levels:
        levels[level.label] = int(level_rows.pop(level.code, 0))
    for code, count in level_rows.items():  # a level from another catalog keeps its code as label
        levels[str(code)] = int(count)
    drafts = int(session.execute(base.where(Assessment.status == "draft")).scalar() or 0)
    return outcomes, levels, drafts


def unregistered_areas(session: Session, year: int) -> list[tuple[str, str]]:
    """Live areas without a registration for the year: the areas list's "unregistered_in" filter."""
    stmt = (select(ResidentialArea.id, ResidentialArea.name)
            .where(ResidentialArea.deleted.is_(False),
                   ResidentialArea.id.not_in(queries.registered_area_ids(year)))
            .order_by(ResidentialArea.sort_key))
    return [(area_id, name) for area_id, name in session.execute(stmt)]


def _subjects(session: Session) -> list[tuple[str, str | None, str, str]]:
    """(subject kind, id, name, unit type) of every unit that must assess itself."""
    subjects: list[tuple[str, str | None, str, str]] = [
        ("area", area_id, name, "area") for area_id, name in session.execute(
            select(ResidentialArea.id, ResidentialArea.name).where(ResidentialArea.deleted.is_(False))
            .order_by(ResidentialArea.sort_key))]
    subjects += [("organization", org_id, name, org_type) for org_id, name, org_type in session.execute(
        select(Organization.id, Organization.name, Organization.org_type)
        .where(Organization.deleted.is_(False), Organization.in_scope.is_(True)).order_by(Organization.sort_key))]
    profile = session.get(UnitProfile, 1)
    if profile is not None and profile.role == "commune":
        subjects.append(("commune", None, profile.unit_name, "commune"))
    return subjects


def deadline_for(unit_type: str, year: int) -> date:
    month, day = AREA_DEADLINE if unit_type == "area" else OTHER_DEADLINE
    return date(year, month, day)


def pending_assessments(session: Session, year: int, today: date) -> list[PendingAssessment]:
    """Units without a submitted self-assessment this year, soonest deadline first."""
    status_by_subject = {
        (kind, area_id or org_id): status for kind, area_id, org_id, status in session.execute(
            select(Assessment.subject_kind, Assessment.area_id, Assessment.organization_id, Assessment.status)
            .where(Assessment.deleted.is_(False), Assessment.year == year))}
    pending = []
    for kind, subject_id, name, unit_type in _subjects(session):
        status = status_by_subject.get((kind, subject_id))
        if status == "submitted":
            continue
        deadline = deadline_for(unit_type, year)
        pending.append(PendingAssessment(kind, subject_id, name, unit_type, "draft" if status else "missing",
                                         deadline, (deadline - today).days))
    pending.sort(key=lambda p: (p.deadline, p.state != "missing"))
    return pending
