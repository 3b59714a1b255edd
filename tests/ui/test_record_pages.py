"""Record pages: add / edit / delete / undo through the real services, search, lazy loading, sorting."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from tests.ui.helpers import answer_questions, fill_dialog_on_exec, texts

from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery
from antq_desktop.ui.pages.areas_page import AreasPage
from antq_desktop.ui.pages.households_page import HouseholdsPage
from antq_desktop.ui.pages.organizations_page import OrganizationsPage
from antq_desktop.ui.pages.plans_page import PlansPage
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.pages.registrations_page import RegistrationsPage

ACTOR = "admin"


def _area(store, name: str = "Tổ dân phố số 1") -> str:  # type: ignore[no-untyped-def]
    return records.create(store, "residential_area", {"name": name, "kind": "to_dan_pho"}, actor=ACTOR)


def _household(store, area_id: str, name: str) -> str:  # type: ignore[no-untyped-def]
    return records.create(store, "household", {"area_id": area_id, "head_name": name}, actor=ACTOR)


def _add_edit_delete_undo(page, qtbot, monkeypatch, new_values, edited_values, name_column=0,  # type: ignore[no-untyped-def]
                          expect_new: str = "", expect_edited: str = "") -> None:
    """The full cycle every page must support, checked against the store after each step."""
    store, record_type = page.context.store, page.record_type
    before = queries.count_rows(store, record_type, page.build_query())
    fill_dialog_on_exec(monkeypatch, new_values)
    page.new_record()
    assert page.model.total == before + 1
    assert expect_new in texts(page, name_column)
    record_id = page.selected_rows()[0]["id"]
    assert page.context.undo.can_undo

    fill_dialog_on_exec(monkeypatch, edited_values)
    page.open_selected()
    assert expect_edited in texts(page, name_column)
    page.context.undo.undo()  # edit undone: the old values are back
    assert expect_new in texts(page, name_column)

    page.select_record(record_id)
    asked = answer_questions(monkeypatch)
    page.delete_selected()
    assert asked, "a delete must be confirmed"
    assert records.get(store, record_type, record_id)["deleted"] is True
    assert page.model.total == before
    page.undo_button.click()  # undo delete = restore
    assert records.get(store, record_type, record_id)["deleted"] is False
    assert page.model.total == before + 1

    page.select_record(record_id)
    page.delete_selected()
    assert page.model.total == before


def test_areas_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = AreasPage(context)
    qtbot.addWidget(page)
    page.show()
    _add_edit_delete_undo(page, qtbot, monkeypatch,
                          {"name": "Thôn Đông Hòa", "kind": "thon", "households_declared": "1.234"},
                          {"name": "Thôn Đông Hòa Mới"}, expect_new="Thôn Đông Hòa",
                          expect_edited="Thôn Đông Hòa Mới")


def test_undo_of_create_deletes(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = AreasPage(context)
    qtbot.addWidget(page)
    page.show()
    fill_dialog_on_exec(monkeypatch, {"name": "Thôn Tây"})
    page.new_record()
    assert page.model.total == 1
    assert "Thêm" in context.undo.last.description
    page.undo_button.click()
    assert page.model.total == 0
    assert not context.undo.can_undo


def test_area_numbers_use_vietnamese_separators(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = AreasPage(context)
    qtbot.addWidget(page)
    page.show()
    fill_dialog_on_exec(monkeypatch, {"name": "Thôn Bắc", "population": "12.345"})
    page.new_record()
    column = [c.key for c in page.columns].index("population")
    assert texts(page, column) == ["12.345"]


def test_organizations_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    area_id = _area(context.store)
    page = OrganizationsPage(context)
    qtbot.addWidget(page)
    page.show()
    _add_edit_delete_undo(page, qtbot, monkeypatch,
                          {"name": "Trường Tiểu học Kim Liên", "org_type": "school", "area_id": area_id},
                          {"name": "Trường Tiểu học Kim Liên A"}, expect_new="Trường Tiểu học Kim Liên",
                          expect_edited="Trường Tiểu học Kim Liên A")


def test_households_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    area_id = _area(context.store)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    page.show()
    _add_edit_delete_undo(page, qtbot, monkeypatch, {"area_id": area_id, "head_name": "Nguyễn Văn Bình"},
                          {"head_name": "Nguyễn Văn Bình Minh"}, expect_new="Nguyễn Văn Bình",
                          expect_edited="Nguyễn Văn Bình Minh")


def test_pledges_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    area_id = _area(context.store)
    _household(context.store, area_id, "Lê Thị Hoa")
    page = PledgesPage(context)
    qtbot.addWidget(page)
    page.show()

    def pick_household(dialog) -> None:  # type: ignore[no-untyped-def]
        picker = dialog.editors["household_id"]
        picker.search.setText("le thi")
        picker.refresh()
        assert picker.results.count() == 1

    fill_dialog_on_exec(monkeypatch, {"signer_kind": "household", "signed_on": date.today()},
                        before_save=pick_household)
    page.new_record()
    assert texts(page) == ["Lê Thị Hoa"]
    status = [c.key for c in page.columns].index("status")
    fill_dialog_on_exec(monkeypatch, {"status": "violated"})
    page.open_selected()
    assert texts(page, status) == ["Vi phạm"]
    context.undo.undo()
    assert texts(page, status) == ["Đã ký"]
    answer_questions(monkeypatch)
    page.table.selectRow(0)
    page.delete_selected()
    assert page.model.total == 0
    context.undo.undo()
    assert page.model.total == 1


def test_personal_pledge_shows_only_its_fields(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = PledgesPage(context)
    qtbot.addWidget(page)
    page.show()
    seen: list = []
    fill_dialog_on_exec(monkeypatch, {"signer_kind": "person", "person_name": "Phạm Văn Đức"}, seen)
    page.new_record()
    dialog = seen[0]
    assert "household_id" not in dialog.values() and dialog.values()["person_name"] == "Phạm Văn Đức"
    assert texts(page) == ["Phạm Văn Đức"]


def test_registrations_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    area_id = _area(context.store, "Thôn Nam Sơn")
    page = RegistrationsPage(context)
    qtbot.addWidget(page)
    page.show()
    note = [c.key for c in page.columns].index("note")
    _add_edit_delete_undo(page, qtbot, monkeypatch,
                          {"subject_kind": "area", "area_id": area_id, "registered_on": date.today(), "note": "A"},
                          {"note": "B"}, name_column=note, expect_new="A", expect_edited="B")


def test_plans_and_targets(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = PlansPage(context)
    qtbot.addWidget(page)
    page.show()
    _add_edit_delete_undo(page.plans, qtbot, monkeypatch, {"title": "Kế hoạch số 1"}, {"title": "Kế hoạch số 2"},
                          name_column=1, expect_new="Kế hoạch số 1", expect_edited="Kế hoạch số 2")
    plan_id = records.create(context.store, "plan", {"year": context.year, "title": "Kế hoạch thực hiện"},
                             actor=ACTOR)
    page.plans.refresh()
    page.plans.select_record(plan_id)
    assert page.targets.plan_id == plan_id
    indicator = next(iter(page.targets.fields[0].choices))
    fill_dialog_on_exec(monkeypatch, {"indicator": indicator, "threshold": "92,5"})
    page.targets.new_record()
    assert page.targets.model.total == 1
    assert "92,5%" in texts(page.targets, 1)[0]


def test_plan_from_template(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    page = PlansPage(context)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a: (items[0], True))
    plan_id = page.plans.create_from_template()
    assert plan_id and page.targets.plan_id == plan_id and page.targets.model.total > 0
    title = records.get(context.store, "plan", plan_id)["title"]  # issue 14: the year filled in
    assert "{year}" not in title and title.endswith(f"năm {context.year}")
    context.undo.undo()
    assert queries.count_rows(context.store, "plan") == 0
    assert queries.count_rows(context.store, "plan_target") == 0


def test_validation_errors_appear_next_to_fields_and_nothing_is_saved(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    area_id = _area(context.store)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    page.show()
    seen: list = []
    fill_dialog_on_exec(monkeypatch, {"area_id": area_id, "head_name": "", "citizen_id": "123", "members": "x"}, seen)
    page.new_record()
    dialog = seen[0]
    assert dialog.result() == 0
    assert "không được để trống" in dialog.errors["head_name"].text()
    assert "12 chữ số" in dialog.errors["citizen_id"].text()
    assert "số nguyên" in dialog.errors["members"].text()
    assert dialog.errors["address"].text() == ""
    assert queries.count_rows(context.store, "household") == 0


def test_closing_with_unsaved_changes_asks(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    page = AreasPage(context)
    qtbot.addWidget(page)
    page.show()
    dialog = page.make_dialog(None, page.default_values())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible(), "nothing typed: closes without asking"
    dialog = page.make_dialog(None, page.default_values())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["name"].set("Thôn mới")
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()


def test_search_ignores_diacritics_and_case(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    all_count = page.model.total
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        qtbot.keyClicks(page.search_edit, "nguyen")
    names = texts(page)
    assert 0 < page.model.total < all_count
    assert all("Nguyễn" in name for name in names)


def test_filter_by_area(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    box = page.filter_boxes["area_id"]
    box.setCurrentIndex(1)
    expected = queries.count_rows(demo_context.store, "household", ListQuery(filters={"area_id": box.currentData()}))
    assert page.model.total == expected
    area_column = [c.key for c in page.columns].index("area_name")
    assert set(texts(page, area_column)) == {box.currentText()}


def test_lazy_model_loads_more_rows_on_scroll(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.table_model import RecordTableModel

    monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 50)
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.resize(900, 500)
    page.show()
    assert page.model.total == 300 and page.model.rowCount() == 50
    assert page.model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 50, timeout=10_000)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 300
    ids = [page.model.row_at(i)["id"] for i in range(300)]
    assert len(set(ids)) == 300, "pages must not overlap or skip"


def test_header_click_sorts_in_sql(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    members = [c.key for c in page.columns].index("members")
    page.table.horizontalHeader().setSortIndicator(members, Qt.SortOrder.DescendingOrder)
    assert page.model.query.order_by == "members" and page.model.query.descending
    values = [page.model.row_at(i)["members"] for i in range(page.model.rowCount())]
    assert values == sorted(values, reverse=True)


def test_read_only_account_sees_no_changes(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context

    viewer = accounts.create_user(store, username="xem", full_name="Người xem", role="readonly",
                                  password="mot cau rat dai nua")
    page = AreasPage(make_context(store, viewer))
    qtbot.addWidget(page)
    page.show()
    assert not page.add_button.isVisible() and not page.delete_button.isVisible()
    assert page.edit_button.text() == "Xem"


@pytest.mark.parametrize("key", ["areas", "organizations", "households", "pledges", "registrations",
                                 "assessments", "plans"])
def test_main_window_shortcuts_reach_the_page(demo_context, qtbot, monkeypatch, key) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)  # shortcuts go to the active window
    page = window.open_page(key)
    calls: list[str] = []
    monkeypatch.setattr(type(page), "new_record", lambda self: calls.append("new"))
    monkeypatch.setattr(type(page), "focus_search", lambda self: calls.append("find"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["new", "find"]


def test_enter_opens_selected_and_ctrl_z_undoes(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.main_window import MainWindow

    records.create(context.store, "residential_area", {"name": "Thôn Cũ"}, actor=ACTOR)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    page = window.open_page("areas")
    page.table.setFocus()
    page.table.selectRow(0)
    fill_dialog_on_exec(monkeypatch, {"name": "Thôn Mới"})
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert texts(page) == ["Thôn Mới"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(page) == ["Thôn Cũ"]
    assert "Đã hoàn tác" in window.statusBar().currentMessage()


def test_column_widths_are_remembered(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = AreasPage(context)
    qtbot.addWidget(page)
    page.table.setColumnWidth(1, 321)
    page.save_layout()
    again = AreasPage(context)
    qtbot.addWidget(again)
    assert again.table.columnWidth(1) == 321


def test_export_button_writes_every_matching_row(demo_context, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl
    from PySide6.QtWidgets import QMessageBox

    import antq_desktop.ui.excel.export as excel_export
    from antq_desktop.ui.table_model import RecordTableModel

    monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 5)
    target = tmp_path / "ho.xlsx"
    monkeypatch.setattr(excel_export, "ask_export_path", lambda _p, _t: str(target))
    done: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: done.append(text))
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.search_edit.setText("nguyen")
    page.refresh()
    expected = page.model.total
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    sheet = openpyxl.load_workbook(target, read_only=True).active
    names = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0] and "Nguyễn" in str(row[0])]
    assert len(names) == expected > page.model.rowCount(), "the export holds all matches, not only the loaded page"


def test_import_button_only_for_importable_types(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    areas, pledges = AreasPage(context), PledgesPage(context)
    for page in (areas, pledges):
        qtbot.addWidget(page)
    assert areas.findChild(type(areas.add_button), "import_button") is not None
    assert pledges.findChild(type(pledges.add_button), "import_button") is None


def test_edit_deep_in_the_list_keeps_the_place(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.table_model import RecordTableModel

    monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 40)
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    while page.model.rowCount() < 150:
        page.model.fetchMore()
    page.table.selectRow(140)
    page.table.scrollTo(page.model.index(140, 0))
    record_id = page.selected_rows()[0]["id"]
    fill_dialog_on_exec(monkeypatch, {"members": "7"})
    page.open_selected()
    assert page.model.rowCount() >= 150, "the rows scrolled to are still loaded"
    assert page.selected_rows()[0]["id"] == record_id
    assert page.selected_rows()[0]["members"] == 7
