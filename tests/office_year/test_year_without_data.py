"""Issue 14 point 1: a year with a plan and nothing else is normal. Every target whose indicator has
a zero denominator is "no data yet" (JSON `actual: null, met: null`, "Chưa có số liệu"), never a
traceback and never a missed target: in `antq overview`, the summary (PDF and xlsx), the communes
page and the dashboard, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.conftest import PASSWORD, make_store
from tests.reports.conftest import pdf_text_flat
from tests.store_copy import copy_synced_rows

from antq_desktop.cli.main import main
from antq_desktop.paths import resource_path
from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.forms import reports as form_reports
from antq_desktop.services.office import dashboard, stats
from antq_desktop.services.office import settings as office
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store

YEAR = 2027  # the plan's year; the communes' data is of the year before
NO_DATA = "Chưa có số liệu"


def plan_from_template(store: Store, year: int, name: str = "thanh-hoa-2025") -> str:
    """The shipped template's targets (it has classified_kha_or_above_pct) as the office's plan."""
    template = json.loads(resource_path("plans", f"{name}.json").read_text(encoding="utf-8"))
    plan = records.create(store, "plan", {"year": year, "title": template["title"].replace("{year}", str(year))},
                          actor="admin")
    for target in template["targets"]:
        records.create(store, "plan_target", {"plan_id": plan, **target}, actor="admin")
    return plan


@pytest.fixture
def office_store(engine_url: str, tmp_path: Path) -> Store:
    """A cluster office: last year's data of one commune, another commune expected, this year's plan only."""
    store = open_store(engine_url)
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    commune = make_store(tmp_path / "c.sqlite3")
    try:
        demo.generate(commune, households=40, seed=3, year=YEAR - 1)
        copy_synced_rows(commune, store)
    finally:
        commune.close()
    office.set_expected_communes(store, ["00070", "00073"], actor="admin")
    plan_from_template(store, YEAR)
    yield store
    store.close()


def test_overview_json_has_null_actual_and_met(office_store: Store, engine_url: str, capsys) -> None:
    assert main(["--db", engine_url, "overview", "--year", str(YEAR), "--json"]) == 0
    rows = {r["unit_code"]: r for r in json.loads(capsys.readouterr().out)}
    classified = next(t for t in rows["00070"]["targets"] if t["indicator"] == "classified_kha_or_above_pct")
    assert classified["actual"] is None and classified["met"] is None
    assert "classified_kha_or_above_pct" not in rows["00070"]["targets_missed"]
    assert rows["00073"]["missing"] is True
    assert main(["--db", engine_url, "overview", "--year", str(YEAR)]) == 0
    assert "chưa có số liệu: " in capsys.readouterr().out


def test_summary_pdf_and_xlsx_say_no_data(office_store: Store, tmp_path: Path) -> None:
    data, misses = form_reports.summary_data(office_store, YEAR)
    assert [r.commune for r in data.rows] == ["Phường Hoàn Kiếm"]  # never the office itself (its plan's origin)
    assert data.rows[0].classified_good_pct is None
    assert all(m.target != "Phong trào xếp loại Khá trở lên" for m in misses)
    text = pdf_text_flat(form_reports.render_summary(office_store, YEAR, tmp_path / "s.pdf"))
    assert "chưa có số liệu" in text and "nhập đủ" not in text
    book = load_workbook(form_reports.render_summary(office_store, YEAR, tmp_path / "s.xlsx"))
    cells = [c.value for row in book["Tổng hợp"].iter_rows() for c in row]
    assert "-" in cells and any(isinstance(v, str) and "chưa có số liệu" in v for v in cells)


def test_dashboard_targets_without_data_are_neither_met_nor_missed(office_store: Store) -> None:
    board = dashboard.collect(office_store, YEAR)
    classified = next(t for t in board.targets if t.indicator == "classified_kha_or_above_pct")
    assert classified.met is None and classified.actual is None and not classified.missed


def test_communes_page_shows_no_data_not_missed(qtbot, office_store: Store) -> None:
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.communes_page import CommunesPage

    context = make_context(office_store, accounts.sign_in(office_store, username="admin", password=PASSWORD),
                           lambda: YEAR)
    page = CommunesPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    model = page.model
    column = len(model.FIXED) + model.indicators.index("classified_kha_or_above_pct")
    row = [r.unit_code for r in model.rows].index("00070")
    from PySide6.QtCore import Qt

    assert model.data(model.index(row, column)) == NO_DATA
    assert model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole) is None


@pytest.fixture
def bare_commune(engine_url: str) -> Store:
    """A commune with this year's plan and nothing else (no area, no household, no assessment)."""
    store = make_store(engine_url)
    plan_from_template(store, YEAR, "kon-tum-2025")
    yield store
    store.close()


def test_commune_with_only_a_plan(bare_commune: Store, engine_url: str, tmp_path: Path, capsys) -> None:
    assert main(["--db", engine_url, "stats", "--year", str(YEAR), "--json"]) == 0
    targets = json.loads(capsys.readouterr().out)["targets"]
    empty = [t for t in targets if t["denominator"] == 0]
    assert empty and all(t["actual"] is None and t["met"] is None for t in empty)
    with bare_commune.read_session() as session:
        assert all(t.met is None for t in stats.target_statuses(session, YEAR) if t.denominator == 0)
    for suffix in (".pdf", ".xlsx"):
        assert form_reports.render_summary(bare_commune, YEAR, tmp_path / f"s{suffix}").exists()
    assert "chưa có số liệu" in pdf_text_flat(tmp_path / "s.pdf")


def test_dashboard_page_says_no_data(qtbot, bare_commune: Store) -> None:
    from PySide6.QtWidgets import QLabel

    from antq_desktop.ui.pages.dashboard_page import DashboardPage

    page = DashboardPage(bare_commune, YEAR)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.findChild(QLabel, "target_status_households_pledged_pct") is not None,
                    timeout=15000)
    assert page.findChild(QLabel, "target_status_households_pledged_pct").text() == NO_DATA
