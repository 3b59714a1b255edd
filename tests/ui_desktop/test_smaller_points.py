"""The issue's smaller points: the saved pledge's name in the status bar, no Hủy once the unit exists,
Ctrl+End to the real last row, columns that give empty space to cut names at 1,024 pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from tests.conftest import PASSWORD
from tests.ui.helpers import fill_dialog_on_exec

from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import open_store
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages.households_page import HouseholdsPage
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.pages.record_page import content_widths
from antq_desktop.ui.setup_wizard import SetupWizard
from antq_desktop.ui.table_model import RecordTableModel


def _household_without_pledge(context) -> dict:  # type: ignore[no-untyped-def, type-arg]
    from antq_desktop.services.records import bulk

    area = queries.list_rows(context.store, "residential_area", limit=1)[0]
    household_id = bulk.households_without_pledge(context.store, area["id"], context.year - 1)[0]["id"]
    return records.get(context.store, "household", household_id)


@pytest.mark.parametrize("year_offset", [0, -1])
def test_saved_pledge_is_named_in_the_status_bar(year_offset, demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    household = _household_without_pledge(demo_context)
    for pledge in queries.list_rows(demo_context.store, "pledge", limit=10_000):  # free for both years
        if pledge.get("household_id") == household["id"]:
            records.delete(demo_context.store, "pledge", pledge["id"], actor="admin")
    page = PledgesPage(demo_context)
    qtbot.addWidget(page)
    messages: list[str] = []
    demo_context.events.status_message.connect(messages.append)

    def pick(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.editors["household_id"].set(household["id"])

    # Another year than the list shows: the saved pledge is not in the list the name came from.
    fill_dialog_on_exec(monkeypatch, {"signer_kind": "household", "year": demo_context.year + year_offset},
                        before_save=pick)
    page.new_record()
    assert messages and messages[-1] == f"Đã lưu: cam kết của {household['head_name']}"


def test_setup_wizard_has_no_cancel_once_the_unit_exists(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "new.sqlite3")
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    wizard.next()
    wizard.unit_page.commune.province_box.setCurrentIndex(wizard.unit_page.commune.province_box.findData("01"))
    qtbot.keyClicks(wizard.unit_page.commune.search_edit, "hoan kiem")
    wizard.unit_page.commune.commune_list.setCurrentRow(0)
    wizard.next()
    assert cancel.isVisible()  # nothing created yet: Hủy still ends the setup
    page = wizard.officer_page
    page.full_name.setText("Trần Thị Bình")
    page.password.setText(PASSWORD)
    page.password_again.setText(PASSWORD)
    wizard.next()
    assert store.is_initialised()
    while True:  # the upper office's key page, then the summary: never a Hủy
        QApplication.processEvents()
        assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible(), wizard.currentPage().title()
        if wizard.currentId() == wizard.pageIds()[-1]:
            break
        wizard.next()
    wizard.reject()  # Esc: the unit exists, the wizard ends with Hoàn tất
    assert wizard.isVisible()
    wizard.accept()
    store.close()


def test_ctrl_end_goes_to_the_real_last_row(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 40)  # 300 households: several pages, as 20,000 in 500s
    page = HouseholdsPage(demo_context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # keys go to the active window, as at a desk
        page.show()
        page.activateWindow()
    total = page.model.total
    assert page.model.rowCount() == 40 < total
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == total
    assert page.table.currentIndex().row() == total - 1
    assert page.selected_rows()[0]["id"] == page.model.row_at(total - 1)["id"]


def test_empty_columns_give_their_room_to_cut_names() -> None:
    defaults = [220, 110, 190, 120, 200]  # name, kind, head, phone (empty), address
    content = [150, 70, 120, 10, 60]
    floors = [80, 70, 60, 70, 60]
    widths = content_widths(defaults, content, 560, floors)
    assert sum(widths) <= 560
    assert widths[0] >= 150  # "Tổ dân phố số 12" whole
    assert widths[3] == 70  # the empty phone column: its title only
    assert content_widths([100, 100], [10, 10], 300, [50, 50]) == [100, 100]  # room: the defaults


def test_area_names_whole_at_1024(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    records.create(demo_context.store, "residential_area", {"name": "Tổ dân phố số 12", "kind": "to_dan_pho"},
                   actor="admin")
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(1024, 768)
    for key, column in (("households", "area_name"), ("pledges", "area_name"), ("organizations", "area_name"),
                        ("areas", "name")):
        page = window.open_page(key)
        for _ in range(3):
            QApplication.processEvents()
        index = [c.key for c in page.columns].index(column)
        assert page.table.columnWidth(index) >= page.table.sizeHintForColumn(index), key
