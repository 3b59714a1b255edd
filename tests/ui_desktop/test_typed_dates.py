"""A date typed into a form is saved exactly as typed, or the form refuses to save and says why."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from tests.ui.helpers import answer_questions

from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.ui.dialogs.bulk_dialogs import AreaPledgeDialog
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.widgets.date_field import DateProblem, parse_typed_date


@pytest.mark.parametrize("typed", ["15/03/2026", "15032026", "15-3-2026", "15.03.2026", "15/3/26", "2026-03-15",
                                   " 15 03 2026 "])
def test_typed_forms_of_one_date(typed: str) -> None:
    assert parse_typed_date(typed) == date(2026, 3, 15)


@pytest.mark.parametrize("typed", ["31/02/2026", "31022026", "15/13/2026", "ngày mai", "1503", "00/01/2026"])
def test_impossible_dates_are_refused(typed: str) -> None:
    with pytest.raises(DateProblem):
        parse_typed_date(typed)


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)  # closing a refused form at teardown


def _new_pledge_dialog(demo_context, qtbot):  # type: ignore[no-untyped-def]
    page = PledgesPage(demo_context)
    qtbot.addWidget(page)
    dialog = page.make_dialog(None, page.default_values())
    qtbot.addWidget(dialog)
    dialog.editors["signer_kind"].set("person")  # a personal pledge: no other pledge of the year in the way
    dialog.editors["person_name"].set("Đỗ Thị Hoa")
    with qtbot.waitActive(dialog):  # typed into the active window, as a person would
        dialog.show()
        dialog.activateWindow()
    return dialog


def _type_date(dialog, qtbot, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    field = dialog.findChild(QLineEdit, "date_text")
    field.setFocus()
    qtbot.keyClicks(field, text)
    return field


@pytest.mark.parametrize("typed", ["15/03/2026", "15032026", "15-3-2026"])
def test_typed_signing_date_is_saved(typed, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_pledge_dialog(demo_context, qtbot)
    field = _type_date(dialog, qtbot, typed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    assert field.text() == "15/03/2026"  # shown as it is saved
    saved = records.get(demo_context.store, "pledge", dialog.saved_id)
    assert str(saved["signed_on"])[:10] == "2026-03-15"


def test_impossible_date_is_refused_with_a_red_message(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = queries.count_rows(demo_context.store, "pledge")
    dialog = _new_pledge_dialog(demo_context, qtbot)
    field = _type_date(dialog, qtbot, "31/02/2026")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field already says it
    error = dialog.findChild(type(dialog.general_error), "date_error")
    assert error.isVisible() and "31/02/2026" in error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.isVisible()  # nothing saved, the typed text kept
    assert field.text() == "31/02/2026" and dialog.general_error.isVisible()
    assert queries.count_rows(demo_context.store, "pledge") == before
    field.clear()
    qtbot.keyClicks(field, "28/02/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert str(records.get(demo_context.store, "pledge", dialog.saved_id)["signed_on"])[:10] == "2026-02-28"


def test_blank_optional_date_saves_no_date(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_pledge_dialog(demo_context, qtbot)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert records.get(demo_context.store, "pledge", dialog.saved_id)["signed_on"] is None


def test_whole_area_dialog_takes_a_typed_date(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AreaPledgeDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "date_text")
    field.clear()
    qtbot.keyClicks(field, "31/02/2026")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and dialog.isVisible()
    field.clear()
    qtbot.keyClicks(field, "0503" + str(date.today().year))
    dialog.buttons.accepted.emit()
    assert dialog.signed_date() == date(date.today().year, 3, 5) or dialog.isVisible()


def test_assessment_date_typed_and_checked(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.assessment_form import AssessmentForm

    area_id = records.create(demo_context.store, "residential_area", {"name": "Thôn Mới", "kind": "thon"},
                             actor="admin")
    form = AssessmentForm(demo_context.store, actor="admin", role="admin", subject_kind="area",
                          subject_id=area_id, year=date.today().year)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    field = form.assessed_on.edit
    field.clear()
    qtbot.keyClicks(field, "30022026")
    assert not form.save("draft") and "30/02/2026" in form.error_label.text()
    assert form.record is None  # nothing was saved
    field.clear()
    qtbot.keyClicks(field, "2-1-" + str(date.today().year))
    assert form.save("draft")
    saved = records.get(demo_context.store, "assessment", form.record["id"])
    assert str(saved["assessed_on"])[:10] == f"{date.today().year}-01-02" and field.text() == \
        f"02/01/{date.today().year}"
