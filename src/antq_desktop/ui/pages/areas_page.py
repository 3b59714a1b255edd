"""Khu dân cư: thôn, tổ dân phố… of the commune, with their head and declared totals."""

from __future__ import annotations

from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage
from antq_desktop.ui.table_model import Column
from antq_desktop.ui.widgets.fields import FieldSpec


class AreasPage(RecordPage):
    record_type = "residential_area"
    heading = N("RecordPages", "Khu dân cư")
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư hoặc trưởng thôn (có dấu hoặc không dấu)")
    related_types = ("household",)
    new_title = N("RecordDialogs", "Thêm khu dân cư")
    excel_import = True
    edit_title = N("RecordDialogs", "Sửa khu dân cư")
    columns = [
        Column("name", N("RecordPages", "Tên khu dân cư"), sort="name", width=220),
        Column("kind", N("RecordPages", "Loại"), sort="kind", width=110,
               show=lambda r: choices.label(choices.AREA_KINDS, r.get("kind"))),
        Column("head_name", N("RecordPages", "Trưởng thôn/tổ trưởng"), sort="head_name", width=190),
        Column("head_phone", N("RecordPages", "Điện thoại"), width=120),
        Column("households_declared", N("RecordPages", "Số hộ (khai báo)"), sort="households_declared",
               numeric=True, width=130),
        Column("household_count", N("RecordPages", "Số hộ đã nhập"), sort="household_count", numeric=True,
               width=120),
        Column("population", N("RecordPages", "Nhân khẩu"), sort="population", numeric=True, width=110),
        Column("address", N("RecordPages", "Địa chỉ"), width=200),
    ]
    fields = [
        FieldSpec("name", N("RecordDialogs", "Tên khu dân cư"), required=True,
                  placeholder=N("RecordDialogs", "ví dụ: Tổ dân phố số 5")),
        FieldSpec("kind", N("RecordDialogs", "Loại khu dân cư"), "choice", choices=choices.AREA_KINDS),
        FieldSpec("head_name", N("RecordDialogs", "Trưởng thôn/tổ trưởng")),
        FieldSpec("head_phone", N("RecordDialogs", "Số điện thoại")),
        FieldSpec("households_declared", N("RecordDialogs", "Số hộ"), "int"),
        FieldSpec("population", N("RecordDialogs", "Số nhân khẩu"), "int"),
        FieldSpec("address", N("RecordDialogs", "Địa chỉ")),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
    ]
    filters = [FilterSpec("kind", N("RecordPages", "Mọi loại khu dân cư"), lambda _c: choices.AREA_KINDS)]
