"""Counts and digests per origin unit, and the year's targets against actual values (`antq stats`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.scoring import target_met
from antq_desktop.services.authority import measuring_plans
from antq_desktop.services.authority import year_plan as authorised_plan
from antq_desktop.services.office.indicators import Counts, Ratio, Scope, compute, compute_by_unit
from antq_desktop.storage.canonical import canonical_record, digest_records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    STATS_KEYS,
    SYNCED_MODELS,
    Plan,
    PlanTarget,
)


@dataclass(frozen=True)
class TargetStatus:
    indicator: str
    label: str
    comparator: str
    threshold: float
    actual: float | None
    numerator: int
    denominator: int
    met: bool | None  # None: nothing to measure yet (0/0), "chưa có số liệu", neither met nor missed
    extra: bool = False  # the unit's own target beside its office's plan: shown, but not what it is measured by
    set_by: str = ""  # the unit whose plan set this target (the province's, or what the cluster added)

    @property
    def missed(self) -> bool:
        return self.met is False


@dataclass(frozen=True)
class UnitStats:
    unit_code: str
    counts: dict[str, int]
    digest: str


def unit_codes(session: Session) -> list[str]:
    codes: set[str] = set()
    for model in SYNCED_MODELS:
        codes.update(session.execute(select(model.origin_unit).distinct()).scalars())
    return sorted(codes)


def iter_live_records(session: Session, unit_code: str) -> Iterator[dict[str, Any]]:
    """Canonical live records of one unit, by type (parents first) then UUID: the digest's order."""
    for model in SYNCED_MODELS:
        table = model.__table__
        stmt = select(table).where(table.c.origin_unit == unit_code, table.c.deleted.is_(False)).order_by(table.c.id)
        for row in session.execute(stmt).mappings():
            yield canonical_record(model, row)


def unit_counts(session: Session, unit_code: str) -> dict[str, int]:
    """Live records of one unit per STATS_KEYS key (indexed counts, no record read)."""
    counts = {}
    for record_type, key in STATS_KEYS.items():
        model = MODEL_BY_TYPE[record_type]
        counts[key] = int(session.execute(select(func.count()).select_from(model).where(
            model.origin_unit == unit_code, model.deleted.is_(False))).scalar() or 0)
    return counts


def unit_stats(session: Session, unit_code: str) -> UnitStats:
    return UnitStats(unit_code, unit_counts(session, unit_code), digest_records(iter_live_records(session, unit_code)))


def year_plan(session: Session, year: int) -> Plan | None:
    """The plan that sets this year's targets: one rule for every screen and report (authority A8)."""
    return authorised_plan(session, year)


def live_counts_by_unit(session: Session, scope: Scope | None = None) -> dict[str, dict[str, int]]:
    """Live record counts per origin unit and type, one GROUP BY per table (the overview's figures).
    Counted through `scope` (grouped by unit), the indicators computed with it reuse them."""
    scope = scope or Scope(session, date.today().year, by_unit=True)  # the year plays no part in these
    counts: dict[str, dict[str, int]] = {}
    for record_type, key in STATS_KEYS.items():
        by_unit: Counts = scope.live(MODEL_BY_TYPE[record_type])
        for unit, count in by_unit.values.items():
            counts.setdefault(unit, dict.fromkeys(STATS_KEYS.values(), 0))[key] = count
    return counts


def _plan_targets(session: Session, plan_id: str) -> list[PlanTarget]:
    return list(session.execute(select(PlanTarget).where(PlanTarget.plan_id == plan_id,
                                                          PlanTarget.deleted.is_(False))
                                .order_by(PlanTarget.indicator)).scalars())


def year_targets(session: Session, year: int) -> list[PlanTarget]:
    """The live targets that measure this year, by plan from the highest office down: on each indicator the
    highest plan's target (the province's threshold stays the province's), the lower offices' targets only on
    indicators above them left unset; then, at a commune measured by its offices, its own targets on the
    indicators still unset (extras: `TargetStatus.extra`)."""
    return _measured(session, year)[0]


def _measured(session: Session, year: int) -> tuple[list[PlanTarget], set[str]]:
    """`year_targets` and the ids of the plans whose targets are extras."""
    measuring, own = measuring_plans(session, year)
    targets: list[PlanTarget] = []
    for plan in measuring + ([own] if own is not None else []):
        taken = {t.indicator for t in targets}
        targets += [t for t in _plan_targets(session, plan.id) if t.indicator not in taken]
    return targets, ({own.id} if own is not None else set())


def _statuses(targets: list[PlanTarget], ratios: dict[str, Ratio | None], extras: set[str]) -> list[TargetStatus]:
    """Each target against its indicator's ratio; a target on an indicator this version lacks is left out."""
    labels = catalogs.load_indicators()
    statuses = []
    for target in targets:
        ratio = ratios.get(target.indicator)
        if ratio is None:
            continue
        label = labels[target.indicator].label if target.indicator in labels else target.indicator
        statuses.append(TargetStatus(target.indicator, label, target.comparator, target.threshold, ratio.percent,
                                     ratio.numerator, ratio.denominator,
                                     _met(ratio, target.comparator, target.threshold),
                                     extra=target.plan_id in extras, set_by=target.origin_unit))
    return statuses


def _met(ratio: Ratio, comparator: str, threshold: float) -> bool | None:
    """A zero denominator (no household, no assessment yet) is "no data yet", not a missed target."""
    return None if ratio.denominator == 0 else target_met(ratio.percent, comparator, threshold)


def target_statuses(session: Session, year: int, unit: str | None = None) -> list[TargetStatus]:
    """The year's targets against actual values, for the whole store or one origin unit."""
    targets, extras = _measured(session, year)
    return _statuses(targets, {t.indicator: compute(session, t.indicator, year, unit) for t in targets}, extras)


def target_statuses_by_unit(session: Session, year: int, units: list[str],
                            scope: Scope | None = None) -> dict[str, list[TargetStatus]]:
    """`target_statuses` for each of `units` (the overview's rows), in a number of queries that does
    not depend on how many units there are: each indicator computed for all of them at once
    (through `scope`, grouped by unit, if given: see `compute_by_unit`)."""
    targets, extras = _measured(session, year)
    by_indicator = compute_by_unit(session, [t.indicator for t in targets], year, units, scope)
    return {unit: _statuses(targets, {indicator: ratios[unit] for indicator, ratios in by_indicator.items()}, extras)
            for unit in units}


def collect(store: Store, *, year: int | None = None) -> dict[str, Any]:
    """The `antq stats --json` document."""
    year = year or date.today().year
    with store.session_factory() as session:
        units = {code: unit_stats(session, code) for code in unit_codes(session)}
        targets = target_statuses(session, year)
    return {
        "year": year,
        "units": {code: {"counts": u.counts, "digest": u.digest} for code, u in units.items()},
        "targets": [asdict(t) for t in targets],
    }
