"""The movement's activities (issue 20): models, the 19 August festival, briefings, commendations and
the grassroots security force, as synced records.

Writes go through the shared record path (services/records.py: validation, references, audit);
this package adds what is particular to activities: the year's list for the commune report, the
hints of the self-assessment form and the demo data (`demo`, imported on its own: it is light,
but only `antq demo` needs it).
"""

from antq_desktop.services.activities.year import (
    ACTIVITY_LABELS,
    ACTIVITY_TYPES,
    YearActivities,
    year_activities,
)

__all__ = ["ACTIVITY_LABELS", "ACTIVITY_TYPES", "YearActivities", "year_activities"]
