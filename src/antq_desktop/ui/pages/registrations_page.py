"""Đăng ký: areas, organisations and the commune registering for the standard "An toàn về ANTT"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton

from antq_desktop.services import records
from antq_desktop.services.changes import WrittenIds
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.jobs import Job
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_count, format_day
from antq_desktop.ui.undo import UndoAction, restore_many
from antq_desktop.ui.widgets.fields import FieldSpec


class RegistrationsPage(RecordPage):
    record_type = "registration"
    heading = N("RecordPages", "Đăng ký “An toàn về an ninh, trật tự”")
    print_actions = (("registration", N("RecordPages", "In…")),)
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư hoặc đơn vị (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("residential_area", "organization")
    new_title = N("RecordDialogs", "Thêm đăng ký")
    edit_title = N("RecordDialogs", "Sửa đăng ký")
    columns = [
        Column("subject_name", N("RecordPages", "Khu dân cư / đơn vị"), sort="subject_name", width=280),
        Column("subject_kind", N("RecordPages", "Đối tượng"), sort="subject_kind", width=200,
               show=lambda r: choices.label(choices.SUBJECT_KINDS, r.get("subject_kind"))),
        Column("year", N("RecordPages", "Năm"), sort="year", width=70, show=lambda r: str(r.get("year") or "")),
        Column("registered_on", N("RecordPages", "Ngày đăng ký"), sort="registered_on", width=110,
               show=lambda r: format_day(r.get("registered_on"))),
        Column("note", N("RecordPages", "Ghi chú"), width=240),
    ]
    fields = [
        FieldSpec("subject_kind", N("RecordDialogs", "Đối tượng đăng ký"), "choice", choices=choices.SUBJECT_KINDS,
                  required=True),
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area", required=True,
                  visible_when=("subject_kind", ("area",))),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học"), "organization",
                  required=True, visible_when=("subject_kind", ("organization",))),
        FieldSpec("year", N("RecordDialogs", "Năm"), "year", required=True),
        FieldSpec("registered_on", N("RecordDialogs", "Ngày đăng ký"), "date", required=True),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
    ]
    filters = [FilterSpec("subject_kind", N("RecordPages", "Mọi đối tượng"), lambda _c: choices.SUBJECT_KINDS)]

    def describe(self, row: dict[str, Any]) -> str:
        name = row.get("subject_name")
        if name is None:  # a record fresh from records.get has no joined name
            name = choices.label(choices.SUBJECT_KINDS, row.get("subject_kind"))
        return tr_page("đăng ký của %1").replace("%1", str(name))

    def default_values(self) -> dict[str, Any]:
        return {"subject_kind": "area", **super().default_values()}

    def extra_buttons(self) -> list[QPushButton]:
        carry = QPushButton(tr_page("Chuyển đăng ký năm trước sang…"))
        carry.setObjectName("carry_forward_button")
        carry.setToolTip(tr_page("Đăng ký lại cho năm đang chọn mọi khu dân cư, đơn vị đã đăng ký năm trước"))
        carry.clicked.connect(self.carry_forward)
        return [carry]

    def carry_forward(self) -> Job | None:
        store, actor, year = self.context.store, self.context.actor, self.context.year
        count = len(records.registrations_to_carry(store, year - 1, year))
        if count == 0:
            QMessageBox.information(self, tr_page("Chuyển đăng ký"), tr_page(
                "Không có đăng ký nào của năm %1 cần chuyển sang năm %2 (đã chuyển hết hoặc năm trước chưa có "
                "đăng ký).").replace("%1", str(year - 1)).replace("%2", str(year)))
            return None
        registered_on = min(date.today(), date(year, 12, 31))
        answer = QMessageBox.question(self, tr_page("Chuyển đăng ký"), tr_page(
            "Đăng ký năm %2 cho %3 khu dân cư, đơn vị đã đăng ký năm %1, ngày đăng ký %4?")
            .replace("%1", str(year - 1)).replace("%2", str(year)).replace("%3", format_count(count))
            .replace("%4", format_day(registered_on)))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        job = self.context.jobs.start(
            lambda progress, cancel: records.carry_registrations_forward(
                store, year - 1, year, registered_on, actor=actor, progress=progress, cancel=cancel),
            title=tr_page("Đang chuyển đăng ký"), parent=self, writes=True)
        job.succeeded.connect(self._carried)
        job.failed.connect(lambda exc: show_error(self, exc, tr_page("Không chuyển được đăng ký")))
        return job

    def _carried(self, ids: WrittenIds) -> None:
        store, actor = self.context.store, self.context.actor
        if ids:
            self.context.undo.push(UndoAction(
                tr_page("Chuyển %1 đăng ký").replace("%1", format_count(len(ids))), "registration",
                lambda: records.delete_many(store, "registration", ids, actor=actor), in_background=True,
                redo=lambda: restore_many(store, "registration", ids, actor=actor)))
        self.context.events.status_message.emit(tr_page("Đã chuyển %1 đăng ký.").replace("%1", format_count(len(ids))))
        self.context.apply_changes(ids.changes)
