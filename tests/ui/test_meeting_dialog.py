"""Biên bản họp from the self-assessments page: the selected subject's meeting is entered (or corrected)
in a dialog, stored as a record, and the printed minutes carry it."""

from __future__ import annotations

from datetime import date

from tests.reports.conftest import pdf_text_flat
from tests.ui.helpers import fill_dialog_on_exec

from antq_desktop.services import forms
from antq_desktop.services.records import meetings
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.ui.dialogs.meeting_dialog import MeetingDialog
from antq_desktop.ui.pages.assessments_page import AssessmentsPage


def test_meeting_entered_from_the_assessments_page_prints_on_the_minutes(demo_context, qtbot, monkeypatch,
                                                                          tmp_path) -> None:
    context = demo_context
    year = context.year
    row = next(r for r in list_rows(context.store, "assessment", ListQuery(year=year)) if r["subject_kind"] == "area")
    page = AssessmentsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.select_record(row["id"])
    seen: list = []

    def discuss(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, MeetingDialog)
        dialog.discussion_table.item(0, 1).setText("Chi bộ đã ra nghị quyết từ tháng 1.")

    fill_dialog_on_exec(monkeypatch, {"kind": "xet_cong_nhan", "held_on": date(year, 11, 20), "start_time": "7:45",
                                      "end_time": "9:05", "place": "Hội trường UBND", "chair": "Võ Văn Chủ",
                                      "secretary": "Hà Thị Thư", "invited": 30, "present": 28, "absent": 2,
                                      "votes_for": 21, "votes_against": 7, "conclusion": "Đề nghị công nhận."},
                        seen, discuss)
    dialog = page.open_meeting()
    assert dialog is not None and dialog.saved_id
    meeting = records.get(context.store, "meeting", dialog.saved_id)
    assert (meeting["start_time"], meeting["place"], meeting["area_id"]) == ("07:45", "Hội trường UBND",
                                                                            row["area_id"])
    assert meetings.find(context.store, "area", row["area_id"], None, year, "xet_cong_nhan") == dialog.saved_id
    text = pdf_text_flat(forms.render_form(context.store, forms.FormRequest("minutes", year, record_id=row["id"]),
                                           tmp_path / "m.pdf"))
    for fact in ("Vào hồi 07 giờ 45 phút", "tại Hội trường UBND", "Chủ trì: Võ Văn Chủ", "Thư ký: Hà Thị Thư",
                 "Có mặt: 28 người", "21 / 28 ý kiến đồng ý, 7 ý kiến không đồng ý", "75,0%",
                 "Chi bộ đã ra nghị quyết từ tháng 1.", "Đề nghị công nhận."):
        assert fact in text, fact
