"""Cam kết: household, organisation and personal pledges of the working year, with bulk actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from antq_desktop.services import records
from antq_desktop.services.changes import WrittenIds
from antq_desktop.ui.dialogs.bulk_dialogs import AreaPledgeDialog
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.jobs import Job
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_count, format_day
from antq_desktop.ui.undo import UndoAction, restore_many
from antq_desktop.ui.widgets.fields import FieldSpec

_SIGNER = ("signer_kind",)


class PledgesPage(RecordPage):
    record_type = "pledge"
    heading = N("RecordPages", "Cam kết")
    print_actions = (("pledge", N("RecordPages", "In…")),)
    search_hint = N("RecordPages", "Tìm theo tên chủ hộ, đơn vị hoặc người ký (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("household", "organization")
    new_title = N("RecordDialogs", "Thêm bản cam kết")
    edit_title = N("RecordDialogs", "Sửa bản cam kết")
    columns = [
        Column("signer_name", N("RecordPages", "Người/đơn vị ký"), sort="signer_name", width=230),
        Column("signer_kind", N("RecordPages", "Loại"), sort="signer_kind", width=110,
               show=lambda r: choices.label(choices.SIGNER_KINDS, r.get("signer_kind"))),
        Column("area_name", N("RecordPages", "Khu dân cư"), sort="area_name", width=150),
        Column("template_code", N("RecordPages", "Mẫu"), width=190,
               show=lambda r: choices.label(choices.PLEDGE_TEMPLATES, r.get("template_code"))),
        Column("signed_on", N("RecordPages", "Ngày ký"), sort="signed_on", width=96,
               show=lambda r: format_day(r.get("signed_on"))),
        Column("status", N("RecordPages", "Trạng thái"), sort="status", width=90,
               show=lambda r: choices.label(choices.PLEDGE_STATUSES, r.get("status"))),
        Column("note", N("RecordPages", "Ghi chú"), width=200),
    ]
    fields = [
        FieldSpec("signer_kind", N("RecordDialogs", "Người ký cam kết"), "choice", choices=choices.SIGNER_KINDS,
                  required=True),
        FieldSpec("household_id", N("RecordDialogs", "Hộ gia đình"), "household", required=True,
                  visible_when=("signer_kind", ("household",))),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học"), "organization",
                  required=True, visible_when=("signer_kind", ("organization",))),
        FieldSpec("person_name", N("RecordDialogs", "Họ tên người ký"), required=True,
                  visible_when=("signer_kind", ("person",))),
        FieldSpec("template_code", N("RecordDialogs", "Mẫu cam kết"), "choice", choices=choices.PLEDGE_TEMPLATES,
                  required=True),
        FieldSpec("year", N("RecordDialogs", "Năm"), "year", required=True),
        FieldSpec("signed_on", N("RecordDialogs", "Ngày ký"), "optional_date"),
        FieldSpec("status", N("RecordDialogs", "Trạng thái"), "choice", choices=choices.PLEDGE_STATUSES),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
    ]
    filters = [
        FilterSpec("area_id", N("RecordPages", "Mọi khu dân cư"), choices.areas),
        FilterSpec("signer_kind", N("RecordPages", "Mọi loại người ký"), lambda _c: choices.SIGNER_KINDS),
        FilterSpec("status", N("RecordPages", "Mọi trạng thái"), lambda _c: choices.PLEDGE_STATUSES),
    ]

    def describe(self, row: dict[str, Any]) -> str:
        name = row.get("signer_name") or row.get("person_name") or self._signer_of(row)
        return tr_page("cam kết của %1").replace("%1", str(name or ""))

    def _signer_of(self, row: dict[str, Any]) -> str:
        """A pledge not in the list (saved for another year) comes without its joined signer name."""
        from antq_desktop.domain.errors import AntqError
        from antq_desktop.services import records

        for record_type, key, name in (("household", "household_id", "head_name"),
                                       ("organization", "organization_id", "name")):
            if row.get(key):
                try:
                    return str(records.get(self.context.store, record_type, row[key]).get(name) or "")
                except AntqError:
                    return ""
        return ""

    def default_values(self) -> dict[str, Any]:
        values = super().default_values()
        values.pop("area_id", None)  # the area filter is not a pledge field
        return {"signer_kind": "household", "template_code": records.HOUSEHOLD_TEMPLATE, "status": "signed", **values}

    def extra_buttons(self) -> list[QPushButton]:
        whole_area = QPushButton(tr_page("Ghi cam kết cả khu dân cư…"))
        whole_area.setObjectName("pledge_area_button")
        whole_area.setToolTip(tr_page("Ghi bản cam kết đã ký cho mọi hộ chưa có bản cam kết năm nay"))
        whole_area.clicked.connect(self.pledge_whole_area)
        signed = QPushButton(tr_page("Đánh dấu đã ký"))
        signed.setObjectName("mark_signed_button")
        signed.setToolTip(tr_page("Chuyển các bản cam kết đang chọn sang trạng thái “Đã ký”"))
        signed.clicked.connect(self.mark_selected_signed)
        scanning = QPushButton(tr_page("Quét phiếu đã ký…"))
        scanning.setObjectName("scan_sheets_button")
        scanning.setToolTip(tr_page("Ghi cam kết bằng máy quét mã QR trên các phiếu in sẵn đã ký"))
        scanning.clicked.connect(self.open_scanning)
        return [whole_area, signed, scanning]

    # ---- scanning signed prefilled sheets ----

    def open_scanning(self) -> QDialog:
        """Non-modal, one at a time: scanning goes on while the list behind it refreshes."""
        from antq_desktop.ui.pages.pledge_scan import PledgeScanDialog

        dialog = getattr(self, "scan_dialog", None)
        if dialog is not None and dialog.year != self.context.year:  # the working year changed meanwhile
            dialog.close()
            dialog = None
        if dialog is None:
            dialog = self.scan_dialog = PledgeScanDialog(self.context, self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.field.setFocus()
        return dialog

    # ---- bulk: pledges for a whole area ----

    def pledge_whole_area(self) -> Job | None:
        dialog = AreaPledgeDialog(self.context, self.filter_boxes["area_id"].currentData(), self)
        if not dialog.exec():
            return None
        area_id, signed_on = dialog.area_id(), dialog.signed_date()
        if not area_id or signed_on is None:  # the dialog accepts only with both
            return None
        store, actor, year = self.context.store, self.context.actor, self.context.year
        job = self.context.jobs.start(
            lambda progress, cancel: records.pledge_area(store, area_id, year, signed_on, actor=actor,
                                                      progress=progress, cancel=cancel),
            title=tr_page("Đang ghi cam kết cho khu dân cư"), parent=self, writes=True)
        job.succeeded.connect(self._area_pledged)
        job.failed.connect(lambda exc: show_error(self, exc, tr_page("Không ghi được cam kết")))
        return job

    def _area_pledged(self, ids: WrittenIds) -> None:
        store, actor = self.context.store, self.context.actor
        if ids:
            self.context.undo.push(UndoAction(
                tr_page("Ghi %1 bản cam kết").replace("%1", format_count(len(ids))), "pledge",
                lambda: records.delete_many(store, "pledge", ids, actor=actor), in_background=True,
                redo=lambda: restore_many(store, "pledge", ids, actor=actor)))
        self.context.events.status_message.emit(tr_page("Đã ghi %1 bản cam kết.").replace("%1", format_count(len(ids))))
        self.context.apply_changes(ids.changes)

    # ---- bulk: mark selected as signed ----

    def mark_selected_signed(self) -> None:
        ids = [row["id"] for row in self.selected_rows()]
        if not ids:
            self.context.events.status_message.emit(tr_page("Hãy chọn các bản cam kết cần đánh dấu trước."))
            return
        today = date.today()
        answer = QMessageBox.question(
            self, tr_page("Đánh dấu đã ký"),
            tr_page("Đánh dấu %1 bản cam kết là “Đã ký”? Bản nào chưa có ngày ký sẽ ghi ngày %2.")
            .replace("%1", format_count(len(ids))).replace("%2", format_day(today)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, actor = self.context.store, self.context.actor
        previous = records.previous_pledge_values(store, ids)
        try:
            changed = records.mark_pledges_signed(store, ids, today, actor=actor)
        except Exception as exc:  # noqa: BLE001 — shown to the officer; nothing was saved
            show_error(self, exc, tr_page("Không đánh dấu được"))
            return
        self.context.undo.push(UndoAction(tr_page("Đánh dấu %1 bản cam kết đã ký").replace("%1", format_count(changed)),
                                          "pledge", lambda: records.write_back(store, "pledge", previous, actor=actor),
                                          in_background=True,
                                          redo=lambda: records.mark_pledges_signed(store, ids, today, actor=actor)))
        self.context.events.status_message.emit(tr_page("Đã đánh dấu %1 bản cam kết.").replace("%1",
                                                                                           format_count(changed)))
        self.context.apply_changes(changed.changes)

    def print_kind(self, kind: str, row: dict[str, Any]) -> str:
        # An organisation's pledge is a covenant (giao ước thi đua) and prints on that form.
        return "covenant" if row.get("template_code") == "covenant" else kind
