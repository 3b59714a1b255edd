"""Issue 20: the festival report — one per festival day, Nghị định 30 layout, wording from
resources/forms/festival_report.json — through the same print path as every form (both engines)."""

from __future__ import annotations

from datetime import date

from tests.conftest import ACTOR
from tests.reports.conftest import pdf_pages, pdf_text_flat

from antq_desktop.reports.form_texts import load_form_text
from antq_desktop.services import forms
from antq_desktop.services.records import writes as records

YEAR = date.today().year - 1


def test_festival_report_prints_the_recorded_day(any_store, tmp_path) -> None:
    festival = records.create(any_store, "festival_day", {
        "held_on": date(YEAR, 8, 19), "place": "Nhà văn hóa tổ dân phố số 2", "participants": 412,
        "content": "Báo cáo kết quả phong trào.\nBiểu dương tập thể, cá nhân tiêu biểu.",
        "outcome": "Tổ chức an toàn, đúng kế hoạch."}, actor=ACTOR)
    request = forms.FormRequest("festival_report", YEAR, record_id=festival)
    assert forms.count_records(any_store, request) == 1
    text = pdf_text_flat(forms.render_form(any_store, request, tmp_path / "ngay_hoi.pdf"))
    wording = load_form_text("festival_report")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and wording.doc_type in text
    assert f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {YEAR}" in text
    for fact in ("19/08/" + str(YEAR), "Nhà văn hóa tổ dân phố số 2", "412", "Biểu dương tập thể",
                 "Tổ chức an toàn", "Toàn phường", "TRƯỞNG CÔNG AN PHƯỜNG", festival):
        assert fact in text, fact
    assert wording.labels["outcome"] in text
    assert f"Thực hiện kế hoạch triển khai phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {YEAR}" in text
    assert "kế hoạch thực hiện phong trào" not in text  # the word is not doubled in the opening sentence
    # sent up: "Nơi nhận: Như trên" names the recipient under the title
    assert "Kính gửi: Công an thành phố Hà Nội" in text and "Như trên" in text


def test_no_festival_says_where_to_record_it_and_a_blank_prints(any_store, tmp_path) -> None:
    import pytest

    with pytest.raises(forms.FormError, match="Phong trào"):
        forms.render_form(any_store, forms.FormRequest("festival_report", YEAR), tmp_path / "none.pdf")
    blank = forms.render_form(any_store, forms.FormRequest("festival_report", YEAR, blank=True), tmp_path / "b.pdf")
    assert pdf_pages(blank) == 1 and "Mã hồ sơ" not in pdf_text_flat(blank)
    assert "Kính gửi: Công an thành phố Hà Nội" in pdf_text_flat(blank)
