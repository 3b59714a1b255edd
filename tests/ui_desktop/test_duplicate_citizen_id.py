"""The household form warns (never refuses) about another household with the same citizen ID, and opens it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from tests.conftest import ACTOR
from tests.ui.helpers import answer_questions

from antq_desktop.services import records
from antq_desktop.ui.pages.households_page import HouseholdsPage


def test_same_citizen_id_is_warned_with_a_button_to_the_other_record(context, qtbot, monkeypatch) -> None:
    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    store = context.store
    area = records.create(store, "residential_area", {"name": "Tổ dân phố số 2", "kind": "to_dan_pho"}, actor=ACTOR)
    first = records.create(store, "household", {"area_id": area, "head_name": "Nguyễn Văn An",
                                                "citizen_id": "001203004567"}, actor=ACTOR)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    dialog = page.make_dialog(None, {"area_id": area})
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.duplicate_box.isVisible()
    dialog.editors["head_name"].set("Trần Văn Bình")
    dialog.editors["citizen_id"].set("001 203 004 567")
    assert dialog.duplicate_box.isVisible()
    warning = dialog.duplicate_warning.text()
    assert "Nguyễn Văn An" in warning and "Tổ dân phố số 2" in warning
    dialog.open_other_button.click()
    assert dialog.other_dialog.record_id == first and dialog.other_dialog.isVisible()
    assert not dialog.other_dialog.duplicate_box.isVisible()  # the first household alone has it… until saved
    dialog.other_dialog.reject()
    dialog.save()  # a warning, not a refusal
    assert dialog.saved_id and records.get(store, "household", dialog.saved_id)["citizen_id"] == "001203004567"
    again = page.make_dialog(first)
    qtbot.addWidget(again)
    assert again.duplicate_box.isHidden() is False and "Trần Văn Bình" in again.duplicate_warning.text()
    dialog.editors["citizen_id"].set("001203004568")
    assert not dialog.duplicate_box.isVisible()
