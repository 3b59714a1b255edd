"""Duplicate detection (services/duplicates.py): area names refused, citizen IDs warned, cross-commune review list."""

import pytest
from tests.conftest import ACTOR

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services.records import duplicates
from antq_desktop.services.records import writes as records


def _area(store, name):
    return records.create(store, "residential_area", {"name": name, "kind": "to_dan_pho"}, actor=ACTOR)


def _household(store, area_id, name, citizen_id):
    return records.create(store, "household", {"area_id": area_id, "head_name": name, "citizen_id": citizen_id},
                          actor=ACTOR)


@pytest.mark.parametrize("again", ["Tổ dân phố số 2", "tổ dân phố SỐ 2", "  Tổ  dân phố số 2 ",
                                   "To\u0302\u0309 da\u0302n pho\u0302\u0301 so\u0302\u0301 2"])  # NFD
def test_the_same_area_name_is_refused_naming_the_existing_one(store, again):
    _area(store, "Tổ dân phố số 2")
    with pytest.raises(ValidationError) as refused:
        _area(store, again)
    assert "Đơn vị đã có khu dân cư “Tổ dân phố số 2”" in refused.value.message
    assert refused.value.errors[0].field == "name"


def test_diacritics_matter_renaming_onto_another_area_is_refused_and_a_batch_is_checked(store):
    first = _area(store, "Thôn Tổ")
    second = _area(store, "Thôn Tô")  # a different village
    records.update(store, "residential_area", first, {"note": "giữ tên"}, actor=ACTOR)  # itself is no duplicate
    with pytest.raises(ValidationError, match="Thôn Tổ"):
        records.update(store, "residential_area", second, {"name": "thôn tổ"}, actor=ACTOR)
    with pytest.raises(ValidationError, match="Dòng 2: Đơn vị đã có khu dân cư “Thôn Mới”"):
        records.create_many(store, "residential_area", [{"name": "Thôn Mới", "kind": "thon"},
                                                        {"name": "THÔN MỚI", "kind": "thon"}], actor=ACTOR)
    records.delete(store, "residential_area", second, actor=ACTOR)
    _area(store, "Thôn Tô")  # a deleted area's name is free again


def test_the_same_citizen_id_is_found_digits_only(store):
    area = _area(store, "Tổ dân phố số 1")
    first = _household(store, area, "Nguyễn Văn An", "001203004567")
    second = _household(store, area, "Trần Văn Bình", "001 203 004 567")  # warned, not refused
    found = duplicates.households_with_citizen_id(store, "001 203 004 567", exclude_id=second)
    assert [(m.household_id, m.head_name, m.area_name) for m in found] == [(first, "Nguyễn Văn An", "Tổ dân phố số 1")]
    warning = duplicates.citizen_id_warning(found)
    assert warning and "Nguyễn Văn An" in warning and "Tổ dân phố số 1" in warning
    assert duplicates.households_with_citizen_id(store, "001203004568") == []
    assert duplicates.citizen_id_warning([]) is None


def _sheet(tmp_path, headers, rows):
    from openpyxl import Workbook

    from antq_desktop.services.excel import import_rows as excel_import

    workbook = Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "x.xlsx")
    return excel_import.read_sheet(tmp_path / "x.xlsx", workbook.active.title)


def test_excel_import_preview_says_so_instead_of_matching_a_duplicate(store, tmp_path):
    from antq_desktop.services.excel import import_rows as excel_import

    _area(store, "Thôn Tổ")
    _area(store, "Thôn Tô")
    headers = ["Họ tên chủ hộ", "Thôn"]
    sheet = _sheet(tmp_path, headers, [["Nguyễn Văn An", "Thôn Tổ"], ["Trần Văn Bình", "thon to"]])
    rows = excel_import.preview(store, "household", sheet, excel_import.guess_mapping("household", headers))
    assert rows[0].valid  # the exact name picks one area
    assert not rows[1].valid and "Có 2 khu dân cư gần giống tên “thon to”" in rows[1].errors[0]

    headers = ["Tên khu dân cư", "Loại"]
    sheet = _sheet(tmp_path, headers, [["Tổ dân phố số 2", "Tổ dân phố"], ["thôn tổ", "Thôn"],
                                       ["tổ dân phố  số 2", "Tổ dân phố"]])
    rows = excel_import.preview(store, "residential_area", sheet,
                                excel_import.guess_mapping("residential_area", headers))
    assert [row.valid for row in rows] == [True, False, False]
    assert "Đơn vị đã có khu dân cư “Thôn Tổ”" in rows[1].errors[-1]
    assert "Đơn vị đã có khu dân cư “Tổ dân phố số 2”" in rows[2].errors[-1]
    assert len(excel_import.import_valid_rows(store, "residential_area", rows, actor=ACTOR)) == 1
