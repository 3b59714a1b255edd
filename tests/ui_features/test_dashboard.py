"""The dashboard shows the same numbers as `antq stats --json` and lists what is left to do."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from PySide6.QtWidgets import QLabel

from antq_desktop.services.office import dashboard, stats
from antq_desktop.services.records import writes as records
from antq_desktop.ui.pages.dashboard_page import DashboardPage


def test_dashboard_numbers_equal_stats(feature_store) -> None:
    year = date.today().year
    expected = stats.collect(feature_store, year=year)
    board = dashboard.collect(feature_store, year)
    assert [asdict(t) for t in board.targets] == expected["targets"]
    totals = {key: sum(unit["counts"][key] for unit in expected["units"].values()) for key in board.counts}
    assert board.counts == totals
    pledged = next(t for t in expected["targets"] if t["indicator"] == "households_pledged_pct")
    assert sum(a.pledged for a in board.coverage) == pledged["numerator"]
    assert sum(a.households for a in board.coverage) == pledged["denominator"]
    assert board.households_without_pledge == pledged["denominator"] - pledged["numerator"]


def test_todo_lists_unregistered_areas_and_missing_assessments(feature_store) -> None:
    year = date.today().year
    area_id = records.create(feature_store, "residential_area", {"name": "Tổ dân phố số 99", "kind": "to_dan_pho"},
                             actor="admin")
    board = dashboard.collect(feature_store, year, today=date(year, 11, 1))
    assert (area_id, "Tổ dân phố số 99") in board.unregistered_areas
    pending = {p.subject_id: p for p in board.pending}
    assert pending[area_id].state == "missing"
    assert pending[area_id].deadline == date(year, 11, 20)
    assert pending[area_id].days_left == 19
    assert all(p.deadline == date(year, 11, 30) for p in board.pending if p.unit_type != "area")
    assert sum(board.outcomes.values()) == sum(board.levels.values())


def test_dashboard_page_shows_target_numbers(qtbot, feature_store) -> None:
    year = date.today().year
    page = DashboardPage(feature_store, year)
    qtbot.addWidget(page)
    targets = stats.collect(feature_store, year=year)["targets"]
    pledged = next(t for t in targets if t["indicator"] == "households_pledged_pct")
    label = page.findChild(QLabel, "target_households_pledged_pct")
    assert label.text() == f"{pledged['actual']:.1f}".replace(".", ",") + "% / ≥ 100%"
    households = page.findChild(QLabel, "count_households")
    assert ">300<" in households.text()
    assert page.coverage_table.rowCount() == len(dashboard.collect(feature_store, year).coverage)
    assert page.todo.topLevelItemCount() == 3


def test_dashboard_without_plan_explains_what_to_do(qtbot, feature_store) -> None:
    page = DashboardPage(feature_store, 2001)
    qtbot.addWidget(page)
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert any("Chưa có kế hoạch năm 2001" in t for t in texts)


def test_dashboard_reads_while_another_connection_holds_the_write_lock(feature_store) -> None:
    """Its seconds-long reads must not take the write lock: a page saving meanwhile would wait on them."""
    import time

    from sqlalchemy import text

    with feature_store.session() as session:
        session.execute(text("select 1"))  # the store's sessions BEGIN IMMEDIATE: the write lock is held now
        started = time.perf_counter()
        board = dashboard.collect(feature_store, date.today().year)
        assert time.perf_counter() - started < 8  # the busy timeout is 10 s: no waiting happened
    assert board.counts["households"] == 300
