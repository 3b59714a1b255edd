"""An office's view of its units: settings, overview of communes, indicators, dashboard and statistics."""

from antq_desktop.services.office.dashboard import Dashboard, PendingAssessment
from antq_desktop.services.office.dashboard import collect as collect_dashboard
from antq_desktop.services.office.overview import CommuneRow, as_dict, commune_rows
from antq_desktop.services.office.settings import expected_communes, set_expected_communes, set_late_after_days
from antq_desktop.services.office.stats import collect as collect_stats

__all__ = [
    "CommuneRow", "Dashboard", "PendingAssessment", "as_dict", "collect_dashboard", "collect_stats",
    "commune_rows", "expected_communes", "set_expected_communes", "set_late_after_days",
]
