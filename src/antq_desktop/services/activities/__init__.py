"""The movement's activities (issue 20): models, the 19 August festival, briefings, commendations and
the grassroots security force, as synced records.

Writes go through the shared record path (services/records/writes.py: validation, references, audit);
this package adds what is particular to activities: the year's list for the commune report, the
hints of the self-assessment form and the demo data (`demo`, imported on its own: it is light,
but only `antq demo` needs it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from antq_desktop.services.activities.hints import activity_of, criterion_hints
from antq_desktop.services.activities.year import (
    ACTIVITY_LABELS,
    ACTIVITY_TYPES,
    YearActivities,
    year_activities,
)
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import UnitProfile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antq_desktop.reports.form_data import ActivityLines

__all__ = ["ACTIVITY_LABELS", "ACTIVITY_TYPES", "YearActivities", "activity_lines", "activity_of", "criterion_hints",
           "subject_hints", "year_activities"]


def subject_hints(store: Store, year: int, subject_kind: str, subject_id: str | None,
                  criteria: list[tuple[str, str]]) -> dict[str, str]:
    """`criterion_hints` for the assessment form (the store's own unit)."""
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        unit = profile.unit_code if profile is not None else ""
        return criterion_hints(session, year, subject_kind, subject_id, unit, criteria)


def activity_lines(session: Session, year: int, word: str = "xã") -> ActivityLines:
    """The year's activities for the commune report (the report module loads ReportLab: imported here, on use)."""
    from antq_desktop.services.activities.report import activity_lines as lines

    return lines(session, year, word)
