"""Issue 15: the review meetings have their own list page — add (subject chosen first), edit, delete and
undo through the common record page; dates dd/MM/yyyy; the minutes print from a listed meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog
from tests.ui.helpers import answer_questions, fill_dialog_on_exec, texts

from antq_desktop.services import records
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.ui.dialogs.bulk_dialogs import SubjectDialog
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages import print_page
from antq_desktop.ui.pages.meetings_page import MeetingsPage


def _live_meetings(context) -> list[dict]:  # type: ignore[no-untyped-def]
    return list_rows(context.store, "meeting", ListQuery(year=context.year), limit=100000)


def test_meetings_page_adds_edits_and_deletes(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context, year = demo_context, demo_context.year
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.show()
    before = _live_meetings(context)
    assert page.model.rowCount() == len(before) > 0
    # A date column reads dd/MM/yyyy.
    first = before[0]
    column = [c.key for c in page.columns].index("held_on")
    page.select_record(first["id"])
    assert f"{first['held_on']:%d/%m/%Y}" in texts(page, column)
    # New: the officer picks an organisation (which has no meeting yet), then fills in the form.
    org = next(o for o in list_rows(context.store, "organization", limit=1000)
               if not any(m.get("organization_id") == o["id"] for m in before))

    def choose_org(dialog: SubjectDialog) -> int:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("organization"))
        dialog.org_box.setCurrentIndex(dialog.org_box.findData(org["id"]))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SubjectDialog, "exec", choose_org)
    fill_dialog_on_exec(monkeypatch, {"held_on": date(year, 12, 3), "start_time": "14:00", "end_time": "15:30",
                                      "place": "Phòng họp cơ quan", "chair": "Lê Thị Hoa", "present": 20,
                                      "votes_for": 19, "votes_against": 1})
    page.new_record()
    after = _live_meetings(context)
    assert len(after) == len(before) + 1
    made = next(m for m in after if m.get("organization_id") == org["id"])
    assert (made["kind"], made["subject_kind"], made["place"], made["year"]) == ("xet_cong_nhan", "organization",
                                                                                 "Phòng họp cơ quan", year)
    assert page.model.row_of(made["id"]) is not None
    assert "19/20 (95,0 %)" in texts(page, [c.key for c in page.columns].index("votes_for"))
    # Edit the listed meeting: the stored one opens (not another meeting of the subject).
    page.select_record(made["id"])
    fill_dialog_on_exec(monkeypatch, {"place": "Hội trường tầng 2"})
    page.open_selected()
    assert records.get(context.store, "meeting", made["id"])["place"] == "Hội trường tầng 2"
    # Delete with confirmation, then undo brings it back.
    answer_questions(monkeypatch)
    page.select_record(made["id"])
    page.delete_selected()
    assert len(_live_meetings(context)) == len(before)
    assert context.undo.last is not None
    context.undo.undo()
    assert len(_live_meetings(context)) == len(before) + 1


def test_a_second_meeting_of_the_same_kind_is_refused_in_the_form(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = demo_context
    existing = next(m for m in _live_meetings(context) if m["subject_kind"] == "area")
    page = MeetingsPage(context)
    qtbot.addWidget(page)

    def choose_area(dialog: SubjectDialog) -> int:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("area"))
        dialog.area_box.setCurrentIndex(dialog.area_box.findData(existing["area_id"]))
        return QDialog.DialogCode.Accepted

    seen: list = []
    monkeypatch.setattr(SubjectDialog, "exec", choose_area)
    fill_dialog_on_exec(monkeypatch, {"kind": existing["kind"], "held_on": date(context.year, 12, 1)}, seen)
    count = len(_live_meetings(context))
    page.new_record()
    assert len(_live_meetings(context)) == count and seen[0].saved_id is None
    assert "đã có biên bản họp" in " ".join(e.text() for e in [seen[0].general_error, *seen[0].errors.values()])


def test_minutes_print_from_a_listed_meeting(demo_context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = demo_context
    calls: list = []
    monkeypatch.setattr(print_page, "print_record", lambda _c, _p, kind, record_id, year: calls.append(
        (kind, record_id, year)))
    assessments = {r["area_id"]: r["id"] for r in list_rows(context.store, "assessment", ListQuery(
        year=context.year, filters={"subject_kind": "area"}), limit=100000)}
    meeting = next(m for m in _live_meetings(context) if m.get("area_id") in assessments)
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.select_record(meeting["id"])
    page.print_selected("minutes")  # the minutes are the subject's assessment's, filled from this meeting
    assert calls == [("minutes", assessments[meeting["area_id"]], context.year)]


def test_the_meetings_page_is_in_the_navigation(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    keys = [spec.key for spec in window.specs]
    assert keys.index("meetings") == keys.index("assessments") + 1
    assert isinstance(window.open_page("meetings"), MeetingsPage)
