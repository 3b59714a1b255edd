"""Household members from Excel: one row per person, tied to the household by the head's ID number
(or the household's code); wrong rows are listed with their reason and only valid ones are saved."""

from __future__ import annotations

from openpyxl import Workbook
from tests.reports.conftest import pdf_text_flat

from antq_desktop.services import forms
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.records import members
from antq_desktop.services.records import writes as records

ACTOR = "admin"
HEAD_ID = "001203004567"


def test_members_import_by_the_heads_id_and_print_on_the_pledge(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    area = records.create(store, "residential_area", {"name": "Thôn Đông", "kind": "thon"}, actor=ACTOR)
    household = records.create(store, "household", {"area_id": area, "head_name": "Đào Văn Hải",
                                                    "citizen_id": HEAD_ID, "members": 3}, actor=ACTOR)
    other = records.create(store, "household", {"area_id": area, "head_name": "Cao Thị Mơ"}, actor=ACTOR)
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH NHÂN KHẨU"])
    sheet.append(["Số định danh chủ hộ", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"])
    sheet.append([int(HEAD_ID), "Đào Văn Hải", 1968, "Chủ hộ"])  # Excel dropped the leading zero
    sheet.append([HEAD_ID, "Ngô Thị Hằng", 1971, "vợ"])
    sheet.append([other, "Cao Văn Tý", 2001, "Con"])  # by the household's code
    sheet.append(["099999999999", "Người Lạ", 1990, "con"])  # no such household
    sheet.append([HEAD_ID, "Đào Minh Sai", 1850, "con"])  # year of birth out of range
    path = tmp_path / "nhan_khau.xlsx"
    book.save(path)
    read = excel_import.read_sheet(path, sheet.title)
    mapping = excel_import.guess_mapping("household_member", read.headers)
    assert set(mapping) == {"household_key", "full_name", "birth_year", "relation"}
    rows = excel_import.preview(store, "household_member", read, mapping)
    assert [r.valid for r in rows] == [True, True, True, False, False]
    assert "099999999999" in rows[3].errors[0] and any("Năm sinh" in e for e in rows[4].errors)
    excel_import.import_valid_rows(store, "household_member", rows, actor=ACTOR)
    stored = members.member_rows(store, household)
    assert [(m["full_name"], m["birth_year"], m["relation"]) for m in stored] == [
        ("Đào Văn Hải", 1968, "chu_ho"), ("Ngô Thị Hằng", 1971, "vo")]
    assert [m["full_name"] for m in members.member_rows(store, other)] == ["Cao Văn Tý"]
    pdf = forms.render_form(store, forms.FormRequest("pledge", 2026, household_ids=(household,), unsigned=True),
                            tmp_path / "p.pdf")
    text = pdf_text_flat(pdf)
    assert "Đào Văn Hải 1968 Chủ hộ" in text and "Ngô Thị Hằng 1971 Vợ" in text
