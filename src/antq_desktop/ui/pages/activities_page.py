"""Phong trào: the movement's activities (issue 20) — models, the 19 August festival, briefings,
commendations, and the grassroots security force teams with their yearly ratings — one tab each,
every tab a RecordPage like the other record pages (search, filters, dialog, undo, Excel)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from antq_desktop.domain import activity_validation as validation
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column, format_day
from antq_desktop.ui.widgets.fields import FieldSpec

MODEL_KINDS, MODEL_STATUSES = validation.MODEL_KINDS, validation.MODEL_STATUSES
AUDIENCE_KINDS, COMMENDATION_SUBJECTS = validation.AUDIENCE_KINDS, validation.COMMENDATION_SUBJECTS
TEAM_RATINGS = validation.TEAM_RATINGS
_NOTE = FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text")


def _number(key: str) -> Any:
    return lambda r: f"{r.get(key) or 0:,}".replace(",", ".")


def _place(row: dict[str, Any]) -> str:
    return row.get("organization_name") or row.get("area_name") or tr_page("Toàn xã, phường")


class ModelsTab(RecordPage):
    record_type = "movement_model"
    heading = N("RecordPages", "Mô hình, điển hình tiên tiến")
    search_hint = N("RecordPages", "Tìm theo tên mô hình hoặc lĩnh vực (có dấu hoặc không dấu)")
    related_types = ("residential_area", "organization")
    new_title = N("RecordDialogs", "Thêm mô hình")
    edit_title = N("RecordDialogs", "Sửa mô hình")
    excel_import = True
    columns = [
        Column("name", N("RecordPages", "Tên mô hình"), sort="name", width=280),
        Column("kind", N("RecordPages", "Loại"), sort="kind", width=110,
               show=lambda r: choices.label(MODEL_KINDS, r.get("kind"))),
        Column("place", N("RecordPages", "Khu dân cư / đơn vị"), width=180, show=_place),
        Column("started_year", N("RecordPages", "Năm bắt đầu"), sort="started_year", width=90,
               show=lambda r: str(r.get("started_year") or "")),
        Column("status", N("RecordPages", "Trạng thái"), sort="status", width=120,
               show=lambda r: choices.label(MODEL_STATUSES, r.get("status"))),
        Column("recognised_by", N("RecordPages", "Công nhận"), width=170),
    ]
    fields = [
        FieldSpec("name", N("RecordDialogs", "Tên mô hình"), required=True,
                  placeholder=N("RecordDialogs", "ví dụ: Mô hình “Camera an ninh”")),
        FieldSpec("kind", N("RecordDialogs", "Loại mô hình"), "choice", choices=MODEL_KINDS, required=True),
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area"),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học"), "organization"),
        FieldSpec("field_of_work", N("RecordDialogs", "Lĩnh vực")),
        FieldSpec("started_year", N("RecordDialogs", "Năm bắt đầu xây dựng"), "year", required=True),
        FieldSpec("status", N("RecordDialogs", "Trạng thái"), "choice", choices=MODEL_STATUSES, required=True),
        FieldSpec("recognised_by", N("RecordDialogs", "Cơ quan công nhận"),
                  visible_when=("status", ("da_cong_nhan",))),
        FieldSpec("recognised_on", N("RecordDialogs", "Ngày công nhận"), "optional_date",
                  visible_when=("status", ("da_cong_nhan",))),
        _NOTE,
    ]
    filters = [FilterSpec("status", N("RecordPages", "Mọi trạng thái"), lambda _c: MODEL_STATUSES),
               FilterSpec("kind", N("RecordPages", "Mọi loại mô hình"), lambda _c: MODEL_KINDS)]

    def default_values(self) -> dict[str, Any]:
        return {"kind": "khu_dan_cu", "status": "dang_hoat_dong", "started_year": self.context.year,
                **super().default_values()}

    def describe(self, row: dict[str, Any]) -> str:
        return str(row.get("name") or "")


class FestivalsTab(RecordPage):
    record_type = "festival_day"
    heading = N("RecordPages", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)")
    search_hint = N("RecordPages", "Tìm theo khu dân cư hoặc đơn vị tổ chức")
    uses_year = True
    related_types = ("residential_area", "organization")
    new_title = N("RecordDialogs", "Thêm ngày hội")
    edit_title = N("RecordDialogs", "Sửa ngày hội")
    excel_import = True
    print_actions = (("festival_report", N("RecordPages", "In báo cáo…")),)
    columns = [
        Column("held_on", N("RecordPages", "Ngày tổ chức"), sort="held_on", width=110,
               show=lambda r: format_day(r.get("held_on"))),
        Column("held_by", N("RecordPages", "Đơn vị tổ chức"), width=220, show=_place),
        Column("place", N("RecordPages", "Địa điểm"), sort="place", width=220),
        Column("participants", N("RecordPages", "Số người tham gia"), sort="participants", numeric=True, width=110,
               show=_number("participants")),
        Column("outcome", N("RecordPages", "Kết quả"), width=240),
    ]
    fields = [
        FieldSpec("held_on", N("RecordDialogs", "Ngày tổ chức"), "date", required=True),
        FieldSpec("place", N("RecordDialogs", "Địa điểm"), required=True),
        FieldSpec("participants", N("RecordDialogs", "Số người tham gia"), "int", required=True),
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư tổ chức"), "area"),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học tổ chức"), "organization"),
        FieldSpec("content", N("RecordDialogs", "Nội dung"), "long_text"),
        FieldSpec("outcome", N("RecordDialogs", "Kết quả"), "long_text"),
        _NOTE,
    ]

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("ngày hội %1").replace("%1", format_day(row.get("held_on")))


class BriefingsTab(RecordPage):
    record_type = "briefing"
    heading = N("RecordPages", "Phổ biến, quán triệt, tuyên truyền")
    search_hint = N("RecordPages", "Tìm theo đơn vị tổ chức")
    uses_year = True
    related_types = ("organization",)
    new_title = N("RecordDialogs", "Thêm buổi phổ biến")
    edit_title = N("RecordDialogs", "Sửa buổi phổ biến")
    excel_import = True
    columns = [
        Column("held_on", N("RecordPages", "Ngày"), sort="held_on", width=100,
               show=lambda r: format_day(r.get("held_on"))),
        Column("audience_kind", N("RecordPages", "Đối tượng"), sort="audience_kind", width=110,
               show=lambda r: choices.label(AUDIENCE_KINDS, r.get("audience_kind"))),
        Column("topic", N("RecordPages", "Nội dung"), sort="topic", width=300),
        Column("invited", N("RecordPages", "Được mời"), sort="invited", numeric=True, width=80,
               show=_number("invited")),
        Column("present", N("RecordPages", "Tham dự"), sort="present", numeric=True, width=80, show=_number("present")),
        Column("organization_name", N("RecordPages", "Đơn vị"), width=180),
    ]
    fields = [
        FieldSpec("held_on", N("RecordDialogs", "Ngày tổ chức"), "date", required=True),
        FieldSpec("audience_kind", N("RecordDialogs", "Đối tượng"), "choice", choices=AUDIENCE_KINDS, required=True),
        FieldSpec("topic", N("RecordDialogs", "Nội dung phổ biến"), required=True),
        FieldSpec("invited", N("RecordDialogs", "Số người được mời"), "int", required=True),
        FieldSpec("present", N("RecordDialogs", "Số người dự"), "int", required=True),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học"), "organization"),
        _NOTE,
    ]
    filters = [FilterSpec("audience_kind", N("RecordPages", "Mọi đối tượng"), lambda _c: AUDIENCE_KINDS)]

    def default_values(self) -> dict[str, Any]:
        return {"audience_kind": "can_bo", **super().default_values()}

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("buổi phổ biến %1").replace("%1", format_day(row.get("held_on")))


class CommendationsTab(RecordPage):
    record_type = "commendation"
    heading = N("RecordPages", "Khen thưởng, biểu dương")
    search_hint = N("RecordPages", "Tìm theo tên tập thể, cá nhân (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("residential_area", "organization")
    new_title = N("RecordDialogs", "Thêm khen thưởng")
    edit_title = N("RecordDialogs", "Sửa khen thưởng")
    excel_import = True
    columns = [
        Column("subject_name", N("RecordPages", "Tập thể, cá nhân"), sort="subject_name", width=240),
        Column("subject_kind", N("RecordPages", "Loại"), sort="subject_kind", width=80,
               show=lambda r: choices.label(COMMENDATION_SUBJECTS, r.get("subject_kind"))),
        Column("level", N("RecordPages", "Hình thức"), sort="level", width=110),
        Column("awarded_by", N("RecordPages", "Cấp khen"), sort="awarded_by", width=180),
        Column("awarded_on", N("RecordPages", "Ngày"), sort="awarded_on", width=100,
               show=lambda r: format_day(r.get("awarded_on"))),
        Column("reason", N("RecordPages", "Thành tích"), width=240),
    ]
    fields = [
        FieldSpec("subject_kind", N("RecordDialogs", "Khen thưởng cho"), "choice", choices=COMMENDATION_SUBJECTS,
                  required=True),
        FieldSpec("subject_name", N("RecordDialogs", "Tên tập thể, cá nhân"), required=True),
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area"),
        FieldSpec("organization_id", N("RecordDialogs", "Cơ quan, doanh nghiệp, trường học"), "organization"),
        FieldSpec("level", N("RecordDialogs", "Hình thức khen thưởng"), required=True,
                  placeholder=N("RecordDialogs", "ví dụ: Giấy khen, Bằng khen")),
        FieldSpec("awarded_by", N("RecordDialogs", "Cấp khen thưởng"), required=True,
                  placeholder=N("RecordDialogs", "ví dụ: Chủ tịch UBND xã")),
        FieldSpec("awarded_on", N("RecordDialogs", "Ngày khen thưởng"), "date", required=True),
        FieldSpec("reason", N("RecordDialogs", "Thành tích"), "long_text"),
        _NOTE,
    ]
    filters = [FilterSpec("subject_kind", N("RecordPages", "Tập thể và cá nhân"), lambda _c: COMMENDATION_SUBJECTS)]

    def default_values(self) -> dict[str, Any]:
        return {"subject_kind": "person", **super().default_values()}

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("khen thưởng %1").replace("%1", str(row.get("subject_name") or ""))


class TeamsTab(RecordPage):
    record_type = "security_team"
    heading = N("RecordPages", "Tổ bảo vệ an ninh, trật tự ở cơ sở")
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư (có dấu hoặc không dấu)")
    uses_year = True  # the rating shown is the working year's
    related_types = ("residential_area", "security_team_rating")
    new_title = N("RecordDialogs", "Thêm tổ bảo vệ an ninh, trật tự")
    edit_title = N("RecordDialogs", "Sửa tổ bảo vệ an ninh, trật tự")
    excel_import = True
    columns = [
        Column("name", N("RecordPages", "Tên tổ"), sort="name", width=260),
        Column("area_name", N("RecordPages", "Khu dân cư"), sort="area_name", width=200),
        Column("members", N("RecordPages", "Số thành viên"), sort="members", numeric=True, width=100),
        Column("rating", N("RecordPages", "Xếp loại năm đang chọn"), width=220,
               show=lambda r: choices.label(TEAM_RATINGS, r.get("rating")) or tr_page("chưa xếp loại")),
    ]
    fields = [
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area", required=True),
        FieldSpec("name", N("RecordDialogs", "Tên tổ"), required=True),
        FieldSpec("members", N("RecordDialogs", "Số thành viên"), "int", required=True),
        _NOTE,
    ]
    filters = [FilterSpec("area_id", N("RecordPages", "Mọi khu dân cư"), choices.areas)]

    def describe(self, row: dict[str, Any]) -> str:
        return str(row.get("name") or "")


class RatingsTab(RecordPage):
    record_type = "security_team_rating"
    heading = N("RecordPages", "Xếp loại tổ bảo vệ an ninh, trật tự theo năm")
    search_hint = N("RecordPages", "Tìm theo tên khu dân cư (có dấu hoặc không dấu)")
    uses_year = True
    related_types = ("security_team", "residential_area")
    new_title = N("RecordDialogs", "Xếp loại tổ bảo vệ an ninh, trật tự")
    edit_title = N("RecordDialogs", "Sửa xếp loại")
    excel_import = True  # rows name their team (and its area) by name
    columns = [
        Column("team_name", N("RecordPages", "Tổ"), width=260),
        Column("area_name", N("RecordPages", "Khu dân cư"), sort="area_name", width=200),
        Column("year", N("RecordPages", "Năm"), sort="year", width=70, show=lambda r: str(r.get("year") or "")),
        Column("rating", N("RecordPages", "Kết quả xếp loại"), sort="rating", width=240,
               show=lambda r: choices.label(TEAM_RATINGS, r.get("rating"))),
    ]
    fields = [
        FieldSpec("team_id", N("RecordDialogs", "Tổ bảo vệ an ninh, trật tự"), "security_team", required=True),
        FieldSpec("year", N("RecordDialogs", "Năm"), "year", required=True),
        FieldSpec("rating", N("RecordDialogs", "Kết quả xếp loại"), "choice", choices=TEAM_RATINGS, required=True),
        _NOTE,
    ]
    filters = [FilterSpec("rating", N("RecordPages", "Mọi kết quả"), lambda _c: TEAM_RATINGS)]

    def default_values(self) -> dict[str, Any]:
        return {"rating": "hoan_thanh", **super().default_values()}

    def describe(self, row: dict[str, Any]) -> str:
        return tr_page("xếp loại năm %1").replace("%1", str(row.get("year") or ""))


TABS: tuple[tuple[type[RecordPage], str], ...] = (
    (ModelsTab, N("ActivitiesPage", "Mô hình")), (FestivalsTab, N("ActivitiesPage", "Ngày hội 19/8")),
    (BriefingsTab, N("ActivitiesPage", "Phổ biến, quán triệt")),
    (CommendationsTab, N("ActivitiesPage", "Khen thưởng")), (TeamsTab, N("ActivitiesPage", "Tổ bảo vệ ANTT")),
    (RatingsTab, N("ActivitiesPage", "Xếp loại tổ")),
)


class ActivitiesPage(QWidget):
    """The six activity lists as tabs; the main window's shortcuts go to the tab shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activity_tabs")
        self.tabs.setAccessibleName(self.tr("Các loại hoạt động của phong trào"))
        self.tabs.setUsesScrollButtons(True)  # six titles on a 1,024-pixel screen: scroll, never widen
        self.pages: list[RecordPage] = []
        for page_class, title in TABS:
            page = page_class(context)
            self.pages.append(page)
            self.tabs.addTab(page, self.translate(title))
        QVBoxLayout(self).addWidget(self.tabs)

    @staticmethod
    def translate(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ActivitiesPage", text)

    @property
    def current(self) -> RecordPage:
        return self.pages[self.tabs.currentIndex()]

    def show_tab(self, record_type: str) -> RecordPage:
        index = next(i for i, p in enumerate(self.pages) if p.record_type == record_type)
        self.tabs.setCurrentIndex(index)
        return self.pages[index]

    def focus_search(self) -> None:
        self.current.focus_search()

    def new_record(self) -> None:
        self.current.new_record()

    def save_layout(self) -> None:
        for page in self.pages:
            page.save_layout()
