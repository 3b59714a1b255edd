"""Every item of the dashboard's "Việc cần làm" opens the page to act on it, showing exactly its records."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QTreeWidgetItem

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.office import dashboard
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery
from antq_desktop.ui.context import make_context
from antq_desktop.ui.dialogs.record_dialog import RecordDialog
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages import dashboard_page

from .conftest import PASSWORD

YEAR = date.today().year


@pytest.fixture
def window(qtbot, feature_store):  # type: ignore[no-untyped-def]
    # An area without a registration or households, a unit without a submitted self-assessment.
    records.create(feature_store, "residential_area", {"name": "Tổ dân phố số 99", "kind": "to_dan_pho"},
                   actor="admin")
    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=10_000)
    page = main.open_page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None and page.todo.topLevelItemCount() == 3, timeout=20000)
    yield main
    context.jobs.wait()


def _group(window, row: int) -> QTreeWidgetItem:  # type: ignore[no-untyped-def]
    return window.pages["dashboard"].todo.topLevelItem(row)


def _ids(page) -> set[str]:  # type: ignore[no-untyped-def]
    while page.model.canFetchMore():
        page.model.fetchMore()
    return {page.model.row_at(r)["id"] for r in range(page.model.rowCount())}


def _activate(window, qtbot, item: QTreeWidgetItem, how: str) -> None:  # type: ignore[no-untyped-def]
    tree = window.pages["dashboard"].todo
    if how == "double-click":
        tree.itemDoubleClicked.emit(item, 0)
        return
    window.open_page("dashboard")  # the officer comes back to the dashboard
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def _unpledged(store, area_id: str | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    """Independently of the filter under test: live households minus those with a signed pledge."""
    filters = {"area_id": area_id} if area_id else {}
    households = {row["id"] for row in queries.list_rows(store, "household", ListQuery(filters=filters))}
    signed = {row["household_id"] for row in queries.list_rows(
        store, "pledge", ListQuery(year=YEAR, filters={"status": "signed"}))}
    return households - signed


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_unregistered_areas_open_the_filtered_areas_list(window, qtbot, feature_store, how) -> None:  # type: ignore[no-untyped-def]
    group = _group(window, 0)
    assert "bấm đúp hoặc Enter" in group.toolTip(0)
    _activate(window, qtbot, group, how)
    page = window.current_page()
    assert page is window.pages["areas"]
    expected = {area_id for area_id, _name in dashboard.collect(feature_store, YEAR).unregistered_areas}
    assert expected and _ids(page) == expected
    chip = page.findChild(QLabel, "restriction_label")
    assert chip.isVisible() and f"chưa đăng ký năm {YEAR}" in chip.text()
    page.findChild(QToolButton, "clear_restriction_button").click()  # "✕ Bỏ lọc"
    assert not chip.isVisible()
    assert len(_ids(page)) == queries.count_rows(feature_store, "residential_area")


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_an_unregistered_area_opens_a_new_registration_for_it(window, qtbot, monkeypatch, how) -> None:  # type: ignore[no-untyped-def]
    seen: list[dict[str, object]] = []

    def fake_exec(dialog: RecordDialog) -> int:
        seen.append({name: editor.get() for name, editor in dialog.editors.items()})
        return 0

    monkeypatch.setattr(RecordDialog, "exec", fake_exec)
    group = _group(window, 0)
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == "Tổ dân phố số 99")
    assert "Đăng ký" in item.toolTip(0)
    _activate(window, qtbot, item, how)
    assert window.current_page() is window.pages["registrations"]
    area_id = item.data(0, Qt.ItemDataRole.UserRole)[1]
    assert len(seen) == 1 and seen[0]["subject_kind"] == "area" and seen[0]["area_id"] == area_id


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_households_without_pledge_open_the_filtered_households_list(window, qtbot, feature_store, how) -> None:  # type: ignore[no-untyped-def]
    group = _group(window, 1)
    _activate(window, qtbot, group, how)
    page = window.current_page()
    assert page is window.pages["households"]
    expected = _unpledged(feature_store)
    assert expected and _ids(page) == expected
    assert len(expected) == dashboard.collect(feature_store, YEAR).households_without_pledge
    assert page.findChild(QLabel, "restriction_label").isVisible()
    # one area of the group: the same list, only that area, with the area filter showing it
    area_item = group.child(0)
    _activate(window, qtbot, area_item, how)
    area_id = area_item.data(0, Qt.ItemDataRole.UserRole)[1]
    assert page.filter_boxes["area_id"].currentData() == area_id
    assert _ids(page) == _unpledged(feature_store, area_id)
    assert area_item.text(1) == f"{len(_unpledged(feature_store, area_id))} hộ"
    page.clear_restriction()
    page.show_only()  # the officer can also clear the area filter: every household again
    assert len(_ids(page)) == queries.count_rows(feature_store, "household")


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_pending_self_assessments_open_the_page_and_the_form(window, qtbot, monkeypatch, how) -> None:  # type: ignore[no-untyped-def]
    opened = []
    monkeypatch.setattr(dashboard_page, "_open_assessment",
                        lambda _context, _parent, kind, subject_id: opened.append((kind, subject_id)))
    group = _group(window, 2)
    assert group.childCount() > 0
    _activate(window, qtbot, group, how)
    assert window.current_page() is window.pages["assessments"]
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == "Tổ dân phố số 99")
    assert "tự đánh giá" in item.toolTip(0)
    _activate(window, qtbot, item, how)
    assert opened == [("area", item.data(0, Qt.ItemDataRole.UserRole)[2])]


def test_every_item_says_what_it_opens(window) -> None:  # type: ignore[no-untyped-def]
    tree = window.pages["dashboard"].todo
    for row in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(row)
        items = [group, *(group.child(i) for i in range(group.childCount()))]
        for item in items:
            assert item.toolTip(0), item.text(0)
            if item.data(0, Qt.ItemDataRole.UserRole):
                assert "Mở" in item.toolTip(0) and "bấm đúp hoặc Enter" in item.toolTip(0)
