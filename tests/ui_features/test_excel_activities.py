"""Issue 20: activities imported from Excel through the same preview and save as households
(choice columns read from their Vietnamese words, areas by name, bad rows explained, nothing else saved)."""

from __future__ import annotations

from openpyxl import Workbook

from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.records import queries


def test_activities_import_from_vietnamese_sheets(tmp_path, feature_store) -> None:
    area = queries.list_rows(feature_store, "residential_area", limit=1)[0]["name"]
    workbook = Workbook()
    models = workbook.active
    models.title = "Mô hình"
    models.append(["Tên mô hình", "Loại mô hình", "Khu dân cư", "Năm bắt đầu", "Trạng thái"])
    models.append(["Mô hình “Tổ liên gia tự quản”", "Khu dân cư", area, 2024, "Đang hoạt động"])
    models.append(["Mô hình không năm", "Xã, phường", None, None, "đang hoạt động"])
    briefings = workbook.create_sheet("Phổ biến")
    briefings.append(["Ngày tổ chức", "Đối tượng", "Số người được mời", "Số người dự", "Nội dung phổ biến"])
    briefings.append(["02/03/2025", "Đảng viên", 40, 38, "Quán triệt kế hoạch"])
    briefings.append(["03/03/2025", "Học sinh", 40, 45, "Phòng chống ma túy"])
    teams = workbook.create_sheet("Tổ")
    teams.append(["Tên tổ", "Khu dân cư", "Số thành viên"])
    teams.append(["Tổ bảo vệ ANTT số 9", area, 5])
    path = tmp_path / "hoat-dong.xlsx"
    workbook.save(path)

    def preview(record_type: str, sheet_name: str) -> list[excel_import.PreviewRow]:
        sheet = excel_import.read_sheet(path, sheet_name)
        return excel_import.preview(feature_store, record_type, sheet,
                                    excel_import.guess_mapping(record_type, sheet.headers))

    rows = preview("movement_model", "Mô hình")
    assert [r.valid for r in rows] == [True, False]
    assert rows[0].values["kind"] == "khu_dan_cu" and rows[0].values["status"] == "dang_hoat_dong"
    assert rows[0].values["area_id"]
    assert any("Năm" in e for e in rows[1].errors)
    before = queries.count_rows(feature_store, "movement_model")
    excel_import.import_valid_rows(feature_store, "movement_model", rows, actor="admin")
    assert queries.count_rows(feature_store, "movement_model") == before + 1

    rows = preview("briefing", "Phổ biến")
    assert [r.valid for r in rows] == [True, False]
    assert rows[0].values["audience_kind"] == "dang_vien"
    assert "không được lớn hơn số người được mời" in rows[1].errors[0]
    rows = preview("security_team", "Tổ")
    assert rows[0].valid
