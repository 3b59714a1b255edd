"""Tự đánh giá: the list of self-assessments of the working year.

Opening one uses the checklist form feature (`ui/pages/assessment_form.py`,
`open_assessment_dialog(context, parent, subject_kind=…, subject_id=…, assessment_id=…)`) when it
is installed; otherwise a read-only view.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import AntqError
from antq_desktop.services import records
from antq_desktop.ui.dialogs.assessment_view import AssessmentView
from antq_desktop.ui.dialogs.bulk_dialogs import SubjectDialog
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_day

FORM_MODULE = "antq_desktop.ui.pages.assessment_form"


def _level(row: dict[str, Any]) -> str:
    """The classification as officers read it ("Khá"), not its code."""
    try:
        catalog = catalogs.get_catalog(row.get("catalog_code") or catalogs.DEFAULT_CATALOG_CODE)
        return catalog.level(row.get("level") or "").label
    except (AntqError, StopIteration):
        return str(row.get("level") or "")


def _score(row: dict[str, Any]) -> str:
    return f"{row.get('score') or 0:g}".replace(".", ",")


class AssessmentsPage(RecordPage):
    record_type = "assessment"
    heading = N("RecordPages", "Tự đánh giá tiêu chuẩn “An toàn về an ninh, trật tự”")
    print_actions = (("assessment", N("RecordPages", "In phiếu…")),
                     ("minutes", N("RecordPages", "In biên bản…")))
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư hoặc đơn vị (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("residential_area", "organization")
    columns = [
        Column("subject_name", N("RecordPages", "Khu dân cư / đơn vị"), sort="subject_name", width=260),
        Column("subject_kind", N("RecordPages", "Đối tượng"), sort="subject_kind", width=190,
               show=lambda r: choices.label(choices.SUBJECT_KINDS, r.get("subject_kind"))),
        Column("assessed_on", N("RecordPages", "Ngày đánh giá"), sort="assessed_on", width=110,
               show=lambda r: format_day(r.get("assessed_on"))),
        Column("score", N("RecordPages", "Điểm"), sort="score", numeric=True, width=70, show=_score),
        Column("outcome", N("RecordPages", "Kết quả"), sort="outcome", width=90,
               show=lambda r: tr_page("Đạt") if r.get("outcome") == "dat" else tr_page("Chưa đạt")),
        Column("level", N("RecordPages", "Xếp loại"), sort="level", width=110, show=_level),
        Column("status", N("RecordPages", "Trạng thái"), sort="status", width=100,
               show=lambda r: choices.label(choices.ASSESSMENT_STATUSES, r.get("status"))),
    ]
    filters = [
        FilterSpec("subject_kind", N("RecordPages", "Mọi đối tượng"), lambda _c: choices.SUBJECT_KINDS),
        FilterSpec("status", N("RecordPages", "Mọi trạng thái"), lambda _c: choices.ASSESSMENT_STATUSES),
    ]

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("tự đánh giá của %1").replace("%1", str(row.get("subject_name") or ""))

    @staticmethod
    def form_opener() -> Any:
        """`open_assessment_dialog` of the checklist form feature, if installed."""
        if importlib.util.find_spec(FORM_MODULE) is None:
            return None
        return getattr(importlib.import_module(FORM_MODULE), "open_assessment_dialog", None)

    def new_record(self) -> None:
        if not self.context.can_write:
            return
        opener = self.form_opener()
        if opener is None:
            QMessageBox.information(self, tr_page("Tự đánh giá"), tr_page(
                "Phiếu tự đánh giá theo từng tiêu chí chưa có trong bản này. Hãy cập nhật chương trình."))
            return
        chooser = SubjectDialog(self.context, self)
        if chooser.exec():
            self._keep(opener(self.context, self, subject_kind=chooser.subject_kind(),
                              subject_id=chooser.subject_id()))

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.context.events.status_message.emit(tr_page("Hãy chọn một dòng trong bảng trước."))
            return
        row, opener = rows[0], self.form_opener()
        if opener is not None:
            self._keep(opener(self.context, self, subject_kind=row["subject_kind"],
                              subject_id=row.get("area_id") or row.get("organization_id"), assessment_id=row["id"]))
            return
        try:
            unit_type = self._unit_type(row)
        except Exception as exc:  # noqa: BLE001 — e.g. the organisation was deleted meanwhile
            show_error(self, exc)
            return
        AssessmentView(row, unit_type, self).exec()

    def _unit_type(self, row: dict[str, Any]) -> str:
        if row.get("subject_kind") == "organization":
            return records.get(self.context.store, "organization", row["organization_id"])["org_type"]
        return "commune" if row.get("subject_kind") == "commune" else "area"

    def _keep(self, dialog: QWidget) -> None:
        """The form opens non-modally; keep a reference so it is not collected while open."""
        self.open_form = dialog
