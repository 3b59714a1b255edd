"""The upper office's communes overview: one row per commune against the year's targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain import units
from antq_desktop.domain.local_time import local_date
from antq_desktop.services.office import settings as office
from antq_desktop.services.office.indicators import Scope
from antq_desktop.services.office.stats import TargetStatus, live_counts_by_unit, target_statuses_by_unit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import ProducerState, UnitProfile


@dataclass(frozen=True)
class CommuneRow:
    unit_code: str
    unit_name: str
    counts: dict[str, int]
    last_sequence: int | None
    last_received: date | None
    late: bool
    missing: bool  # expected, but nothing ever received
    targets: tuple[TargetStatus, ...] = field(default_factory=tuple)

    @property
    def targets_missed(self) -> tuple[str, ...]:
        return tuple(t.indicator for t in self.targets if t.missed)

    @property
    def targets_without_data(self) -> tuple[str, ...]:
        """Targets with nothing to measure yet (0/0): "chưa có số liệu", not missed."""
        return tuple(t.indicator for t in self.targets if t.met is None)


def _name(code: str) -> str:
    commune = units.find_commune(code)
    return commune.name if commune else code


def _producers(session: Session) -> dict[str, ProducerState]:
    return {p.producer_unit: p for p in session.execute(select(ProducerState)).scalars()}


def commune_rows(store: Store, *, year: int, today: date | None = None) -> list[CommuneRow]:
    """Every commune with data or expected by this office, sorted by code; empty counts when missing.
    A fixed number of queries however many communes there are (targets: `target_statuses_by_unit`)."""
    today = today or date.today()
    expected = set(office.expected_communes(store))
    late_days = office.late_after_days(store)
    with store.read_session() as session:
        own = session.get(UnitProfile, 1)
        producers = {code: p for code, p in _producers(session).items() if _is_commune(code)}
        scope = Scope(session, year, by_unit=True)  # the households counted once, for the counts and the targets
        counts = {code: c for code, c in live_counts_by_unit(session, scope).items()
                  if _is_commune(code) and (own is None or code != own.unit_code)}
        targets = target_statuses_by_unit(session, year, sorted(counts), scope)  # communes with data
        rows = [_row(code, producers.get(code), counts.get(code, {}), tuple(targets.get(code, ())), today, late_days)
                for code in sorted(expected | set(counts) | set(producers))]
    return rows


def _is_commune(code: str) -> bool:
    """Rows are communes; a district office's own records forwarded to a province are not one."""
    return units.find_commune(code) is not None


def _row(code: str, producer: ProducerState | None, counts: dict[str, int], targets: tuple[TargetStatus, ...],
         today: date, late_days: int) -> CommuneRow:
    received = local_date(producer.last_merged_at) if producer else None
    has_data = bool(counts)
    return CommuneRow(code, _name(code), counts, producer.last_sequence if producer else None, received,
                      office.is_late(received, today, late_days), producer is None and not has_data, targets)


def as_dict(row: CommuneRow) -> dict[str, Any]:
    return {"unit_code": row.unit_code, "unit_name": row.unit_name, "counts": row.counts,
            "last_sequence": row.last_sequence,
            "last_received": row.last_received.isoformat() if row.last_received else None,
            "late": row.late, "missing": row.missing, "targets_missed": list(row.targets_missed),
            "targets": [{"indicator": t.indicator, "actual": t.actual, "threshold": t.threshold, "met": t.met}
                        for t in row.targets]}
