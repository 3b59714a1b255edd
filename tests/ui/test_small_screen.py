"""Every page fits a 1,024 × 768 laptop screen: no sideways scrolling, toolbars wrap, columns fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QTableView
from tests.conftest import PASSWORD

from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import PAGES, MainWindow
from antq_desktop.ui.pages.record_page import RecordPage, fitted_widths

from .conftest import admin_of

WIDTH, HEIGHT = 1024, 768


@pytest.fixture
def district_context(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "district.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    ctx = make_context(store, admin_of(store))
    yield ctx
    ctx.jobs.wait()
    store.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("role", ["commune", "district"])
def test_every_page_fits_1024_by_768(role, demo_context, district_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = demo_context if role == "commune" else district_context
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.showNormal()  # the offscreen test screen is 800 × 800: the window opens fitted to it, then is
    window.resize(WIDTH, HEIGHT)  # sized as on a laptop
    expected = [spec.key for spec in PAGES if spec.roles is None or context.profile.role in spec.roles]
    assert [spec.key for spec in window.specs] == expected and "pledges" in expected
    for key in expected:
        page = window.open_page(key)
        _settle()
        assert page.minimumSizeHint().width() <= WIDTH, key
        assert window.minimumSizeHint().width() <= WIDTH, key
        assert window.width() == WIDTH, key  # nothing forced the window wider than the screen
        for area in page.findChildren(QScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), key
        if isinstance(page, RecordPage):
            _assert_record_page_fits(page, key)


def _assert_record_page_fits(page: RecordPage, key: str) -> None:
    table = page.findChild(QTableView, "records_table")
    assert not table.horizontalScrollBar().isVisible(), key  # the columns fit the table
    for button in page.findChildren(QPushButton):
        if button.isVisible():  # a wrapped toolbar: every button inside the page, none cut
            assert button.geometry().right() < button.parentWidget().width(), (key, button.text())
            assert button.width() >= button.minimumSizeHint().width(), (key, button.text())


def test_pledges_toolbar_wraps_and_unwraps(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()  # the offscreen test screen is 800 × 800: the window opens fitted to it, then is
    window.resize(WIDTH, HEIGHT)  # sized as on a laptop
    page = window.open_page("pledges")
    _settle()
    add, export = page.add_button, page.export_button
    assert export.y() > add.y()  # on a laptop the buttons take two rows
    window.resize(1600, 900)
    _settle()
    assert export.y() == add.y()  # on a wide screen one row, export and print at the right end
    printing = page.findChild(QPushButton, "print_pledge_button")
    assert printing.y() == add.y() and printing.geometry().right() > page.width() - 30
    assert export.x() > page.findChild(QPushButton, "mark_signed_button").geometry().right() + 100


def test_officer_column_widths_are_kept_not_refitted(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()  # the offscreen test screen is 800 × 800: the window opens fitted to it, then is
    window.resize(WIDTH, HEIGHT)  # sized as on a laptop
    page = window.open_page("pledges")
    _settle()
    assert page.table.columnWidth(0) < page.columns[0].width  # fitted to the laptop screen
    page.table.setColumnWidth(0, 333)  # the officer drags a column wider
    window.resize(1200, HEIGHT)
    _settle()
    assert page.table.columnWidth(0) == 333


def test_fitted_widths_keep_short_columns_whole() -> None:
    wanted = [230, 110, 150, 190, 96, 90, 200]
    floors = [80, 90, 70, 60, 96, 90, 60]
    widths = fitted_widths(wanted, 728, floors)
    assert sum(widths) <= 728
    assert widths[1] >= 90 and widths[4:6] == [96, 90]  # the floors hold
    assert widths[0] == max(widths)  # the widest column keeps the most room
    assert fitted_widths([100, 100], 500, [50, 50]) == [100, 100]
    assert sum(fitted_widths([300, 300], 100, [80, 80])) <= 100  # even the floors do not fit: all narrower


def test_narrowed_columns_keep_their_titles_on_two_lines(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()  # the offscreen test screen is 800 × 800: the window opens fitted to it, then is
    window.resize(WIDTH, HEIGHT)  # sized as on a laptop
    page = window.open_page("areas")  # eight columns: the widest default widths of the lists
    _settle()
    header = page.table.horizontalHeader()
    metrics = header.fontMetrics()
    assert header.height() >= 2 * metrics.lineSpacing()  # titles wrap onto a second line
    for index in range(header.count() - 1):
        title = page.model.headerData(index, Qt.Orientation.Horizontal)
        longest_word = max(metrics.horizontalAdvance(word) for word in title.split(" "))
        assert page.table.columnWidth(index) >= longest_word, title
    window.resize(1600, 900)
    _settle()
    assert [page.table.columnWidth(i) for i in range(header.count() - 1)] == \
        [column.width for column in page.columns[:-1]]  # room again: the default widths


def test_dashboard_targets_of_a_long_plan_fit_1024(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 20 gave the plans long target names ("Cán bộ, đảng viên, hội viên, học sinh, sinh viên được phổ
    biến, quán triệt"): on a 1,024-pixel screen they wrap onto two lines instead of pushing the overview
    sideways."""
    from PySide6.QtWidgets import QLabel

    from antq_desktop.services import plans
    from antq_desktop.services.records import queries
    from antq_desktop.services.records import writes as records

    store, year = demo_context.store, demo_context.year
    for plan in [p for p in queries.list_rows(store, "plan") if p["year"] == year]:  # gives way to Kon Tum's
        for target in [t for t in queries.list_rows(store, "plan_target") if t["plan_id"] == plan["id"]]:
            records.delete(store, "plan_target", target["id"], actor="admin")
        records.delete(store, "plan", plan["id"], actor="admin")
    plans.create_from_template(store, year, "kon-tum-2025", actor="admin")
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(WIDTH, HEIGHT)
    page = window.open_page("dashboard")
    demo_context.jobs.wait(60_000)
    _settle()
    names = [w.text() for w in page.findChildren(QLabel) if "phổ biến, quán triệt" in w.text()]
    assert names, "the Kon Tum plan's briefing target is shown"
    assert window.width() == WIDTH and page.minimumSizeHint().width() <= WIDTH
    for area in page.findChildren(QScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible()
