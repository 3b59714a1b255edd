"""Biên bản họp: the review meetings (họp bình xét, họp xét công nhận) of the working year, listed.

Each meeting is about one subject (an area, an organisation or the commune itself); the filled
minutes print what is recorded here. "Thêm mới" asks for the subject first, then opens the same
form as the self-assessments page's "Biên bản họp…"; edits, deletions and undo go through the
common record page (`services.records`).
"""

from __future__ import annotations

from typing import Any

from antq_desktop.domain.validation import MEETING_KINDS
from antq_desktop.services import records
from antq_desktop.ui.dialogs.bulk_dialogs import SubjectDialog
from antq_desktop.ui.dialogs.meeting_dialog import MeetingDialog
from antq_desktop.ui.dialogs.record_dialog import RecordDialog
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_day


def _time(row: dict[str, Any]) -> str:
    start, end = row.get("start_time") or "", row.get("end_time") or ""
    return f"{start}–{end}" if start and end else start or end


def _votes(row: dict[str, Any]) -> str:
    """"35/38 (92,1 %)": those for, out of those present, as the minutes state the vote."""
    voted_for, present = row.get("votes_for"), row.get("present")
    if voted_for is None:
        return ""
    if not present:
        return str(voted_for)
    return f"{voted_for}/{present} ({voted_for * 100 / present:.1f} %)".replace(".", ",")


class MeetingsPage(RecordPage):
    record_type = "meeting"
    heading = N("RecordPages", "Biên bản họp bình xét, xét công nhận")
    print_actions = (("minutes", N("RecordPages", "In biên bản…")),)
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư hoặc đơn vị (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("residential_area", "organization", "assessment")
    new_title = N("RecordDialogs", "Biên bản họp")
    edit_title = N("RecordDialogs", "Biên bản họp")
    columns = [
        Column("subject_name", N("RecordPages", "Khu dân cư / đơn vị"), sort="subject_name", width=240),
        Column("kind", N("RecordPages", "Loại cuộc họp"), sort="kind", width=170,
               show=lambda r: choices.label(MEETING_KINDS, r.get("kind"))),
        Column("held_on", N("RecordPages", "Ngày họp"), sort="held_on", width=100,
               show=lambda r: format_day(r.get("held_on"))),
        Column("start_time", N("RecordPages", "Thời gian"), width=100, show=_time),
        Column("chair", N("RecordPages", "Chủ trì"), sort="chair", width=160),
        Column("votes_for", N("RecordPages", "Tán thành"), sort="votes_for", numeric=True, width=120, show=_votes),
        Column("place", N("RecordPages", "Địa điểm"), sort="place", width=200),  # last: it takes the room left
    ]
    filters = [
        FilterSpec("subject_kind", N("RecordPages", "Mọi đối tượng"), lambda _c: choices.SUBJECT_KINDS),
        FilterSpec("kind", N("RecordPages", "Mọi loại cuộc họp"), lambda _c: MEETING_KINDS),
    ]

    # The subject of the next new meeting (set by the chooser in new_record); the commune's own by default.
    _subject: dict[str, Any] = {"subject_kind": "commune", "area_id": None, "organization_id": None}

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("biên bản họp của %1, ngày %2").replace("%1", str(row.get("subject_name") or "")) \
            .replace("%2", format_day(row.get("held_on")))

    def print_selected(self, kind: str) -> None:
        """The minutes print from the subject's self-assessment: the meeting fills them in."""
        rows = self.selected_rows()
        if rows:
            found = self._assessment_of(rows[0])
            if found is None:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.information(self, tr_page("In biểu mẫu"), tr_page(
                    "Biên bản in kèm kết quả tự đánh giá, nhưng đối tượng này chưa có phiếu tự đánh giá năm %1. "
                    "Hãy lập phiếu ở trang Tự đánh giá rồi in lại.").replace("%1", str(rows[0].get("year"))))
                return
            from antq_desktop.ui.pages.print_page import print_record

            print_record(self.context, self, kind, found, int(rows[0].get("year") or self.context.year))
            return
        super().print_selected(kind)

    def _assessment_of(self, row: dict[str, Any]) -> str | None:
        query = records.ListQuery(year=int(row.get("year") or self.context.year),
                                  filters={"subject_kind": row.get("subject_kind"), "area_id": row.get("area_id"),
                                           "organization_id": row.get("organization_id")})
        found = records.list_rows(self.context.store, "assessment", query, limit=1)
        return str(found[0]["id"]) if found else None

    # ---- the form: the subject chosen first for a new meeting ----

    def new_record(self) -> None:
        if not self.context.can_write:
            return
        chooser = SubjectDialog(self.context, self, tr_page("Biên bản họp mới — chọn đối tượng"))
        if not chooser.exec():
            return
        kind, subject_id = chooser.subject_kind(), chooser.subject_id()
        self._subject = {"subject_kind": kind, "area_id": subject_id if kind == "area" else None,
                         "organization_id": subject_id if kind == "organization" else None}
        self._run_dialog(None)

    def make_dialog(self, record_id: str | None, defaults: dict[str, Any] | None = None) -> RecordDialog:
        if record_id:
            stored = records.get(self.context.store, "meeting", record_id)
            subject, year = stored, int(stored["year"])
        else:
            subject, year = self._subject, self.context.year
        return MeetingDialog(self.context, subject, self._unit_type(subject), year, self, record_id=record_id)

    def _unit_type(self, subject: dict[str, Any]) -> str:
        if subject.get("subject_kind") == "organization":
            return str(records.get(self.context.store, "organization", subject["organization_id"])["org_type"])
        return "commune" if subject.get("subject_kind") == "commune" else "area"
