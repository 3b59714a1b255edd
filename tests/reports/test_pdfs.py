"""Every form renders blank and filled; headings survive text extraction exactly (NFC)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from antq_desktop.reports import (
    demo,
    render_annual_report,
    render_covenants,
    render_minutes,
    render_pledges,
    render_registrations,
    render_self_assessments,
    render_summary_pdf,
)
from antq_desktop.reports.form_data import (
    AnnualReportData,
    CovenantData,
    MinutesData,
    PledgeData,
    RegistrationData,
    SelfAssessmentData,
)

from .conftest import pdf_fonts, pdf_pages, pdf_text, pdf_text_flat, pdf_words

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK_UNIT = replace(demo.demo_unit(), place=None)

FILLED = {
    "pledge": (render_pledges, lambda: [demo.demo_pledge(1)], ["BẢN CAM KẾT", "NGƯỜI CAM KẾT"]),
    "covenant": (render_covenants, lambda: [demo.demo_covenant()], ["BẢN GIAO ƯỚC THI ĐUA"]),
    "registration": (render_registrations, lambda: [demo.demo_registration()], ["BẢN ĐĂNG KÝ"]),
    "self_assessment": (
        render_self_assessments,
        lambda: [demo.demo_self_assessment()],
        ["PHIẾU TỰ ĐÁNH GIÁ"],
    ),
    "minutes": (render_minutes, lambda: [demo.demo_minutes()], ["BIÊN BẢN", "Số: 07/BB-CAX"]),
}
BLANK = {
    "pledge": (render_pledges, lambda: [PledgeData(BLANK_UNIT)]),
    "covenant": (render_covenants, lambda: [CovenantData(BLANK_UNIT)]),
    "registration": (render_registrations, lambda: [RegistrationData(BLANK_UNIT)]),
    "self_assessment": (
        render_self_assessments,
        lambda: [SelfAssessmentData(BLANK_UNIT, demo.demo_criteria(filled=False))],
    ),
    "minutes": (render_minutes, lambda: [MinutesData(BLANK_UNIT)]),
}


def _assert_fonts_embedded(pdf):
    rows = pdf_fonts(pdf)
    assert rows, "no fonts listed"
    for row in rows:
        assert row["emb"] == "yes" and row["sub"] == "yes", row
        assert "LiberationSerif" in row["name"], row  # no stray Helvetica


@pytest.mark.parametrize("name", sorted(FILLED))
def test_filled_form(name, tmp_pdf):
    render, records, headings = FILLED[name]
    render(tmp_pdf, records())
    text = pdf_text(tmp_pdf)
    for heading in (NATIONAL, MOTTO, *headings):
        assert heading in text, heading
    assert "Mã hồ sơ:" in text and demo.DEMO_FINGERPRINT in text  # footer of filled records
    _assert_fonts_embedded(tmp_pdf)


@pytest.mark.parametrize("place", [None, "Hoàn Kiếm", "Thành phố Hồ Chí Minh"])
@pytest.mark.parametrize("name", sorted(BLANK))
def test_blank_form(name, place, tmp_pdf):
    """Blank forms, also as a set-up office prints them: its place name before the dotted date."""
    render, records = BLANK[name]
    render(tmp_pdf, [replace(record, unit=replace(record.unit, place=place)) for record in records()])
    text = pdf_text(tmp_pdf)
    assert NATIONAL in text and MOTTO in text
    assert "ngày ……… tháng ……… năm 20……" in text
    # The dotted date stays one line: "20……" is not pushed under it, alone (it was, in the right column).
    words = [w for w in pdf_words(tmp_pdf) if w[0] == 1]
    year = next(w for w in words if w[5] == "20……")
    assert any(w[5] == "tháng" and abs(w[2] - year[2]) < 2 and w[3] < year[1] for w in words), year
    assert "Mã hồ sơ" not in text  # blank forms carry no record identity
    _assert_fonts_embedded(tmp_pdf)


def test_pledge_layout_details(tmp_pdf):
    data = replace(demo.demo_pledge(1), signed_on=dt.date(2026, 1, 5))
    render_pledges(tmp_pdf, [data])
    text = pdf_text(tmp_pdf)
    assert "Đông Sơn, ngày 05 tháng 01 năm 2026" in text
    assert data.household_head in text
    assert pdf_pages(tmp_pdf) == 1


def test_annual_report_header_number_and_recipients(tmp_pdf):
    render_annual_report(tmp_pdf, demo.demo_annual_report())
    text = pdf_text(tmp_pdf)
    flat = pdf_text_flat(tmp_pdf)
    for s in (
        "CÔNG AN TỈNH THANH HÓA",
        "CÔNG AN XÃ ĐÔNG SƠN",
        "Số: 125/BC-CAX",
        "BÁO CÁO",
        "Đông Sơn, ngày 15 tháng 12 năm 2026",
        "Nơi nhận:",
        "- Lưu: VT, CAX.",
        "TRƯỞNG CÔNG AN XÃ",
        "Phạm Quang Khải",
    ):
        assert s in text, s
    assert "Kết quả thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026" in flat
    _assert_fonts_embedded(tmp_pdf)


def test_annual_report_page_numbers_start_on_page_2(tmp_pdf):
    render_annual_report(tmp_pdf, demo.demo_annual_report())
    pages = pdf_text(tmp_pdf).split("\f")
    assert pdf_pages(tmp_pdf) >= 2
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not pages[0].strip().splitlines()[0].strip().isdigit()


def test_annual_report_blank(tmp_pdf):
    render_annual_report(tmp_pdf, AnnualReportData(BLANK_UNIT))
    text = pdf_text(tmp_pdf)
    assert "Số: ………/BC-CAX" in text and "Nơi nhận:" in text


def test_summary_pdf_is_landscape_with_totals(tmp_pdf):
    data = demo.demo_summary()
    render_summary_pdf(tmp_pdf, data)
    text = pdf_text(tmp_pdf)
    assert "Tổng cộng" in text and "Xã Đông Ninh" in text and "Chưa đạt chỉ tiêu" in text
    assert "Đơn vị chưa đạt chỉ tiêu (2)" in text
    import subprocess

    info = subprocess.run(["pdfinfo", str(tmp_pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in info  # A4 landscape, in points
