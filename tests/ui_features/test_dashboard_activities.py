"""Issue 20: the dashboard shows the plan's activity targets (the demo plan is Thanh Hóa's, which sets
them); a target with nothing to divide by says "Chưa có số liệu"."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from antq_desktop.services.records import writes as records
from antq_desktop.ui.pages.dashboard_page import DashboardPage


def test_dashboard_shows_activity_targets_and_no_figure(feature_store, qtbot) -> None:
    year = date.today().year
    plan = records.create(feature_store, "plan", {"year": year - 3, "title": "Kế hoạch cũ"}, actor="admin")
    records.create(feature_store, "plan_target", {"plan_id": plan, "indicator": "briefed_pct", "threshold": 100},
                   actor="admin")
    page = DashboardPage(feature_store, year)
    qtbot.addWidget(page)
    for indicator in ("festival_held_pct", "orgs_festival_held_pct", "communes_with_model_pct"):
        assert page.findChild(QLabel, f"target_{indicator}") is not None, indicator
    old = DashboardPage(feature_store, year - 3)  # no briefing recorded that year
    qtbot.addWidget(old)
    label = old.findChild(QLabel, "target_briefed_pct")
    # a year without briefings: no figure, said in words (issue 14's "Chưa có số liệu"), never 0 %
    assert label.text().startswith("Chưa có số liệu") and "%" not in label.text().split("/")[0]
