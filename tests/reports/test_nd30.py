"""The ND30 skeleton used directly: header columns, number/date line, signers, recipients."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from reportlab.lib.pagesizes import A4

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import RecordMark, render_records
from antq_desktop.reports.forms.common import FRAME_WIDTH, para
from antq_desktop.reports.text import nd30_date, nfc

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


@pytest.mark.parametrize("place", ["Hoàn Kiếm", "Bình Thạnh Đông", "Thành phố Hồ Chí Minh"])
@pytest.mark.parametrize("day", [None, dt.date(2026, 12, 25)])
def test_the_date_is_never_split_over_two_lines(place, day):
    """A blank date's dots or a long place name shrink the line a little, or put the place above the date."""
    width = nd30.column_widths(FRAME_WIDTH)[1]
    paragraph = nd30.date_paragraph(dataclasses.replace(INFO, place=place, date=day), width)
    paragraph.wrap(width, 1000)
    lines = [_line_text(line) for line in paragraph.blPara.lines]
    when = nfc(nd30_date(day))
    assert lines in ([f"{place}, {when}"], [f"{place},", when]), lines
    assert nd30.DATE_SMALLEST <= paragraph.style.fontSize <= nd30.styles().date.fontSize
    if place == "Hoàn Kiếm" and day:  # what fits keeps ND30's own size
        assert paragraph.style.fontSize == nd30.styles().date.fontSize
    if place == "Hoàn Kiếm":  # a commune's blank date shrinks a little rather than break
        assert len(lines) == 1


def _line_text(line) -> str:  # type: ignore[no-untyped-def]
    """A wrapped line's text: plain lines are (space, words); lines with markup hold fragments."""
    if isinstance(line, tuple):
        return " ".join(line[1])
    return "".join(fragment.text for fragment in line.words).strip()


def test_two_signers_side_by_side(tmp_pdf):
    _render(tmp_pdf, [nd30.Signer("NGƯỜI CAM KẾT", "Lê Văn An"), nd30.Signer("TRƯỞNG THÔN", "Đỗ Văn Hải")])
    words = pdf_words(tmp_pdf)
    left, right = _line_of(words, "NGƯỜI"), _line_of(words, "TRƯỞNG")
    assert abs(left[2] - right[2]) < 2 and left[3] < right[1]
