"""docs/samples holds a filled sample of every form for every unit type and a blank one (issue 15,
"Done when"), and the filled ones carry household members and recorded meetings."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.reports.conftest import pdf_text_flat

from antq_desktop.services import forms

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
UNIT_TYPES = ("area", "commune", "agency", "enterprise", "school")
FILE_OF_KIND = {"registration": "registration", "assessment": "self_assessment", "minutes": "review_minutes",
                "covenant": "covenant", "pledge": "pledge", "festival_report": "festival_report"}


def test_every_form_has_a_filled_and_a_blank_sample() -> None:
    assert set(FILE_OF_KIND) == set(forms.FORM_KINDS)  # a new form needs its sample
    expected = [f"{FILE_OF_KIND[k]}_{u}_filled.pdf" for k in ("registration", "assessment", "minutes")
                for u in UNIT_TYPES]
    expected += [f"covenant_{t}_filled.pdf" for t in ("agency", "enterprise", "school")]
    expected += [f"{name}_blank.pdf" for name in FILE_OF_KIND.values() if name != "pledge"]
    expected += ["pledge_filled.pdf", "pledge_blank_xa.pdf", "pledge_blank_phuong.pdf", "pledges_unsigned_area.pdf",
                 "festival_report_filled.pdf", "recognition_commune.pdf", "recognition_blank_number.pdf",
                 "recognition_upper_office.pdf", "summary_upper_office.pdf", "summary_upper_office.xlsx",
                 "annual_report_filled.pdf", "annual_report_blank.pdf"]
    assert [name for name in expected if not (SAMPLES / name).is_file()] == []


def test_the_filled_pledge_lists_the_household_members() -> None:
    text = pdf_text_flat(SAMPLES / "pledge_filled.pdf")
    assert "Các thành viên trong hộ gia đình" in text and "Quan hệ với chủ hộ" in text and "Chủ hộ" in text


@pytest.mark.parametrize("unit_type", UNIT_TYPES)
def test_every_filled_minutes_sample_prints_its_meeting(unit_type: str) -> None:
    text = pdf_text_flat(SAMPLES / f"review_minutes_{unit_type}_filled.pdf")
    assert "Vào hồi" in text and "Chủ trì:" in text and "Có mặt:" in text and "Kết quả biểu quyết" in text
    assert "Ý kiến thảo luận" in text
