"""Issue 20: activity sheets name their area, organisation or security team as a clerk types it (case,
diacritics, extra spaces); a name that fits no record or several is refused on its own row with a
sentence saying what to do, and nothing else of the sheet is held back. Ratings are imported too,
a team rated once a year. A save that fails leaves the store exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.conftest import ACTOR
from tests.services.merge.conftest import dump

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store

ORG_NAMES = ("Trường THCS An Nông", "Trường THCS Ân Nông", "Công ty TNHH Hải Long")


def _sheet(path: Path, header: list[str], *rows: list[object]) -> excel_import.Sheet:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Trang 1"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return excel_import.read_sheet(path, "Trang 1")


def _preview(store: Store, record_type: str, sheet: excel_import.Sheet) -> list[excel_import.PreviewRow]:
    return excel_import.preview(store, record_type, sheet, excel_import.guess_mapping(record_type, sheet.headers))


@pytest.fixture
def places(store: Store) -> dict[str, str]:
    """Two areas, three organisations (two that differ only by diacritics), three security teams (two of
    one name, in different areas), one team already rated for 2025."""
    ids = {name: records.create(store, "residential_area", {"name": name, "kind": "thon"}, actor=ACTOR)
           for name in ("Thôn Đông", "Thôn Tây")}
    for name in ORG_NAMES:
        ids[name] = records.create(store, "organization", {"name": name, "org_type": "school" if "Trường" in name
                                                           else "enterprise", "in_scope": True}, actor=ACTOR)
    for key, name, area in (("dong_1", "Tổ bảo vệ ANTT số 1", "Thôn Đông"),
                            ("tay_1", "Tổ bảo vệ ANTT số 1", "Thôn Tây"),
                            ("tu_quan", "Tổ tự quản Thôn Đông", "Thôn Đông")):
        ids[key] = records.create(store, "security_team", {"name": name, "area_id": ids[area], "members": 6},
                                  actor=ACTOR)
    records.create(store, "security_team_rating", {"team_id": ids["tay_1"], "year": 2025, "rating": "hoan_thanh"},
                   actor=ACTOR)
    return ids


def test_models_name_their_organisation_as_typed(tmp_path, store, places) -> None:
    sheet = _sheet(tmp_path / "mo-hinh.xlsx",
                   ["Tên mô hình", "Loại mô hình", "Cơ quan, doanh nghiệp, trường học", "Năm bắt đầu"],
                   ["Cổng trường an toàn", "Trường học", "  trường thcs   AN NÔNG ", 2024],  # case, spaces
                   ["Trường học không ma túy", "Trường học", "truong thcs an nong", 2024],  # fits two schools
                   ["Doanh nghiệp an toàn", "Doanh nghiệp", "cong ty tnhh hai long", 2025],  # no diacritics, one fits
                   ["Camera an ninh", "Doanh nghiệp", "Công ty Không Có", 2025])  # unknown
    rows = _preview(store, "movement_model", sheet)
    assert [r.valid for r in rows] == [True, False, True, False]
    assert rows[0].values["organization_id"] == places["Trường THCS An Nông"]
    assert rows[2].values["organization_id"] == places["Công ty TNHH Hải Long"]
    ambiguous = rows[1].errors
    assert len(ambiguous) == 1 and ambiguous[0].startswith(
        "Có 2 cơ quan, doanh nghiệp, trường học ứng với tên “truong thcs an nong”")
    assert "“Trường THCS An Nông”" in ambiguous[0] and "“Trường THCS Ân Nông”" in ambiguous[0]
    assert "Hãy ghi đúng tên có dấu" in ambiguous[0]
    assert rows[3].errors == ["Không có cơ quan, doanh nghiệp, trường học “Công ty Không Có” trong chương trình. "
                              "Hãy kiểm tra tên trong tệp, hoặc thêm cơ quan, doanh nghiệp, trường học ở trang Cơ "
                              "quan – doanh nghiệp – trường học trước, rồi xem trước lại."]
    written = excel_import.import_valid_rows(store, "movement_model", rows, actor=ACTOR)
    saved = {r["name"]: r["organization_id"] for r in queries.list_rows(store, "movement_model")}
    assert len(written) == 2 and saved == {"Cổng trường an toàn": places["Trường THCS An Nông"],
                                           "Doanh nghiệp an toàn": places["Công ty TNHH Hải Long"]}


def test_festivals_briefings_commendations_name_organisations_and_areas(tmp_path, store, places) -> None:
    festivals = _preview(store, "festival_day", _sheet(
        tmp_path / "ngay-hoi.xlsx", ["Ngày tổ chức", "Địa điểm", "Số người tham gia", "Đơn vị tổ chức", "Khu dân cư"],
        ["19/08/2025", "Sân trường", 420, "Trường THCS Ân Nông", None],
        ["18/08/2025", "Nhà văn hóa", 150, None, "thon dong"],
        ["17/08/2025", "Nhà văn hóa", 150, None, "Thôn Nam"]))
    assert [r.valid for r in festivals] == [True, True, False]
    assert festivals[0].values["organization_id"] == places["Trường THCS Ân Nông"]
    assert festivals[1].values["area_id"] == places["Thôn Đông"]
    assert festivals[2].errors == ["Không có khu dân cư “Thôn Nam” trong danh sách; hãy thêm khu dân cư trước."]
    briefings = _preview(store, "briefing", _sheet(
        tmp_path / "pho-bien.xlsx", ["Ngày", "Đối tượng", "Số người được mời", "Số người dự", "Nội dung", "Cơ quan"],
        ["02/03/2025", "Học sinh", 600, 590, "Phòng chống ma túy", "TRƯỜNG THCS ÂN NÔNG"]))
    assert briefings[0].valid and briefings[0].values["organization_id"] == places["Trường THCS Ân Nông"]
    commendations = _preview(store, "commendation", _sheet(
        tmp_path / "khen.xlsx", ["Tập thể/cá nhân", "Tên tập thể, cá nhân", "Hình thức", "Cấp khen thưởng",
                                 "Ngày khen thưởng", "Cơ quan, doanh nghiệp, trường học"],
        ["Tập thể", "Công ty TNHH Hải Long", "Giấy khen", "Chủ tịch UBND xã", "05/09/2025", "công ty tnhh hải long"],
        ["Tập thể", "Trường THCS", "Giấy khen", "Chủ tịch UBND xã", "05/09/2025", "Truong THCS An Nong"]))
    assert [r.valid for r in commendations] == [True, False]
    assert commendations[0].values["organization_id"] == places["Công ty TNHH Hải Long"]


def test_ratings_name_their_team_and_are_given_once_a_year(tmp_path, store, places) -> None:
    sheet = _sheet(tmp_path / "xep-loai.xlsx", ["Tên tổ", "Khu dân cư", "Năm", "Kết quả xếp loại"],
                   ["to tu quan thon dong", None, 2025, "Hoàn thành tốt"],  # one team of that name
                   ["Tổ bảo vệ ANTT số 1", None, 2025, "HTNV"],  # two teams of that name
                   ["tổ bảo vệ antt  số 1", "thon dong", 2025, "HTXSNV"],  # the area tells them apart
                   ["Tổ bảo vệ ANTT số 1", "Thôn Đông", "2025", "Hoàn thành nhiệm vụ"],  # same team, same year
                   ["Tổ bảo vệ ANTT số 1", "Thôn Tây", 2025, "Hoàn thành"],  # rated already in the store
                   ["Tổ bảo vệ ANTT số 1", "Thôn Nam", 2025, "Hoàn thành"],  # unknown area: said once
                   ["Tổ tự quản Thôn Đông", "Thôn Tây", 2024, "Hoàn thành"],  # no such team in that area
                   ["Tổ tự quản Thôn Đông", None, 2024, "Giỏi"],  # not a rating
                   ["Tổ không có", None, 2024, "Hoàn thành"])
    rows = _preview(store, "security_team_rating", sheet)
    assert [r.valid for r in rows] == [True, False, True, False, False, False, False, False, False]
    assert rows[0].values == {"team_id": places["tu_quan"], "year": 2025, "rating": "hoan_thanh_tot"}
    assert rows[2].values["team_id"] == places["dong_1"] and rows[2].values["rating"] == "hoan_thanh_xuat_sac"
    assert "area_id" not in rows[2].values
    assert rows[1].errors[0].startswith("Có 2 tổ bảo vệ an ninh, trật tự ứng với tên “Tổ bảo vệ ANTT số 1”")
    assert "thêm cột “Khu dân cư” ghi khu của tổ" in rows[1].errors[0]
    assert rows[3].errors == ["Kết quả xếp loại năm 2025 của tổ này đã có ở dòng 4 của tệp; mỗi tổ chỉ xếp loại một "
                              "lần mỗi năm. Hãy bỏ dòng này, hoặc sửa kết quả đã có ở trang Phong trào, thẻ “Xếp "
                              "loại tổ”."]
    assert "đã có trong chương trình" in rows[4].errors[0]
    assert rows[5].errors == ["Không có khu dân cư “Thôn Nam” trong danh sách; hãy thêm khu dân cư trước."]
    assert rows[6].errors[0].startswith("Khu dân cư ghi ở dòng này không có tổ bảo vệ an ninh, trật tự "
                                        "“Tổ tự quản Thôn Đông”")
    assert len(rows[7].errors) == 1 and "Kết quả xếp loại" in rows[7].errors[0]
    assert rows[8].errors[0].startswith("Không có tổ bảo vệ an ninh, trật tự “Tổ không có” trong chương trình.")
    before = queries.count_rows(store, "security_team_rating")
    excel_import.import_valid_rows(store, "security_team_rating", rows, actor=ACTOR)
    saved = {(r["team_id"], r["year"]): r["rating"] for r in queries.list_rows(store, "security_team_rating")}
    assert queries.count_rows(store, "security_team_rating") == before + 2
    assert saved[(places["tu_quan"], 2025)] == "hoan_thanh_tot"
    assert saved[(places["dong_1"], 2025)] == "hoan_thanh_xuat_sac"
    assert saved[(places["tay_1"], 2025)] == "hoan_thanh"  # the stored rating is not touched


def test_a_save_that_fails_leaves_the_store_as_it_was(tmp_path, store, places) -> None:
    """The organisation a valid row names is deleted between the preview and the save (another clerk,
    an undo): the whole import is refused, with the row it concerns, and not one row or audit entry
    is written."""
    sheet = _sheet(tmp_path / "mo-hinh.xlsx", ["Tên mô hình", "Loại mô hình", "Cơ quan", "Năm bắt đầu"],
                   ["Cổng trường an toàn", "Trường học", "Trường THCS An Nông", 2024],
                   ["Doanh nghiệp an toàn", "Doanh nghiệp", "Công ty TNHH Hải Long", 2025])
    rows = _preview(store, "movement_model", sheet)
    assert all(r.valid for r in rows)
    records.delete(store, "organization", places["Công ty TNHH Hải Long"], actor=ACTOR)
    before = dump(store)
    with pytest.raises(ValidationError) as refused:
        excel_import.import_valid_rows(store, "movement_model", rows, actor=ACTOR)
    assert "Dòng 2: Đơn vị được chọn không tồn tại hoặc đã bị xóa." in str(refused.value.errors[0].message)
    assert dump(store) == before
    # previewed again, the row says what is wrong; the other row imports alone
    rows = _preview(store, "movement_model", sheet)
    assert [r.valid for r in rows] == [True, False] and "Không có cơ quan" in rows[1].errors[0]
    assert len(excel_import.import_valid_rows(store, "movement_model", rows, actor=ACTOR)) == 1


def test_only_this_units_records_are_named(tmp_path, store, places) -> None:
    """At an office, a commune's merged organisation of the same name is never picked: an activity may
    name only its own unit's records (records/rules.check_same_unit would refuse the whole save)."""
    from sqlalchemy import update

    from antq_desktop.storage.models import Organization

    with store.session() as session:
        session.execute(update(Organization).where(Organization.id == places["Trường THCS Ân Nông"])
                        .values(origin_unit="00004"))
    rows = _preview(store, "briefing", _sheet(
        tmp_path / "pho-bien.xlsx", ["Ngày", "Đối tượng", "Số người được mời", "Số người dự", "Nội dung", "Đơn vị"],
        ["02/03/2025", "Học sinh", 600, 590, "Phòng chống ma túy", "truong thcs an nong"]))
    assert rows[0].valid and rows[0].values["organization_id"] == places["Trường THCS An Nông"]
