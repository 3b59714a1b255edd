"""Cơ quan – doanh nghiệp – trường học in the commune (the "in scope" ones register and self-assess)."""

from __future__ import annotations

from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage
from antq_desktop.ui.table_model import Column
from antq_desktop.ui.widgets.fields import FieldSpec


class OrganizationsPage(RecordPage):
    record_type = "organization"
    heading = N("RecordPages", "Cơ quan – doanh nghiệp – trường học")
    search_hint = N("RecordPages", "Tìm theo tên, thủ trưởng hoặc địa chỉ (có dấu hoặc không dấu)")
    related_types = ("residential_area",)
    new_title = N("RecordDialogs", "Thêm cơ quan, doanh nghiệp, trường học")
    excel_import = True
    edit_title = N("RecordDialogs", "Sửa cơ quan, doanh nghiệp, trường học")
    columns = [
        Column("name", N("RecordPages", "Tên đơn vị"), sort="name", width=280),
        Column("org_type", N("RecordPages", "Loại"), sort="org_type", width=120,
               show=lambda r: choices.label(choices.ORG_TYPES, r.get("org_type"))),
        Column("in_scope", N("RecordPages", "Thuộc diện"), sort="in_scope", width=90),
        Column("area_name", N("RecordPages", "Khu dân cư"), sort="area_name", width=160),
        Column("head_name", N("RecordPages", "Thủ trưởng"), sort="head_name", width=170),
        Column("phone", N("RecordPages", "Điện thoại"), width=120),
        Column("staff_count", N("RecordPages", "Số người"), sort="staff_count", numeric=True, width=90),
        Column("address", N("RecordPages", "Địa chỉ"), width=200),
    ]
    fields = [
        FieldSpec("name", N("RecordDialogs", "Tên đơn vị"), required=True,
                  placeholder=N("RecordDialogs", "tên cơ quan, doanh nghiệp hoặc trường học")),
        FieldSpec("org_type", N("RecordDialogs", "Loại đơn vị"), "choice", choices=choices.ORG_TYPES, required=True),
        FieldSpec("in_scope", N("RecordDialogs", "Thuộc diện đăng ký, tự đánh giá “An toàn về ANTT”"),
                  "bool"),
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area"),
        FieldSpec("address", N("RecordDialogs", "Địa chỉ")),
        FieldSpec("head_name", N("RecordDialogs", "Thủ trưởng đơn vị")),
        FieldSpec("phone", N("RecordDialogs", "Số điện thoại")),
        FieldSpec("staff_count", N("RecordDialogs", "Số cán bộ, người lao động"), "int"),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
    ]
    filters = [
        FilterSpec("org_type", N("RecordPages", "Mọi loại đơn vị"), lambda _c: choices.ORG_TYPES),
        FilterSpec("area_id", N("RecordPages", "Mọi khu dân cư"), choices.areas),
    ]
