"""Excel import/export services: header guessing, preview with reasons, only valid rows saved."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from antq_desktop.services.excel import export as excel_export
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.records import queries

HEADERS = ["STT", "Họ tên chủ hộ", "Số CCCD", "Thôn", "Địa chỉ", "Số nhân khẩu"]


def write_households(path, area_name: str) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách hộ"
    sheet.append(["DANH SÁCH HỘ GIA ĐÌNH"])
    sheet.append([])
    sheet.append(HEADERS)
    sheet.append([1, "Trần Văn Bình", "001085012345", area_name, "Số 3 ngõ 5", 4])  # valid
    sheet.append([2, "Lê Thị Cúc", "12345", area_name, "Số 4", 3])  # bad CCCD
    sheet.append([3, "", "001085012346", area_name, "Số 5", 2])  # empty name
    sheet.append([4, "Phạm Văn Dũng", None, "Thôn Không Có", "Số 6", 2])  # unknown area
    sheet.append([5, "Hoàng Thị Én", None, area_name, "Số 7", "bốn"])  # members not a number
    sheet.append([])
    sheet.append([6, "Vũ Văn Phúc", 1085012347, area_name.upper(), "Số 8", 5.0])  # valid: number CCCD, case
    workbook.save(path)


@pytest.fixture
def area_name(feature_store) -> str:
    return queries.list_rows(feature_store, "residential_area", limit=1)[0]["name"]


def test_guess_mapping_from_vietnamese_headers() -> None:
    mapping = excel_import.guess_mapping("household", HEADERS)
    assert mapping == {"head_name": 1, "citizen_id": 2, "area_name": 3, "address": 4, "members": 5}
    assert excel_import.guess_mapping("household", ["Ho ten chu ho", "KHU DÂN CƯ"]) == \
        {"head_name": 0, "area_name": 1}


def test_preview_marks_bad_rows_and_only_valid_rows_are_saved(tmp_path, feature_store, area_name) -> None:
    path = tmp_path / "ho.xlsx"
    write_households(path, area_name)
    assert excel_import.sheet_names(path) == ["Danh sách hộ"]
    sheet = excel_import.read_sheet(path, "Danh sách hộ")
    assert sheet.headers == HEADERS and sheet.first_line == 4
    rows = excel_import.preview(feature_store, "household", sheet, excel_import.guess_mapping("household", HEADERS))
    by_line = {row.line: row for row in rows}
    assert sorted(by_line) == [4, 5, 6, 7, 8, 10]
    assert by_line[4].valid and by_line[10].valid
    assert "12 chữ số" in by_line[5].errors[0]
    assert by_line[6].errors == ["Họ tên chủ hộ không được để trống."]
    assert by_line[7].errors == ["Không có khu dân cư “Thôn Không Có” trong danh sách; hãy thêm khu dân cư trước."]
    assert by_line[8].errors == ["Số nhân khẩu phải là số nguyên."]
    before = queries.count_rows(feature_store, "household")
    ids = excel_import.import_valid_rows(feature_store, "household", rows, actor="admin")
    assert len(ids) == 2
    assert queries.count_rows(feature_store, "household") == before + 2
    saved = queries.list_rows(feature_store, "household", queries.ListQuery(search="Vũ Văn Phúc"))
    assert saved[0]["citizen_id"] == "001085012347" and saved[0]["members"] == 5


def test_areas_and_organisations_import(tmp_path, feature_store, area_name) -> None:
    workbook = Workbook()
    areas = workbook.active
    areas.title = "KDC"
    areas.append(["Tên khu dân cư", "Loại", "Trưởng thôn", "Số hộ"])
    areas.append(["Thôn Đồng Xanh", "Thôn", "Nguyễn Văn Hải", 120])
    areas.append(["Tổ dân phố 30", "tổ dân phố", None, "nhiều"])
    orgs = workbook.create_sheet("Đơn vị")
    orgs.append(["Tên đơn vị", "Loại đơn vị", "Khu dân cư", "Địa chỉ"])
    orgs.append(["Trường Tiểu học Hòa Bình", "Trường học", area_name, "Số 1"])
    orgs.append(["Công ty ABC", "Hợp tác xã", area_name, "Số 2"])
    path = tmp_path / "dv.xlsx"
    workbook.save(path)
    sheet = excel_import.read_sheet(path, "KDC")
    rows = excel_import.preview(feature_store, "residential_area", sheet,
                                excel_import.guess_mapping("residential_area", sheet.headers))
    assert [r.valid for r in rows] == [True, False]
    assert rows[0].values["kind"] == "thon"
    sheet = excel_import.read_sheet(path, "Đơn vị")
    rows = excel_import.preview(feature_store, "organization", sheet,
                                excel_import.guess_mapping("organization", sheet.headers))
    assert rows[0].valid and rows[0].values["org_type"] == "school"
    assert "Loại đơn vị không hợp lệ" in rows[1].errors[0]


def test_bad_file_is_explained(tmp_path) -> None:
    path = tmp_path / "not.xlsx"
    path.write_text("hello")
    with pytest.raises(excel_import.ImportFileError, match="xlsx"):
        excel_import.sheet_names(path)


def test_export_rows(tmp_path) -> None:
    path = tmp_path / "out.xlsx"
    count = excel_export.export_rows_to_xlsx(path, "Danh sách hộ: khu [1]", ["Họ tên", "Ngày", "Số"],
                                             [["Nguyễn Văn An", date(2026, 3, 5), 4], ["Lê Thị Bé", None, 2]])
    assert count == 2
    sheet = load_workbook(path).active
    assert sheet.title == "Danh sách hộ  khu  1"
    assert sheet["A1"].value == "Danh sách hộ: khu [1]"
    assert [c.value for c in sheet[2]] == ["Họ tên", "Ngày", "Số"]
    assert sheet["A3"].value == "Nguyễn Văn An" and sheet["B3"].number_format == "dd/mm/yyyy"
    assert sheet.max_row == 4
    assert not (tmp_path / "out.xlsx.part").exists()
