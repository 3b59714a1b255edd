"""Kế hoạch – chỉ tiêu: the year's plans (above) and the targets of the selected plan (below)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton, QSplitter, QVBoxLayout, QWidget

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.validation import COMPARATORS
from antq_desktop.services import plans, records
from antq_desktop.services.records import ListQuery
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.dialogs.record_dialog import RecordDialog
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages.record_page import RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_day
from antq_desktop.ui.undo import UndoAction, restore_many
from antq_desktop.ui.widgets.fields import FieldSpec

NO_PLAN = "-"  # a filter value no plan has: an empty target list until a plan is selected


def _indicator_labels() -> dict[str, str]:
    return {code: indicator.label for code, indicator in catalogs.load_indicators().items()}


def _threshold(row: dict[str, Any]) -> str:
    value = f"{row.get('threshold') or 0:g}".replace(".", ",")
    return f"{COMPARATORS.get(row.get('comparator') or '>=', '≥')} {value}%"


class PlanListPage(RecordPage):
    record_type = "plan"
    heading = N("RecordPages", "Kế hoạch – chỉ tiêu")
    search_hint = N("RecordPages", "Tìm theo tên kế hoạch")
    new_title = N("RecordDialogs", "Thêm kế hoạch")
    edit_title = N("RecordDialogs", "Sửa kế hoạch")
    columns = [
        Column("year", N("RecordPages", "Năm"), sort="year", width=70, show=lambda r: str(r.get("year") or "")),
        Column("title", N("RecordPages", "Tên kế hoạch"), sort="title", width=420),
        Column("document_ref", N("RecordPages", "Số, ký hiệu"), sort="document_ref", width=160),
        Column("issued_on", N("RecordPages", "Ngày ban hành"), sort="issued_on", width=120,
               show=lambda r: format_day(r.get("issued_on"))),
    ]
    fields = [
        FieldSpec("year", N("RecordDialogs", "Năm"), "year", required=True),
        FieldSpec("title", N("RecordDialogs", "Tên kế hoạch"), required=True),
        FieldSpec("document_ref", N("RecordDialogs", "Số, ký hiệu văn bản")),
        FieldSpec("issued_on", N("RecordDialogs", "Ngày ban hành"), "optional_date"),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
    ]

    def extra_buttons(self) -> list[QPushButton]:
        button = QPushButton(tr_page("Tạo từ mẫu kế hoạch…"))
        button.setObjectName("from_template_button")
        button.setToolTip(tr_page("Tạo kế hoạch năm đang chọn cùng các chỉ tiêu theo mẫu kế hoạch của tỉnh"))
        button.clicked.connect(self.create_from_template)
        return [button]

    def create_from_template(self) -> str | None:
        templates = list(catalogs.load_plan_templates().values())
        names = [f"{plans.template_title(t.title, self.context.year)} ({t.code})" for t in templates]
        name, ok = QInputDialog.getItem(self, tr_page("Tạo từ mẫu kế hoạch"), tr_page("Chọn mẫu:"), names, 0, False)
        if not ok or name not in names:
            return None
        template = templates[names.index(name)]
        store, actor, year = self.context.store, self.context.actor, self.context.year
        try:
            title = plans.template_title(template.title, year)
            plan_id = records.create(store, "plan", {"year": year, "title": title,
                                                     "document_ref": template.document_ref}, actor=actor)
            target_ids = records.create_many(store, "plan_target", [
                {"plan_id": plan_id, "indicator": t.indicator, "comparator": t.comparator,
                 "threshold": t.threshold, "note": t.note or None} for t in template.targets], actor=actor)
        except Exception as exc:  # noqa: BLE001 — shown to the officer
            show_error(self, exc, tr_page("Không tạo được kế hoạch"))
            return None

        def undo() -> None:
            records.delete_many(store, "plan_target", target_ids, actor=actor)
            records.delete(store, "plan", plan_id, actor=actor)

        def redo() -> None:
            records.restore(store, "plan", plan_id, actor=actor)
            restore_many(store, "plan_target", target_ids, actor=actor)

        self.context.undo.push(UndoAction(tr_page("Tạo kế hoạch %1").replace("%1", name), "plan", undo,
                                          redo=redo))
        self.context.apply_changes(plan_id.changes | target_ids.changes)
        self.select_record(plan_id)
        return plan_id


class TargetsPanel(RecordPage):
    record_type = "plan_target"
    heading = N("RecordPages", "Chỉ tiêu của kế hoạch đang chọn")
    search_hint = N("RecordPages", "Tìm theo mã chỉ tiêu")
    new_title = N("RecordDialogs", "Thêm chỉ tiêu")
    edit_title = N("RecordDialogs", "Sửa chỉ tiêu")
    columns = [
        Column("indicator", N("RecordPages", "Chỉ tiêu"), sort="indicator", width=520,
               show=lambda r: _indicator_labels().get(r.get("indicator") or "", r.get("indicator") or "")),
        Column("threshold", N("RecordPages", "Mức phải đạt"), sort="threshold", width=120, show=_threshold),
        Column("note", N("RecordPages", "Ghi chú"), width=240),
    ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.plan_id = NO_PLAN
        self.fields = [
            FieldSpec("indicator", N("RecordDialogs", "Chỉ tiêu"), "choice", choices=_indicator_labels(),
                      required=True),
            FieldSpec("comparator", N("RecordDialogs", "Phép so sánh"), "choice", choices=COMPARATORS),
            FieldSpec("threshold", N("RecordDialogs", "Ngưỡng (%)"), required=True,
                      placeholder=N("RecordDialogs", "ví dụ: 80 hoặc 92,5")),
            FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
        ]
        super().__init__(context, parent)

    def set_plan(self, plan_id: str | None) -> None:
        self.plan_id = plan_id or NO_PLAN
        self.add_button.setEnabled(plan_id is not None)
        self.refresh()

    def build_query(self) -> ListQuery:
        query = super().build_query()
        return ListQuery(search=query.search, filters={"plan_id": self.plan_id}, order_by=query.order_by,
                         descending=query.descending)

    def make_dialog(self, record_id: str | None, defaults: dict[str, Any] | None = None) -> RecordDialog:
        return RecordDialog(self.context, self.record_type, self.fields,
                            self.edit_title if record_id else self.new_title, record_id=record_id,
                            defaults={"comparator": ">="}, read_only=not self.context.can_write,
                            fixed_values={"plan_id": self.plan_id}, parent=self)

    def new_record(self) -> None:
        if self.plan_id != NO_PLAN:
            super().new_record()

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("chỉ tiêu %1").replace("%1", _threshold(row))


class PlansPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans = PlanListPage(context)
        self.targets = TargetsPanel(context)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.plans)
        self.splitter.addWidget(self.targets)
        QVBoxLayout(self).addWidget(self.splitter)
        self.plans.table.selectionModel().selectionChanged.connect(self._plan_selected)
        self.plans.model.modelReset.connect(self._plan_selected)
        self.targets.set_plan(None)

    def _plan_selected(self, *_args: object) -> None:
        rows = self.plans.selected_rows()
        self.targets.set_plan(rows[0]["id"] if rows else None)

    def focus_search(self) -> None:
        self.plans.focus_search()

    def new_record(self) -> None:
        (self.targets if self.targets.table.hasFocus() else self.plans).new_record()

    def save_layout(self) -> None:
        self.plans.save_layout()
        self.targets.save_layout()
