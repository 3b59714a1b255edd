"""Biên bản họp: the review meeting of one subject (an area, an organisation or the commune itself), as
its minutes will print it: date, times, place, chair, secretary, attendance, votes, a discussion line
per criterion of the subject's catalog, and the conclusion.

Opened from the self-assessments page on the selected row (the subject's meeting of the year, a new one
if none was recorded) and from the meetings page (the listed meeting, or a new one for a chosen
subject); the subject and year are fixed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.validation import MEETING_KINDS
from antq_desktop.services import records
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.dialogs.record_dialog import RecordDialog, tr_dialog
from antq_desktop.ui.i18n import N
from antq_desktop.ui.widgets.fields import FieldSpec

FIELDS = [
    FieldSpec("kind", N("RecordDialogs", "Loại cuộc họp"), "choice", choices=MEETING_KINDS, required=True),
    FieldSpec("held_on", N("RecordDialogs", "Ngày họp"), "date", required=True),
    FieldSpec("start_time", N("RecordDialogs", "Giờ bắt đầu"), placeholder=N("RecordDialogs", "ví dụ 08:30")),
    FieldSpec("end_time", N("RecordDialogs", "Giờ kết thúc"), placeholder=N("RecordDialogs", "ví dụ 10:30")),
    FieldSpec("place", N("RecordDialogs", "Địa điểm")),
    FieldSpec("chair", N("RecordDialogs", "Chủ trì")),
    FieldSpec("secretary", N("RecordDialogs", "Thư ký")),
    FieldSpec("invited", N("RecordDialogs", "Số người được mời"), "int"),
    FieldSpec("present", N("RecordDialogs", "Số người có mặt"), "int"),
    FieldSpec("absent", N("RecordDialogs", "Số người vắng mặt"), "int"),
    FieldSpec("votes_for", N("RecordDialogs", "Số ý kiến đồng ý"), "int"),
    FieldSpec("votes_against", N("RecordDialogs", "Số ý kiến không đồng ý"), "int"),
    FieldSpec("conclusion", N("RecordDialogs", "Kết luận"), "long_text"),
]


FIND = "find"  # record_id: the subject's meeting of the year, whichever it is


class MeetingDialog(RecordDialog):
    def __init__(self, context: AppContext, subject: dict[str, Any], unit_type: str, year: int,
                 parent: QWidget | None = None, *, record_id: str | None = FIND) -> None:
        kind = "binh_xet" if subject.get("subject_kind") == "area" else "xet_cong_nhan"
        if record_id == FIND:
            record_id = records.find_meeting(context.store, subject["subject_kind"], subject.get("area_id"),
                                             subject.get("organization_id"), year)
        fixed = {"subject_kind": subject["subject_kind"], "area_id": subject.get("area_id"),
                 "organization_id": subject.get("organization_id"), "year": year}
        self.criteria = catalogs.get_catalog().criteria(unit_type)
        super().__init__(context, "meeting", FIELDS, N("RecordDialogs", "Biên bản họp"), record_id=record_id,
                         defaults={"kind": kind}, read_only=not context.can_write, fixed_values=fixed, parent=parent)
        self._add_discussion(records.meeting_discussion(self.original.get("discussion")))
        self.initial = self.values()

    def _add_discussion(self, said: dict[str, str]) -> None:
        title = QLabel(tr_dialog("Ý kiến thảo luận theo từng tiêu chí (bỏ trống nếu không có):"))
        self.discussion_table = QTableWidget(len(self.criteria), 2)
        self.discussion_table.setObjectName("discussion_table")
        self.discussion_table.setAccessibleName(tr_dialog("Ý kiến thảo luận theo từng tiêu chí"))
        title.setBuddy(self.discussion_table)
        self.discussion_table.setHorizontalHeaderLabels([tr_dialog("Tiêu chí"), tr_dialog("Ý kiến thảo luận")])
        self.discussion_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, criterion in enumerate(self.criteria):
            code = QTableWidgetItem(criterion.code)
            code.setToolTip(criterion.text)
            code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.discussion_table.setItem(row, 0, code)
            self.discussion_table.setItem(row, 1, QTableWidgetItem(said.get(criterion.code, "")))
        if self.read_only:
            self.discussion_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.discussion_table.setMinimumHeight(160)
        self.form.addRow(title)
        self.form.addRow(self.discussion_table)
        self.setMinimumWidth(720)

    def values(self) -> dict[str, Any]:
        values = super().values()
        table = getattr(self, "discussion_table", None)
        if table is not None:
            values["discussion"] = {table.item(r, 0).text(): table.item(r, 1).text().strip()
                                    for r in range(table.rowCount()) if table.item(r, 1).text().strip()}
        return values
