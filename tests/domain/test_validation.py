from datetime import date, timedelta

import pytest

from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.validation import (
    citizen_id_problem,
    validate_household,
    validate_pledge,
    validate_residential_area,
)

AREA = "0b5e4c1e-0000-4000-8000-000000000001"


def test_valid_household_is_normalised():
    fields = validate_household({"area_id": AREA, "head_name": "  nguyễn   văn an ", "citizen_id": "001 203 004 567",
                                 "members": "4"})
    assert fields["head_name"] == "nguyễn văn an"
    assert fields["citizen_id"] == "001203004567"
    assert fields["members"] == 4


def test_every_problem_is_reported_at_once_in_vietnamese():
    with pytest.raises(ValidationError) as info:
        validate_household({"head_name": "", "citizen_id": "12345", "members": "không"})
    fields = {e.field for e in info.value.errors}
    assert fields == {"area_id", "head_name", "citizen_id", "members"}
    assert info.value.for_field("head_name") == "Họ tên chủ hộ không được để trống."


@pytest.mark.parametrize("value, problem", [
    ("00120300456", "12 chữ số"),
    ("00120300456a", "12 chữ số"),
    ("003203004567", "mã tỉnh"),      # 003 is not a province code
    ("001299004567", "tương lai"),    # born in 2099
])
def test_bad_citizen_ids(value, problem):
    assert problem in citizen_id_problem(value, today=date(2026, 11, 21))


def test_good_citizen_id():
    assert citizen_id_problem("079085001234", today=date(2026, 11, 21)) is None


def test_future_dates_are_refused():
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        validate_pledge({"signer_kind": "household", "household_id": AREA, "template_code": "household_pledge",
                         "year": date.today().year, "signed_on": tomorrow})
    assert "sau ngày hôm nay" in info.value.for_field("signed_on")


def test_dates_accept_vietnamese_format():
    fields = validate_pledge({"signer_kind": "person", "person_name": "Lê Thị Hoa", "template_code": "household_pledge",
                              "year": 2025, "signed_on": "05/03/2025"})
    assert fields["signed_on"] == date(2025, 3, 5)
    assert fields["household_id"] is None


def test_area_kind_must_be_known():
    with pytest.raises(ValidationError) as info:
        validate_residential_area({"name": "Thôn Đông", "kind": "lang-xa"})
    assert info.value.for_field("kind").startswith("Loại khu dân cư không hợp lệ")
