"""Issue 15: the recognition decision is printed from the "In biểu mẫu" page, with the decision number
and date typed there; they are recorded (for the units it names) and offered again next time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.reports.conftest import pdf_text_flat

from antq_desktop.services import forms
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.ui.pages.print_page import FORM_KIND_TEXTS, PrintPage


def _page(context, qtbot) -> PrintPage:  # type: ignore[no-untyped-def]
    page = PrintPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.kind_box.setCurrentIndex(page.kind_box.findData("recognition"))
    return page


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def test_recognition_printed_from_the_gui_carries_the_typed_number_and_date(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    context = demo_context
    year = context.year
    met = [r for r in list_rows(context.store, "assessment", ListQuery(year=year))
           if r["status"] == "submitted" and r["outcome"] == "dat" and r["subject_kind"] != "commune"]
    assert met, "the demo store should hold units that met the standard"
    page = _page(context, qtbot)
    assert page.decision_number.isVisible() and page.decision_date.isVisible()
    assert not page.scope_box.isEnabled()
    assert page.kind_box.toolTip() == "Quyết định công nhận (kèm danh sách và giấy công nhận)"  # cut in the box
    _type(qtbot, page.decision_number, "45")
    _type(qtbot, page.decision_date.edit, f"2011{year}")  # typed without separators
    assert "lưu lại" in page.hint.text()
    with qtbot.waitSignal(page.generated, timeout=60000) as signal:
        page.generate_button.click()
    pdf = Path(str(signal.args[0]))
    text = pdf_text_flat(pdf)
    assert "Số: 45/QĐ-UBND" in text and f"ngày 20 tháng 11 năm {year}" in text
    assert text.count("GIẤY CÔNG NHẬN") == len(met)
    assert page.decision_date.text() == f"20/11/{year}"  # what was shown is what was printed
    assert forms.recorded_decision(context.store, year) == ("45/QĐ-UBND", date(year, 11, 20))
    # Next time the page offers the recorded number and date.
    again = _page(context, qtbot)
    assert again.decision_number.text() == "45/QĐ-UBND" and again.decision_date.text() == f"20/11/{year}"
    again.year_box.setValue(year - 1)  # another year: this year's decision is not offered for it
    assert again.decision_number.text() == "" and again.decision_date.text() == ""
    again.year_box.setValue(year)
    assert again.decision_number.text() == "45/QĐ-UBND"
    _type(qtbot, again.decision_number, "47")  # typed by the officer: kept when the year changes
    again.year_box.setValue(year - 1)
    assert again.decision_number.text() == "47"
    # Other forms do not show the decision's fields.
    again.kind_box.setCurrentIndex(again.kind_box.findData("pledge"))
    assert not again.decision_number.isVisible()


def test_an_impossible_decision_date_is_refused_before_printing(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    page = _page(demo_context, qtbot)
    _type(qtbot, page.decision_number, "46")
    _type(qtbot, page.decision_date.edit, "31/02/2026")
    page.generate_button.click()
    assert page.job is None and shown and "31/02/2026" in shown[-1]
    assert page.decision_date.error.isVisible()
    assert forms.recorded_decision(demo_context.store, demo_context.year) is None


def test_without_a_number_the_decision_prints_dots_and_records_nothing(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _page(demo_context, qtbot)
    assert "ghi tay" in page.hint.text()
    with qtbot.waitSignal(page.generated, timeout=60000) as signal:
        page.generate_button.click()
    assert "Số: ………/QĐ-UBND" in pdf_text_flat(Path(str(signal.args[0])))
    assert forms.recorded_decision(demo_context.store, demo_context.year) is None


def test_every_form_name_is_marked_for_translation() -> None:
    assert set(forms.FORM_KINDS.values()) <= set(FORM_KIND_TEXTS)
