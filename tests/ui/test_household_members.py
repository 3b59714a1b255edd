"""The household dialog's members table: rows added, edited and removed are saved with the household;
a wrong row is shown and nothing is saved; read-only accounts see masked ID numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from tests.ui.helpers import fill_dialog_on_exec

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.records import member_edits, members
from antq_desktop.services.records import writes as records
from antq_desktop.ui.context import make_context
from antq_desktop.ui.dialogs.household_dialog import HouseholdDialog
from antq_desktop.ui.pages.households_page import HouseholdsPage

ACTOR = "admin"
CITIZEN_ID = "001203004567"


def _type_row(dialog: HouseholdDialog, name: str, year: str, relation: str, ident: str = "") -> None:
    dialog.add_member_button.click()
    row = dialog.members_table.rowCount() - 1
    dialog.members_table.item(row, 0).setText(name)
    dialog.members_table.item(row, 1).setText(year)
    dialog.members_table.item(row, 3).setText(ident)
    box = dialog.members_table.cellWidget(row, 2)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(relation))


def test_members_are_entered_edited_and_removed_in_the_household_dialog(context, qtbot, monkeypatch) -> None:
    area = records.create(context.store, "residential_area", {"name": "Tổ 1", "kind": "to_dan_pho"}, actor=ACTOR)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    seen: list = []

    def add_people(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, HouseholdDialog)
        _type_row(dialog, "Nguyễn Văn Bình", "1970", "chu_ho", CITIZEN_ID)
        _type_row(dialog, "Trần Thị Lan", "1974", "vo")
        _type_row(dialog, "Nguyễn Minh Khôi", "2004", "con")

    fill_dialog_on_exec(monkeypatch, {"area_id": area, "head_name": "Nguyễn Văn Bình"}, seen, add_people)
    page.new_record()
    household = seen[0].saved_id
    stored = members.member_rows(context.store, household)
    assert [(m["full_name"], m["birth_year"], m["relation"]) for m in stored] == [
        ("Nguyễn Văn Bình", 1970, "chu_ho"), ("Trần Thị Lan", 1974, "vo"), ("Nguyễn Minh Khôi", 2004, "con")]
    assert stored[0]["citizen_id"] == CITIZEN_ID

    def edit_people(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.members_table.rowCount() == 3
        dialog.members_table.item(1, 1).setText("1975")
        dialog.members_table.setCurrentCell(2, 0)
        dialog.remove_member_button.click()

    fill_dialog_on_exec(monkeypatch, {}, None, edit_people)
    page.select_record(household)
    page.open_selected()
    stored = members.member_rows(context.store, household)
    assert [(m["full_name"], m["birth_year"]) for m in stored] == [("Nguyễn Văn Bình", 1970), ("Trần Thị Lan", 1975)]


def test_a_wrong_member_row_saves_nothing_and_says_which_row(context, qtbot, monkeypatch) -> None:
    area = records.create(context.store, "residential_area", {"name": "Tổ 2", "kind": "to_dan_pho"}, actor=ACTOR)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    seen: list = []
    fill_dialog_on_exec(monkeypatch, {"area_id": area, "head_name": "Lê Văn Tư"}, seen,
                        lambda d: _type_row(d, "Lê Thị Năm", "1890", "con"))
    before = page.model.total
    page.new_record()
    assert seen[0].saved_id is None and page.model.total == before
    assert "dòng 1" in seen[0].members_error.text() and "Năm sinh" in seen[0].members_error.text()


def test_read_only_accounts_see_members_with_masked_ids(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    area = records.create(store, "residential_area", {"name": "Tổ 3", "kind": "to_dan_pho"}, actor=ACTOR)
    household = records.create(store, "household", {"area_id": area, "head_name": "Phạm Văn Sáu"}, actor=ACTOR)
    member_edits.save_members(store, household, [{"full_name": "Phạm Văn Sáu", "relation": "chu_ho",
                                             "citizen_id": CITIZEN_ID}], actor=ACTOR)
    accounts.create_user(store, username="xem", full_name="Người Xem", role="readonly", password="Mat-khau-dai-123",
                         actor=ACTOR)
    viewer = next(u for u in accounts.list_users(store) if u.username == "xem")
    ctx = make_context(store, viewer)
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.make_dialog(household)
    qtbot.addWidget(dialog)
    assert dialog.members_table.item(0, 3).text() == "********4567"
    assert not dialog.add_member_button.isVisibleTo(dialog)
    ctx.jobs.wait()
