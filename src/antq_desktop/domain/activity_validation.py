"""Validation of the movement's activities (issue 20): models, 19 August festivals, briefings,
commendations, security teams and their ratings, with the choices their forms offer.

Kept apart from `validation` (the registry's records) so each module holds one family of records;
both use the same collector, so a typed value is checked and normalised the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from antq_desktop.domain.validation import _Collector

MODEL_KINDS = {"khu_dan_cu": "Khu dân cư", "xa": "Xã, phường", "co_quan": "Cơ quan", "doanh_nghiep": "Doanh nghiệp",
               "truong_hoc": "Trường học", "khac": "Khác"}
MODEL_STATUSES = {"dang_xay_dung": "Đang xây dựng", "dang_hoat_dong": "Đang hoạt động",
                  "da_cong_nhan": "Đã công nhận", "ngung": "Ngừng hoạt động"}
AUDIENCE_KINDS = {"can_bo": "Cán bộ", "dang_vien": "Đảng viên", "hoi_vien": "Hội viên", "hoc_sinh": "Học sinh",
                  "sinh_vien": "Sinh viên", "nhan_dan": "Nhân dân", "khac": "Khác"}
COMMENDATION_SUBJECTS = {"unit": "Tập thể", "person": "Cá nhân"}
TEAM_RATINGS = {"hoan_thanh_xuat_sac": "Hoàn thành xuất sắc nhiệm vụ", "hoan_thanh_tot": "Hoàn thành tốt nhiệm vụ",
                "hoan_thanh": "Hoàn thành nhiệm vụ", "khong_hoan_thanh": "Không hoàn thành nhiệm vụ"}


def _year_of(c: _Collector, held: date | None) -> None:
    """The year column of a dated activity is the date's year, never typed apart (it cannot disagree);
    a missing or wrong date has already failed in `day`."""
    c.out["year"] = held.year if held else None


def validate_movement_model(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.text("name", "Tên mô hình", required=True, max_len=300)
    c.choice("kind", "Loại mô hình", MODEL_KINDS)
    c.reference("area_id", "khu dân cư", required=False)
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=False)
    c.text("field_of_work", "Lĩnh vực", max_len=300)
    c.year("started_year")
    status = c.choice("status", "Trạng thái", MODEL_STATUSES, default="dang_xay_dung")
    c.text("recognised_by", "Cơ quan công nhận", max_len=300)
    recognised_on = c.day("recognised_on", "Ngày công nhận")
    if status == "da_cong_nhan" and not c.out.get("recognised_by"):
        c.fail("recognised_by", "Mô hình đã công nhận: hãy ghi cơ quan công nhận.")
    started = c.out.get("started_year")
    if recognised_on and isinstance(started, int) and recognised_on.year < started:
        c.fail("recognised_on", "Ngày công nhận không được trước năm bắt đầu xây dựng mô hình.")
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_festival_day(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    held = c.day("held_on", "Ngày tổ chức", required=True)
    _year_of(c, held)
    c.text("place", "Địa điểm", required=True, max_len=400)
    c.integer("participants", "Số người tham gia", maximum=1_000_000, required=True)
    c.long_text("content", "Nội dung")
    c.long_text("outcome", "Kết quả")
    c.reference("area_id", "khu dân cư", required=False)
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=False)
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_briefing(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    held = c.day("held_on", "Ngày tổ chức", required=True)
    _year_of(c, held)
    c.choice("audience_kind", "Đối tượng", AUDIENCE_KINDS)
    invited = c.integer("invited", "Số người được mời", minimum=1, maximum=1_000_000, required=True)
    present = c.integer("present", "Số người dự", maximum=1_000_000, required=True)
    if isinstance(invited, int) and isinstance(present, int) and present > invited:
        c.fail("present", "Số người dự không được lớn hơn số người được mời.")
    c.text("topic", "Nội dung phổ biến", required=True, max_len=400)
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=False)
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_commendation(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.choice("subject_kind", "Đối tượng khen thưởng", COMMENDATION_SUBJECTS)
    c.text("subject_name", "Tên tập thể, cá nhân", required=True, max_len=300)
    c.reference("area_id", "khu dân cư", required=False)
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=False)
    c.text("awarded_by", "Cấp khen thưởng", required=True, max_len=300)
    c.text("level", "Hình thức khen thưởng", required=True)
    awarded = c.day("awarded_on", "Ngày khen thưởng", required=True)
    _year_of(c, awarded)
    c.long_text("reason", "Thành tích")
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_security_team(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.reference("area_id", "khu dân cư", required=True)
    c.text("name", "Tên tổ", required=True)
    c.integer("members", "Số thành viên", minimum=1, maximum=1000, default=1)
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_security_team_rating(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.reference("team_id", "tổ bảo vệ an ninh, trật tự", required=True)
    c.year()
    c.choice("rating", "Kết quả xếp loại", TEAM_RATINGS)
    c.long_text("note", "Ghi chú")
    return c.done()
