"""The upper office's communes page: rows, colours for missed targets, drill-down, role-based navigation."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from tests.conftest import PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.office import settings as office
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages.commune_records_dialog import CommuneRecordsDialog
from antq_desktop.ui.pages.communes_page import CommunesPage


@pytest.fixture
def office_context(tmp_path):
    store = open_store(tmp_path / "office.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    commune = make_store(tmp_path / "c.sqlite3")
    demo.generate(commune, households=60, seed=4)
    copy_synced_rows(commune, store)
    office.set_expected_communes(store, ["00070", "00073"], actor="admin")
    plan = records.create(store, "plan", {"year": date.today().year, "title": "Kế hoạch cụm"}, actor="admin")
    records.create(store, "plan_target", {"plan_id": plan, "indicator": "households_pledged_pct", "threshold": 100},
                   actor="admin")
    user = accounts.sign_in(store, username="admin", password=PASSWORD)
    yield make_context(store, user)
    store.close()


def test_rows_status_and_missed_targets(qtbot, office_context):
    page = CommunesPage(office_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    model = page.model
    assert [r.unit_code for r in model.rows] == ["00070", "00073"]
    assert model.data(model.index(0, 1)) == "Phường Hoàn Kiếm"
    assert model.data(model.index(1, 4)) == "Chưa gửi dữ liệu"
    pledged_col = len(model.FIXED)
    assert model.headerData(pledged_col, Qt.Orientation.Horizontal) == \
        "Hộ gia đình ký cam kết"
    assert model.data(model.index(0, pledged_col)).endswith("%")
    assert "2 xã" in page.summary.text() and "1 chưa gửi" in page.summary.text()


def test_drill_down_is_read_only_and_shows_the_communes_records(qtbot, office_context):
    dialog = CommuneRecordsDialog(office_context, "00070", "Phường Hoàn Kiếm")
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    qtbot.waitUntil(lambda: tabs.count() == 4, timeout=10000)  # loaded on the worker thread
    assert "Hộ gia đình (60)" in [tabs.tabText(i) for i in range(tabs.count())]


def test_navigation_depends_on_the_role(qtbot, office_context, store):
    office_window = MainWindow(office_context)
    qtbot.addWidget(office_window)
    titles = [office_window.navigation.item(i).text() for i in range(office_window.navigation.count())]
    assert "Tình hình các xã" in titles
    user = accounts.sign_in(store, username="admin", password=PASSWORD)
    commune_window = MainWindow(make_context(store, user))
    qtbot.addWidget(commune_window)
    titles = [commune_window.navigation.item(i).text() for i in range(commune_window.navigation.count())]
    assert "Tình hình các xã" not in titles
