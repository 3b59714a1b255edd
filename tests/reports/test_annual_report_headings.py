"""Issue 20: the commune report's section V (the year's activities) and section VI never leave a
heading alone at the foot of a page, however long the tables above push them."""

from __future__ import annotations

import datetime as dt

from antq_desktop.reports import demo, render_annual_report
from antq_desktop.reports.form_data import ActivityLines, AnnualReportData, ClassifiedUnit, RecordRef
from antq_desktop.reports.form_texts import load_form_text

from .conftest import pdf_words

HEADINGS = ("activities", "models", "festival", "briefings", "commendations", "security_force", "proposals")


def _last_line(words: list[tuple[int, float, float, float, float, str]], page: int) -> str:
    """The lowest line of body text on `page` (the footer's record mark left out)."""
    body = [w for w in words if w[0] == page and w[4] - w[2] > 9]  # the mark's small print is not body text
    bottom = max(w[4] for w in body)
    return " ".join(w[5] for w in sorted((w for w in body if w[4] > bottom - 4), key=lambda w: w[1]))


def test_no_heading_ends_a_page(tmp_path) -> None:
    wording = load_form_text("annual_report")
    headings = {" ".join(wording.label(key).split()) for key in HEADINGS}
    activities = ActivityLines(
        models=(("Mô hình “Camera an ninh”", "Khu dân cư", "Đã công nhận", "UBND xã, 19/11/2024"),),
        festival=("Ngày 19/08/2025, tổ chức Ngày hội tại Nhà văn hóa thôn với 597 người tham gia.",),
        briefings=("Tổ chức 4 buổi phổ biến, quán triệt: 379/401 người được mời tham dự (94,5%).",),
        commendations=(("Bùi Thị Yến", "Giấy khen của Chủ tịch UBND xã", "19/08/2025"),) * 3,
        security_force=("Có 3 tổ bảo vệ an ninh, trật tự với 16 thành viên.",))
    checked = 0
    for units in range(4, 40, 3):  # the classification table pushes section V down the pages
        data = AnnualReportData(
            demo.demo_unit(), year=2025, report_date=dt.date(2026, 1, 5),
            classification=tuple(ClassifiedUnit(f"Thôn số {i}", "Khu dân cư", "Tốt") for i in range(units)),
            activities=activities, proposals=("Đề nghị cấp trên hỗ trợ kinh phí duy trì mô hình.",),
            record=RecordRef("981235e3-49a2-583a-a533-066eaea4f4c2", 1))
        pdf = render_annual_report(tmp_path / f"r{units}.pdf", data)
        words = pdf_words(pdf)
        for page in sorted({w[0] for w in words})[:-1]:
            last = _last_line(words, page)
            assert last not in headings, (units, page, last)
            checked += 1
    assert checked > 10
