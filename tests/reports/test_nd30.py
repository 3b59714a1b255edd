"""The ND30 skeleton used directly: header columns, number/date line, signers, recipients."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import RecordMark, render_records
from antq_desktop.reports.forms.common import FRAME_WIDTH, para

from .conftest import pdf_text, pdf_words

INFO = nd30.DocumentInfo(
    doc_type="Báo cáo",
    subject="Kết quả phong trào năm 2026",
    parent_body="CÔNG AN THÀNH PHỐ HÀ NỘI",
    issuing_body="CÔNG AN PHƯỜNG HOÀN KIẾM",
    place="Hoàn Kiếm",
    date=dt.date(2026, 1, 5),
    number="12",
    doc_code="BC-CAX",
)


def _render(path, signers, recipients=None):
    def build(_: object):
        body = [*nd30.document_head(INFO, FRAME_WIDTH), para("Nội dung báo cáo.")]
        return RecordMark("test"), body + nd30.signature_block(signers, FRAME_WIDTH, recipients)

    render_records(path, [None], build, title="t")


def _line_of(words, text):
    first = text.split()[0]
    return next(w for w in words if w[5] == first)


def test_header_columns_and_number_date_line(tmp_pdf):
    _render(tmp_pdf, [nd30.Signer("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Trần Văn Bình")], ["Như trên;", "Lưu: VT, CAX."])
    text = pdf_text(tmp_pdf)
    for s in (
        "CÔNG AN THÀNH PHỐ HÀ NỘI",
        "CÔNG AN PHƯỜNG HOÀN KIẾM",
        "Số: 12/BC-CAX",
        "Hoàn Kiếm, ngày 05 tháng 01 năm 2026",
        "BÁO CÁO",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Bình",
        "Nơi nhận:",
        "- Lưu: VT, CAX.",
    ):
        assert s in text, s
    words = pdf_words(tmp_pdf)
    middle = A4[0] * 0.45
    number, date = _line_of(words, "Số:"), _line_of(words, "Hoàn")
    assert abs(number[2] - date[2]) < 2  # same line
    assert number[3] < middle < date[1]  # number on the left, date on the right
    national = _line_of(words, "CỘNG")
    assert national[1] > middle and national[2] < number[2]  # top right, above the number line
    label = _line_of(words, "Nơi")
    sign = _line_of(words, "TM.")
    assert label[3] < middle < sign[1] and abs(label[2] - sign[2]) < 2  # recipients beside signer


def test_two_signers_side_by_side(tmp_pdf):
    _render(tmp_pdf, [nd30.Signer("NGƯỜI CAM KẾT", "Lê Văn An"), nd30.Signer("TRƯỞNG THÔN", "Đỗ Văn Hải")])
    words = pdf_words(tmp_pdf)
    left, right = _line_of(words, "NGƯỜI"), _line_of(words, "TRƯỞNG")
    assert abs(left[2] - right[2]) < 2 and left[3] < right[1]
